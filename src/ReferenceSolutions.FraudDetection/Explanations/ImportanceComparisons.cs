using ReferenceSolutions.Core.Reporting;

namespace ReferenceSolutions.FraudDetection.Explanations;

/// <summary>
/// The statistical comparisons behind the PFI checks: two independent PFI estimates of one model on the same rows,
/// ours (left) and ML.NET's (right), each a mean m ± standard error se of R permutations per feature.
/// </summary>
public static class ImportanceComparisons
{
    /// <summary>
    /// The chance that one comparison of two correct PFIs fails (over all d features): each feature is allowed
    /// k = t⁻¹_ν(1 − α/(2d)) combined standard errors, ν the Welch–Satterthwaite degrees of freedom.
    /// </summary>
    public const double FamilyWiseAlpha = 1e-3;

    /// <summary>The features whose sets are compared by <see cref="Top"/>.</summary>
    public const int TopCount = 5;

    /// <summary>
    /// Below this combined standard error a feature counts as unmoved on both sides (no permutation changed an AUC,
    /// e.g. a feature no tree splits on): its means must then agree to that absolute amount.
    /// </summary>
    public const double UnmovedFloor = 1e-12;

    /// <summary>
    /// Per feature j, |m₁ⱼ − m₂ⱼ| in units of kⱼ·√(se₁ⱼ² + se₂ⱼ²) (at least <see cref="UnmovedFloor"/>), kⱼ =
    /// <see cref="Allowance"/>: the comparison passes tolerance 1 when every mean lies within its allowance.
    /// </summary>
    public static Comparison Means(IReadOnlyList<FeatureImportance> ours, IReadOnlyList<FeatureImportance> theirs, int repeats)
    {
        RequireSameFeatures(ours, theirs);
        var comparison = new Comparison(ModelKinds.FromScratch, ModelKinds.MLNet);
        for (int j = 0; j < ours.Count; j++)
        {
            comparison.Add($"AUC drop of {ours[j].Feature} / (k·√(se₁² + se₂²))", ours[j].AucDrop, theirs[j].AucDrop,
                Scale(ours[j].AucDropSe, theirs[j].AucDropSe, repeats, ours.Count));
        }
        return comparison;
    }

    /// <summary>
    /// k = t⁻¹_ν(1 − α/(2d)), α = <see cref="FamilyWiseAlpha"/>, for the difference of two means of R values each with
    /// standard errors se₁, se₂: ν = (se₁² + se₂²)² / ((se₁⁴ + se₂⁴)/(R − 1)) (Welch–Satterthwaite).
    /// </summary>
    public static double Allowance(double se1, double se2, int repeats, int features)
    {
        double v1 = se1 * se1, v2 = se2 * se2;
        double nu = (v1 + v2) * (v1 + v2) / (((v1 * v1) + (v2 * v2)) / (repeats - 1));
        return UpperQuantile(nu, 1 - (FamilyWiseAlpha / (2.0 * features)));
    }

    /// <summary>
    /// t⁻¹_ν(p) for p ≥ ½ by bisection on Student's CDF F_ν (MathNet's, through the regularised incomplete beta): the
    /// bracket [0, b] doubles b until F_ν(b) ≥ p, then halves until it is 2⁻⁴⁰ of b wide. MathNet's own InvCDF does not
    /// converge for ν near 1 at the far tail (ν = 1 at p = 1 − 0.05/60 here, where t = tan(π(p − ½)) ≈ 382).
    /// </summary>
    internal static double UpperQuantile(double nu, double p)
    {
        double low = 0, high = 1;
        while (MathNet.Numerics.Distributions.StudentT.CDF(0, 1, nu, high) < p)
        {
            (low, high) = (high, 2 * high);
        }
        while (high - low > Math.ScaleB(high, -40))
        {
            double middle = 0.5 * (low + high);
            (low, high) = MathNet.Numerics.Distributions.StudentT.CDF(0, 1, nu, middle) < p ? (middle, high) : (low, middle);
        }
        return 0.5 * (low + high);
    }

    private static double Scale(double se1, double se2, int repeats, int features)
    {
        double combined = Math.Sqrt((se1 * se1) + (se2 * se2));
        return combined < UnmovedFloor ? UnmovedFloor : Allowance(se1, se2, repeats, features) * combined;
    }

    /// <summary>
    /// The top <see cref="TopCount"/> sets, identical up to statistical ties: for every feature j in either side's top
    /// <see cref="TopCount"/>, each side's shortfall gⱼ = max(0, m₅ − mⱼ) / (k·√(se₅² + seⱼ²)) of j's mean AUC drop
    /// below that side's fifth feature (0 when j is in that side's set; k = <see cref="Allowance"/>); one of the two is
    /// 0, so |g₁ⱼ − g₂ⱼ| ≤ 1 says that a feature missing from one side's set is within its allowance of entering it there.
    /// </summary>
    public static Comparison Top(IReadOnlyList<FeatureImportance> ours, IReadOnlyList<FeatureImportance> theirs, int repeats)
    {
        RequireSameFeatures(ours, theirs);
        int[] ourTop = PermutationImportance.Top(ours, TopCount), theirTop = PermutationImportance.Top(theirs, TopCount);
        var comparison = new Comparison(ModelKinds.FromScratch, ModelKinds.MLNet);
        foreach (int j in ourTop.Union(theirTop).Order())
        {
            comparison.Add($"{ours[j].Feature}: shortfall below the top {TopCount}, in k combined SE", Shortfall(ours, ourTop, j, repeats), Shortfall(theirs, theirTop, j, repeats));
        }
        return comparison;
    }

    private static double Shortfall(IReadOnlyList<FeatureImportance> side, int[] top, int j, int repeats)
    {
        if (top.Contains(j))
        {
            return 0;
        }
        FeatureImportance last = side[top[^1]], feature = side[j];
        return Math.Max(0, last.AucDrop - feature.AucDrop) / Scale(last.AucDropSe, feature.AucDropSe, repeats, side.Count);
    }

    private static void RequireSameFeatures(IReadOnlyList<FeatureImportance> ours, IReadOnlyList<FeatureImportance> theirs)
    {
        ArgumentNullException.ThrowIfNull(ours);
        ArgumentNullException.ThrowIfNull(theirs);
        if (ours.Count != theirs.Count || ours.Where((f, j) => f.Feature != theirs[j].Feature).Any())
        {
            throw new ArgumentException($"{ours.Count} features against {theirs.Count}, or in another order");
        }
    }
}
