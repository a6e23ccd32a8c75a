using FsCheck;
using FsCheck.Xunit;
using ReferenceSolutions.Core.Native;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.Recommender.Factorization;
using ReferenceSolutions.TestSupport;

namespace ReferenceSolutions.Recommender.Tests;

/// <summary>
/// The vectorized factor inner product against the plain loop Σ_f p_f q_f (<see cref="RecommenderChecks.FactorDot"/>):
/// both sum the same k products in another order (and the fast one fuses multiply and add), so each rounds k times at
/// most: |fast − plain| ≤ 2k·u·Σ|p_f q_f| with u = 2⁻⁵³, below 1e-12·Σ|p_f q_f| for every k here. Every
/// <see cref="SimdWidth"/> is held to it, and the Vector512 width must give the Vector256 width's bits (same lane sums).
/// </summary>
public class FactorDotTests
{
    [Property(MaxTest = 300)]
    public void AgreesWithThePlainLoopToRoundingOfTheAbsoluteSum(PositiveInt length, int seed)
    {
        int k = length.Get % 200;
        var random = new Random(seed);
        double[] p = [.. Enumerable.Range(0, k).Select(_ => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-3, 4)))];
        double[] q = [.. Enumerable.Range(0, k).Select(_ => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-3, 4)))];
        double plain = 0.0, absolute = 0.0;
        for (int f = 0; f < k; f++)
        {
            plain += p[f] * q[f];
            absolute += Math.Abs(p[f] * q[f]);
        }
        var comparison = new Comparison("vectorized", "plain loop");
        foreach (SimdWidth width in new[] { SimdWidth.Vector512, SimdWidth.Vector256, SimdWidth.Scalar })
        {
            comparison.Add($"p·q (k = {k}, {width})", FactorDot.Compute(width, p, q), plain, absolute > 0.0 ? absolute : 1.0);
        }
        ParityAssert.Passes(RecommenderChecks.FactorDot, comparison);
        Assert.Equal(BitConverter.DoubleToInt64Bits(FactorDot.Compute(SimdWidth.Vector256, p, q)), BitConverter.DoubleToInt64Bits(FactorDot.Compute(SimdWidth.Vector512, p, q)));
        Assert.Equal(BitConverter.DoubleToInt64Bits(FactorDot.Compute(VectorWidth.Current, p, q)), BitConverter.DoubleToInt64Bits(FactorDot.Compute(p, q)));
    }

    [Fact]
    public void RowsOfDifferentLengthsAreRejected() =>
        Assert.Throws<ArgumentException>(() => FactorDot.Compute(new double[8], new double[9]));
}
