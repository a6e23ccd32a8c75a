using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.FraudDetection.Data;
using ReferenceSolutions.FraudDetection.LogisticRegression;

namespace ReferenceSolutions.FraudDetection.Verification;

/// <summary>
/// <c>refsol verify logreg --input D.csv --label NAME --l2 λ</c>: minimise f(θ) = Σᵢ logloss(yᵢ, σ(b + wᵀxᵢ)) + (λ/2)‖w‖²
/// on the raw (unstandardised) features with Newton from scratch, TorchSharp (float64) and ML.NET (float32 L-BFGS);
/// each reports {intercept, weights, objective}, the objective evaluated in float64 at its own θ. maxAbsDiff is
/// max over twins of ‖θ − θ_scratch‖∞ / max(1, ‖θ_scratch‖∞), against ML.NET's float32 tolerance 1e-3.
/// </summary>
public static class LogRegVerification
{
    /// <summary>The verify report.</summary>
    public static VerifyReport Run(string input, string label, double lambda, int seed = 1)
    {
        if (!double.IsFinite(lambda) || lambda < 0)
        {
            throw new UserInputException($"--l2 must be a finite λ ≥ 0, not {lambda}");
        }
        LabeledData data = LabeledCsv.Read(input, label);
        var implementations = new Dictionary<string, object>();
        LogisticModel? reference = null;
        double worst = 0;
        foreach (ILogisticRegression twin in new ILogisticRegression[] { new NewtonLogisticRegression(), new TorchLogisticRegression(), new MLNetLogisticRegression(seed) })
        {
            LogisticModel model;
            try
            {
                model = twin.Fit(data.X, data.Y, lambda);
            }
            catch (LinearAlgebraException e)
            {
                throw new UserInputException($"{input}: the Hessian is not positive definite ({e.Message}); the classes may be separable or features collinear, so no finite minimiser exists at λ = {lambda}; use --l2 > 0");
            }
            reference ??= model;
            double diff = Norms.MaxAbsDiff(model.Theta, reference.Theta) / Math.Max(1.0, Norms.MaxAbs(reference.Theta));
            worst = Math.Max(worst, diff);
            implementations[twin.Name] = new
            {
                model.Intercept,
                model.Weights,
                Objective = LogisticObjective.Value(data.X, data.Y, lambda, model.Theta),
                RelativeDiffFromScratch = diff,
                Note = twin is MLNetLogisticRegression
                    ? "float32 L-BFGS with L2Regularization = λ (its objective is ours divided by n); on raw features whose scales differ by orders of magnitude it can stop far from the optimum — compare the objectives"
                    : null,
            };
        }
        return new VerifyReport("logreg", implementations, worst, FraudTolerances.Float32LbfgsRelative.Value);
    }
}
