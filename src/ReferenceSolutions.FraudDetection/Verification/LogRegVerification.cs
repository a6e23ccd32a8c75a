using System.Globalization;
using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.FraudDetection.Data;
using ReferenceSolutions.FraudDetection.LogisticRegression;

namespace ReferenceSolutions.FraudDetection.Verification;

/// <summary>
/// <c>refsol verify logreg --input D.csv --label NAME --l2 λ</c>: minimise f(θ) = Σᵢ logloss(yᵢ, σ(b + wᵀxᵢ)) + (λ/2)‖w‖²
/// on the raw (unstandardised) features with Newton from scratch, TorchSharp (float64 Newton) and ML.NET (float32
/// L-BFGS); each reports {intercept, weights, objective} (the objective evaluated in float64 at its own θ) and the
/// Newton twins whether they converged. Four comparisons decide: θ torch vs from scratch
/// (<see cref="FraudChecks.ThetaTorch"/>), θ ML.NET vs from scratch relative to ‖θ‖∞
/// (<see cref="FraudChecks.ThetaMLNet"/>) and the objectives
/// (<see cref="FraudChecks.ObjectiveMLNet"/>); the from-scratch and torch entries also carry
/// standardErrors {intercept, weights}, √(H⁻¹)ⱼⱼ at their θ̂ (<see cref="CoefficientInference"/>, torch's Hessian by
/// autograd), compared by <see cref="FraudChecks.StandardErrorsTorch"/>. With --profile NAME… (λ = 0) the from-scratch
/// entry adds profileCi95 {name: [lo, hi]}, the 95 % profile-likelihood interval of each named coefficient
/// (<see cref="ProfileLikelihood"/>; an end that does not exist — a flat likelihood — or could not be computed is null). When the from-scratch Newton does not converge — λ = 0 on separable
/// classes, where f has no finite minimiser, or collinear features, or a λ so small that the Hessian underflows — the
/// command says so (exit 2) instead of comparing non-optima. Otherwise each Newton twin's entry says whether it
/// converged (a TorchSharp solve that fails counts as not converged, and its θ check fails).
/// </summary>
public static class LogRegVerification
{
    /// <summary>The three fits of one input, on its raw features.</summary>
    /// <remarks>
    /// <paramref name="Inference"/> is the from-scratch H⁻¹ at the from-scratch θ̂; <paramref name="TorchCovariance"/>
    /// TorchSharp's autograd H⁻¹ at its own θ̂, null when libtorch found that Hessian singular; <paramref name="Profile"/>
    /// the 95 % profile-likelihood interval (<see cref="ProfileLikelihood"/>, λ = 0) of each coefficient asked for by name
    /// ("(intercept)" or a feature), empty when none was asked for.
    /// </remarks>
    public sealed record Result(LabeledData Data, double Lambda, NewtonFit Scratch, NewtonFit Torch, LogisticModel MLNet,
        CoefficientInference Inference, Matrix? TorchCovariance, IReadOnlyList<(string Name, double Lo, double Hi)>? Profile = null);

    /// <summary>The verify report.</summary>
    public static VerifyReport Run(string input, string label, double lambda, int seed = 1, int maxFeatures = FraudLimits.DefaultMaxFeatures, IReadOnlyList<string>? profile = null) =>
        Report(Fit(input, label, lambda, seed, maxFeatures, profile));

    /// <summary>
    /// Reads <paramref name="input"/> and fits the three twins at λ. Refused with <see cref="UserInputException"/>:
    /// more than <paramref name="maxFeatures"/> features, a raw value beyond float32's range (ML.NET would read ∞), at
    /// λ = 0 a constant or collinear feature (<see cref="Anomaly.Collinearity"/>: then the minimiser is not unique), and
    /// data on which the from-scratch Newton does not converge or whose Hessian at θ̂ is not numerically positive definite — then there is no minimiser to compare: at λ = 0 on
    /// separable classes none exists, and at a λ small enough for every pᵢ(1 − pᵢ) to underflow the Hessian is
    /// numerically singular. The message says which, and to raise --l2. <paramref name="profile"/> names the coefficients
    /// ("(intercept)", a feature, or "all") whose profile-likelihood intervals are computed — only at λ = 0, where f is
    /// the negative log-likelihood; a name the data do not have, or a profile at λ &gt; 0, is refused.
    /// </summary>
    public static Result Fit(string input, string label, double lambda, int seed = 1, int maxFeatures = FraudLimits.DefaultMaxFeatures, IReadOnlyList<string>? profile = null)
    {
        profile ??= [];
        if (profile.Count > 0 && lambda != 0)
        {
            throw new UserInputException(string.Create(CultureInfo.InvariantCulture, $"--profile needs --l2 0: at λ = {lambda} f is a penalised objective, not a negative log-likelihood"));
        }
        if (!(lambda is >= 0 and <= FraudLimits.MaxLambda))
        {
            throw new UserInputException($"--l2 must be a λ in [0, {FraudLimits.MaxLambda}], not {lambda}: ML.NET takes λ as float32, and beyond float32's range it is ∞");
        }
        FraudLimits.CheckLimitOption("--max-features", maxFeatures);
        LabeledData data = LabeledCsv.Read(input, label, (FraudLimits.MaxRawValue, "ML.NET reads features as float32, whose range ends there"));
        FraudLimits.CheckFeatures(data, maxFeatures);
        string[] names = [Reporting.CoefficientTable.InterceptName, .. data.FeatureNames];
        string[] profiled = profile.Contains("all") ? names : [.. profile.Distinct()];
        if (profiled.FirstOrDefault(name => !names.Contains(name)) is string unknown)
        {
            throw new UserInputException($"{input}: --profile {unknown}: no such coefficient; the file has {Reporting.CoefficientTable.InterceptName} and the features {string.Join(", ", data.FeatureNames)}, or use all");
        }
        if (lambda == 0)
        {
            (double[] _, Matrix covariance) = Anomaly.Covariance.Of(data.X);
            if (Anomaly.Collinearity.Check(data.X, covariance, data.FeatureNames, "rows").Problem is string problem)
            {
                throw new UserInputException($"{input}: at λ = 0 the weights are not identifiable: {problem}; use --l2 > 0");
            }
        }
        NewtonFit scratch = new NewtonLogisticRegression().Solve(data.X, data.Y, lambda);
        if (!scratch.Converged)
        {
            throw new UserInputException(NotConverged(input, lambda, scratch));
        }
        CoefficientInference inference;
        try
        {
            inference = CoefficientInference.At(data.X, lambda, scratch.Model);
        }
        catch (LinearAlgebraException e)
        {
            throw new UserInputException(string.Create(CultureInfo.InvariantCulture,
                $"{input}: the Hessian at the fitted θ is not numerically positive definite at λ = {lambda} ({e.Message}), so the coefficients have no standard errors; use a larger --l2"));
        }
        NewtonFit torch = new TorchLogisticRegression().Solve(data.X, data.Y, lambda);
        Matrix? torchCovariance = TorchLogisticRegression.Covariance(data.X, data.Y, lambda, torch.Model.Theta);
        LogisticModel mlnet = new MLNetLogisticRegression(seed).Fit(data.X, data.Y, lambda);
        var intervals = new List<(string Name, double Lo, double Hi)>();
        foreach (string name in profiled)
        {
            int j = Array.IndexOf(names, name);
            (double lo, double hi) = ProfileLikelihood.Interval95(data.X, data.Y, 0.0, j, scratch.Model.Theta, inference.StandardErrors[j]);
            intervals.Add((name, lo, hi));
        }
        return new Result(data, lambda, scratch, torch, mlnet, inference, torchCovariance, intervals);
    }

    /// <summary>The report from the three fits: each twin's entry and the four comparisons.</summary>
    public static VerifyReport Report(Result result)
    {
        ArgumentNullException.ThrowIfNull(result);
        (LabeledData data, double lambda, NewtonFit scratch, NewtonFit torch, LogisticModel mlnet, CoefficientInference inference, Matrix? torchCovariance, IReadOnlyList<(string Name, double Lo, double Hi)>? profile) = result;
        double[] seScratch = inference.StandardErrors;
        double[] seTorch = torchCovariance is null
            ? [.. seScratch.Select(_ => double.NaN)]
            : [.. Enumerable.Range(0, seScratch.Length).Select(j => Math.Sqrt(torchCovariance[j, j]))];
        double fScratch = LogisticObjective.Value(data.X, data.Y, lambda, scratch.Model.Theta);
        double fTorch = LogisticObjective.Value(data.X, data.Y, lambda, torch.Model.Theta);
        double fNet = LogisticObjective.Value(data.X, data.Y, lambda, mlnet.Theta);
        var implementations = new Dictionary<string, object>
        {
            [ModelKinds.FromScratch] = Entry(scratch.Model, fScratch, scratch, seScratch, null, profile),
            [ModelKinds.Torch] = Entry(torch.Model, fTorch, torch, seTorch,
                torchCovariance is null ? "libtorch found its autograd Hessian singular, so it has no standard errors and the standard-error check fails" : null),
            [ModelKinds.MLNet] = Entry(mlnet, fNet, null, null,
                "float32 L-BFGS with L2Regularization = λ (its objective is ours divided by n); on raw features whose scales differ by orders of magnitude it can stop far from the optimum, and its θ and objective checks then fail"),
        };
        string measuredOn = string.Create(CultureInfo.InvariantCulture, $"{data.Source}: {data.Rows} rows × {data.Features} raw features, λ = {lambda}");
        return VerifyReport.Create("logreg", implementations,
        [
            FraudChecks.ThetaTorch.Measure(FraudComparisons.Theta(scratch.Model, torch.Model, ModelKinds.Torch), measuredOn),
            FraudChecks.ThetaMLNet.Measure(FraudComparisons.ThetaRelative(scratch.Model, mlnet), measuredOn),
            FraudChecks.ObjectiveMLNet.Measure(FraudComparisons.Objective(fScratch, fNet), measuredOn),
            FraudChecks.StandardErrorsTorch.Measure(FraudComparisons.StandardErrors(seScratch, seTorch, ModelKinds.Torch), measuredOn),
        ]);
    }

    private static string NotConverged(string input, double lambda, NewtonFit fit)
    {
        string stopped = fit.Iterations == 0
            ? "its Hessian at θ = 0 is singular: a constant feature, or one that is a linear combination of others, has no identifiable weight"
            : string.Create(CultureInfo.InvariantCulture,
                $"it stopped after {fit.Iterations} iterations with ‖θ‖∞ = {Norms.MaxAbs(fit.Model.Theta):0.###e+0} (last step {fit.LastRelativeStep:0.###e+0} of 1 + ‖θ‖∞): the classes look separable");
        string so = lambda == 0
            ? "so f has no unique finite minimiser; use --l2 > 0"
            : "so at this λ the minimiser lies where every pᵢ(1 − pᵢ) underflows and the Hessian is numerically singular; use a larger --l2";
        return string.Create(CultureInfo.InvariantCulture, $"{input}: Newton did not converge at λ = {lambda}: {stopped}, {so}");
    }

    private static Dictionary<string, object?> Entry(LogisticModel model, double objective, NewtonFit? newton, double[]? standardErrors, string? note, IReadOnlyList<(string Name, double Lo, double Hi)>? profile = null)
    {
        var entry = new Dictionary<string, object?>
        {
            ["intercept"] = Finite(model.Intercept),
            ["weights"] = model.Weights.Select(Finite).ToArray(),
            ["objective"] = Finite(objective),
        };
        if (standardErrors is not null)
        {
            entry["standardErrors"] = new Dictionary<string, object?>
            {
                ["intercept"] = Finite(standardErrors[0]),
                ["weights"] = standardErrors[1..].Select(Finite).ToArray(),
            };
        }
        if (profile is { Count: > 0 })
        {
            entry["profileCi95"] = profile.ToDictionary(e => e.Name, e => new[] { Finite(e.Lo), Finite(e.Hi) });
        }
        if (newton is not null)
        {
            entry["converged"] = newton.Converged;
            entry["iterations"] = newton.Iterations;
        }
        if (note is not null)
        {
            entry["note"] = note;
        }
        return entry;
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
