namespace ReferenceSolutions.FraudDetection.Intervals;

/// <summary>
/// Wilson's score interval for a binomial proportion k/n: the p solving |p̂ − p| = z·√(p(1 − p)/n), i.e.
/// (p̂ + z²/2n ± z·√(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n); z = Φ⁻¹(1 − α/2) (docs/fraud-detection.md#wilson-interval).
/// Unlike p̂ ± z·√(p̂(1 − p̂)/n) it stays inside [0, 1] and keeps its coverage near 0 and 1, where precision and FPR live.
/// </summary>
public static class WilsonInterval
{
    /// <summary>Φ⁻¹(0.975), the z of a 95 % two-sided interval.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>The interval [lo, hi] for <paramref name="successes"/> out of <paramref name="trials"/>.</summary>
    public static (double Low, double High) Compute(double successes, double trials, double z = Z95)
    {
        if (trials <= 0)
        {
            return (0.0, 1.0);
        }
        double p = successes / trials;
        double z2n = z * z / trials;
        double center = (p + (z2n / 2)) / (1 + z2n);
        double half = z * Math.Sqrt((p * (1 - p) / trials) + (z2n / (4 * trials))) / (1 + z2n);
        return (Math.Max(0.0, center - half), Math.Min(1.0, center + half));
    }
}
