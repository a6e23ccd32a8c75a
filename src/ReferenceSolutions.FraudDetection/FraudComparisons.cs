using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.FraudDetection.LogisticRegression;

namespace ReferenceSolutions.FraudDetection;

/// <summary>
/// The comparisons behind this solution's parity and consistency checks, built in one place so that the run, the
/// verify commands and the tests compare the same numbers the same way (NaN-proof, through Core's
/// <see cref="Comparison"/>). Each is judged by its <see cref="FraudChecks"/> definition.
/// </summary>
public static class FraudComparisons
{
    /// <summary>θ = [b, w] of a float64 twin against the from-scratch θ, entry by entry, absolute.</summary>
    public static Comparison Theta(LogisticModel scratch, LogisticModel twin, string twinName)
    {
        ArgumentNullException.ThrowIfNull(scratch);
        ArgumentNullException.ThrowIfNull(twin);
        return new Comparison(ModelKinds.FromScratch, twinName).Add("θ", scratch.Theta, twin.Theta);
    }

    /// <summary>θ of ML.NET against the from-scratch θ, relative to ‖θ_scratch‖∞.</summary>
    public static Comparison ThetaRelative(LogisticModel scratch, LogisticModel mlnet)
    {
        ArgumentNullException.ThrowIfNull(scratch);
        ArgumentNullException.ThrowIfNull(mlnet);
        double[] theta = scratch.Theta;
        return new Comparison(ModelKinds.FromScratch, ModelKinds.MLNet).Add("θ", theta, mlnet.Theta, Core.LinearAlgebra.Norms.MaxAbs(theta));
    }

    /// <summary>
    /// Standard errors [se_b, se_w₁..se_w_d] of a twin against the from-scratch ones, entry by entry, each relative to
    /// the from-scratch value (a standard error is positive, so the scale is too; a NaN on either side fails).
    /// </summary>
    public static Comparison StandardErrors(IReadOnlyList<double> scratch, IReadOnlyList<double> twin, string twinName)
    {
        ArgumentNullException.ThrowIfNull(scratch);
        ArgumentNullException.ThrowIfNull(twin);
        if (scratch.Count != twin.Count)
        {
            throw new ArgumentException($"se: {ModelKinds.FromScratch} has {scratch.Count} values but {twinName} has {twin.Count}");
        }
        var comparison = new Comparison(ModelKinds.FromScratch, twinName);
        for (int j = 0; j < scratch.Count; j++)
        {
            comparison.Add(j == 0 ? "se(b)" : $"se(w{j})", scratch[j], twin[j], scratch[j]);
        }
        return comparison;
    }

    /// <summary>f(θ_mlnet) against f(θ_scratch), both evaluated in float64 by <see cref="LogisticObjective"/>, relative to f(θ_scratch).</summary>
    public static Comparison Objective(double scratch, double mlnet) =>
        new Comparison(ModelKinds.FromScratch, ModelKinds.MLNet).Add("f(θ)", scratch, mlnet, scratch);

    /// <summary>The PCA anomaly scores s(x) = √(e(x)/‖x − μ‖²) of the same rows (n each), absolute.</summary>
    public static Comparison AnomalyScores(double[] scratch, double[] mlnet) =>
        new Comparison(ModelKinds.FromScratch, ModelKinds.MLNet).Add("s(x)", scratch, mlnet);

    /// <summary>
    /// The sample variance of B bootstrap AUC replicates against <see cref="Intervals.BootstrapVarianceLimit"/> (its
    /// B → ∞ limit from DeLong's components), relative to the limit.
    /// </summary>
    public static Comparison BootstrapVariance(double[] replicates, double limit)
    {
        ArgumentNullException.ThrowIfNull(replicates);
        double mean = replicates.Average();
        double variance = replicates.Sum(a => (a - mean) * (a - mean)) / (replicates.Length - 1);
        return new Comparison("bootstrap", "delong").Add("Var(AUC)", variance, limit, limit);
    }
}
