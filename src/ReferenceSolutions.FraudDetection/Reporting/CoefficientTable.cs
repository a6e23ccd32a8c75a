using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.FraudDetection.Data;
using ReferenceSolutions.FraudDetection.LogisticRegression;

namespace ReferenceSolutions.FraudDetection.Reporting;

/// <summary>
/// logreg-from-scratch's coefficient inference as the run reports it: H⁻¹ at θ̂ on the standardised training rows
/// (n×d), the metrics.json tables on the standardised scale (<c>coefficients</c>) and in raw units
/// (<c>coefficientsRawUnits</c>, <see cref="CoefficientInference.ToRawUnits"/>), and the 95 % delta-method interval of
/// each predicted probability. When H is not numerically positive definite the tables are <see cref="NotComputed"/>
/// with the reason (the run then exits 1) and the predictions carry no interval.
/// See docs/fraud-detection.md#coefficient-inference.
/// </summary>
internal sealed class CoefficientTable
{
    /// <summary>The name the tables give the intercept.</summary>
    public const string InterceptName = "(intercept)";

    private CoefficientTable(CoefficientInference? standardised, CoefficientInference? raw, IReadOnlyList<string> features, string? failure)
    {
        Standardised = standardised;
        Raw = raw;
        Names = [InterceptName, .. features];
        Failure = failure;
    }

    /// <summary>The inference on the standardised scale, null when H is singular.</summary>
    public CoefficientInference? Standardised { get; }

    /// <summary>The inference in raw units, null with <see cref="Standardised"/>.</summary>
    public CoefficientInference? Raw { get; }

    /// <summary>"(intercept)" and the feature names (d + 1).</summary>
    public string[] Names { get; }

    /// <summary>Why there is no inference; null when there is.</summary>
    public string? Failure { get; }

    /// <summary>The inference of <paramref name="model"/> fitted at λ on the standardised rows <paramref name="x"/> (n×d) by <paramref name="scaler"/>.</summary>
    public static CoefficientTable Of(Matrix x, double lambda, LogisticModel model, Standardizer scaler, IReadOnlyList<string> features)
    {
        ArgumentNullException.ThrowIfNull(scaler);
        try
        {
            CoefficientInference inference = CoefficientInference.At(x, lambda, model);
            return new CoefficientTable(inference, inference.ToRawUnits(scaler.Mean, scaler.Scale), features, null);
        }
        catch (LinearAlgebraException e)
        {
            return new CoefficientTable(null, null, features, System.FormattableString.Invariant(
                $"the Hessian X̃ᵀWX̃ + λĨ at θ̂ (λ = {lambda}) is not numerically positive definite ({e.Message}): separable classes or a constant or collinear feature leave some coefficient without information"));
        }
    }

    /// <summary>
    /// <c>[{"feature", "estimate", "standardError", "z", "pValue", "ci95": [lo, hi]}]</c> of one scale, or
    /// <see cref="NotComputed"/>.
    /// </summary>
    public object Rows(bool rawUnits)
    {
        if ((rawUnits ? Raw : Standardised) is not CoefficientInference inference)
        {
            return new NotComputed(Failure!);
        }
        double[] z = inference.Z, p = inference.PValues;
        int bad = Enumerable.Range(0, Names.Length).FirstOrDefault(j =>
            !(double.IsFinite(inference.Estimate[j]) && inference.StandardErrors[j] > 0 && double.IsFinite(inference.StandardErrors[j]) && double.IsFinite(z[j])), -1);
        if (bad >= 0)
        {
            return new NotComputed(System.FormattableString.Invariant(
                $"{Names[bad]}: estimate {inference.Estimate[bad]}, standard error {inference.StandardErrors[bad]} in {(rawUnits ? "raw units, where the feature scales put them beyond float64's range; the standardised table holds the inference" : "standardised units")}"));
        }
        return Names.Select((name, j) =>
        {
            (double lo, double hi) = inference.Interval95(j);
            return new Dictionary<string, object>
            {
                ["feature"] = name,
                ["estimate"] = inference.Estimate[j],
                ["standardError"] = inference.StandardErrors[j],
                ["z"] = z[j],
                ["pValue"] = p[j],
                ["ci95"] = new[] { lo, hi },
            };
        }).ToList();
    }

    /// <summary>The 95 % delta-method intervals of the probabilities of standardised rows <paramref name="x"/> (m×d), or null without an inference.</summary>
    public (double[] Lo, double[] Hi)? PredictionIntervals(Matrix x) => Standardised?.ProbabilityIntervals95(x);
}
