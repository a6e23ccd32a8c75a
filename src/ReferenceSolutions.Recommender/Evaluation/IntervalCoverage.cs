using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.Recommender.Factorization;
using ReferenceSolutions.Recommender.Ratings;

namespace ReferenceSolutions.Recommender.Evaluation;

/// <summary>
/// Central predictive intervals r̂ ± z·√v (v from <see cref="PredictiveVariance"/>, z = Φ⁻¹((1 + level)/2)) at the two
/// levels the run measures, and their empirical coverage on test ratings: the share of warm test ratings r with
/// |r − r̂| ≤ z·√v, r̂ unclipped. Cold test ratings (user or item without training ratings) have no proper posterior
/// (λnᵤ = 0, or an item with no evidence) and are left out; their count is <c>coldTestRatings</c>.
/// Derivation: docs/recommender.md#predictive-intervals.
/// </summary>
public static class IntervalCoverage
{
    /// <summary>Φ⁻¹(0.90), the half-width in standard deviations of the central 80 % interval.</summary>
    public const double Z80 = 1.2815515655446004;

    /// <summary>Φ⁻¹(0.975), the half-width in standard deviations of the central 95 % interval.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>The levels an interval may be asked for: the two whose coverage the run measures.</summary>
    public static IReadOnlyList<double> Levels { get; } = [0.8, 0.95];

    /// <summary>z for <paramref name="level"/> (0.8 or 0.95); any other level is refused.</summary>
    public static double Z(double level) => level switch
    {
        0.8 => Z80,
        0.95 => Z95,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "the interval level must be 0.8 or 0.95"),
    };

    /// <summary>
    /// The interval metrics of <paramref name="model"/> on <paramref name="test"/>: <c>intervalNoiseVariance</c> (σ²),
    /// <c>intervalDegreesOfFreedom</c> (df), <c>intervalTestRatings</c> (the warm ones scored),
    /// <c>intervalCoverage80</c>, <c>intervalCoverage95</c> and the mean widths 2z·√v <c>intervalWidth80</c>,
    /// <c>intervalWidth95</c>; a <see cref="NotComputed"/> with the reason when σ² has no residual degree of freedom or
    /// no test rating is warm.
    /// </summary>
    public static Dictionary<string, object> Metrics(BiasedMf model, PredictiveVariance variance, RatingSet test, IReadOnlyList<bool> cold)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(variance);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(cold);
        int warm = 0, covered80 = 0, covered95 = 0;
        double sd = 0.0;
        if (double.IsFinite(variance.NoiseVariance))
        {
            int[][] byUser = test.ByUser();
            for (int u = 0; u < byUser.Length; u++)
            {
                int[] ratings = [.. byUser[u].Where(r => !cold[r])];
                if (ratings.Length == 0)
                {
                    continue;
                }
                double[] v = variance.ForUser(u, [.. ratings.Select(r => test.Items[r])]);
                for (int t = 0; t < ratings.Length; t++)
                {
                    int r = ratings[t];
                    double s = Math.Sqrt(v[t]);
                    double error = Math.Abs(test.Values[r] - model.Predict(u, test.Items[r]));
                    covered80 += error <= Z80 * s ? 1 : 0;
                    covered95 += error <= Z95 * s ? 1 : 0;
                    sd += s;
                    warm++;
                }
            }
        }
        string? reason = !double.IsFinite(variance.NoiseVariance)
            ? $"σ² is not estimable: the user half-step's effective degrees of freedom ({variance.DegreesOfFreedom:G6}) leave no residual degree of freedom"
            : warm == 0 ? "no warm test rating: every test rating's user or item has no training ratings" : null;
        return new Dictionary<string, object>
        {
            ["intervalNoiseVariance"] = NotComputed.Finite(variance.NoiseVariance, reason ?? ""),
            ["intervalDegreesOfFreedom"] = variance.DegreesOfFreedom,
            ["intervalTestRatings"] = warm,
            ["intervalCoverage80"] = reason is null ? (double)covered80 / warm : new NotComputed(reason),
            ["intervalCoverage95"] = reason is null ? (double)covered95 / warm : new NotComputed(reason),
            ["intervalWidth80"] = reason is null ? 2.0 * Z80 * sd / warm : new NotComputed(reason),
            ["intervalWidth95"] = reason is null ? 2.0 * Z95 * sd / warm : new NotComputed(reason),
        };
    }
}
