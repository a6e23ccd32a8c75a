using System.Globalization;

namespace ReferenceSolutions.Core.Reporting;

/// <summary>
/// A named tolerance and why it is that value; parity checks carry it into every report. A tolerance is either derived
/// (an arithmetic bound, stated in <see cref="Reason"/>) or set by <see cref="FromSurvey"/>: a stated factor times the
/// largest value measured over at least 20 seeds by <c>ReferenceSolutions.Benchmarks survey</c>.
/// </summary>
public sealed record Tolerance(string Name, double Value, string Reason)
{
    /// <summary>The fewest seeds a surveyed tolerance may rest on.</summary>
    public const int MinimumSurveySeeds = 20;

    /// <summary>
    /// Two float64 evaluations of one formula that differ only in the order of their sums: for sums of n ≤ 10⁴ terms of
    /// magnitude ≤ 1 the two results differ by at most 2γₙ·Σ|terms| ≤ 2·(n·ε/(1 − n·ε))·n ≈ 2.2e-8 in the worst case
    /// and by O(√n·ε·n) ≈ 1e-12 in practice; 1e-10 sits between, well below any modelling error (a wrong derivative
    /// or sign moves results by O(1)).
    /// </summary>
    public static Tolerance Float64Twin { get; } = new(nameof(Float64Twin), 1e-10,
        "both twins compute in float64 from the same inputs; only the order of floating-point sums differs. For sums of n ≤ 1e4 terms of magnitude ≤ 1 the rounding differs by O(√n·n·ε) ≈ 1e-12 (worst case 2γₙΣ|terms| ≈ 2e-8); a wrong derivative moves results by O(1)");

    /// <summary>
    /// A tolerance set from measurement: <paramref name="factor"/> × <paramref name="largestMeasured"/>, the largest
    /// value of the quantity over <paramref name="seeds"/> ≥ <see cref="MinimumSurveySeeds"/> seeds of
    /// <paramref name="survey"/> (the name of the <c>ReferenceSolutions.Benchmarks survey</c> entry that reproduces it).
    /// </summary>
    public static Tolerance FromSurvey(string name, double largestMeasured, double factor, int seeds, string survey, string why)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(seeds, MinimumSurveySeeds);
        if (!(double.IsFinite(largestMeasured) && largestMeasured > 0 && double.IsFinite(factor) && factor >= 1))
        {
            throw new ArgumentException($"a surveyed tolerance needs a positive finite measurement and a factor ≥ 1, not {largestMeasured} × {factor}");
        }
        string measured = largestMeasured.ToString("0.##e+0", CultureInfo.InvariantCulture);
        return new Tolerance(name, largestMeasured * factor,
            $"{why}; set from measurement: the largest over {seeds} seeds was {measured} (survey '{survey}'), × {factor.ToString(CultureInfo.InvariantCulture)}");
    }
}
