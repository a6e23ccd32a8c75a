using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Native;
using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.Recommender.Factorization;

namespace ReferenceSolutions.Recommender.Tests;

/// <summary>
/// ALS's blocked Gram accumulation against the readable one-rating-at-a-time form: per entry the same products and
/// sums in the same rating order, so the lower triangles must be equal bit for bit at every <see cref="SimdWidth"/>
/// (Vector512 runs in software where the CPU lacks it), for d on both sides of the vector widths and blocks of every
/// length up to <see cref="GramAccumulation.Block"/>, on a Gram matrix that already holds earlier sums.
/// </summary>
public class GramAccumulationTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(9)]
    [InlineData(17)]
    [InlineData(33)]
    public void BlocksGiveTheReferenceBitForBit(int d)
    {
        var rng = new Rng((ulong)d);
        int ratings = (3 * GramAccumulation.Block) + 5;
        double[] z = [.. Enumerable.Range(0, ratings * d).Select(_ => rng.Gaussian() * Math.Pow(10, rng.NextInt(7) - 3))];
        var reference = new Matrix(d, d);
        for (int r = 0; r < ratings; r++)
        {
            GramAccumulation.AddReference(z.AsSpan(r * d, d), reference);
        }
        foreach (SimdWidth width in new[] { SimdWidth.Vector512, SimdWidth.Vector256, SimdWidth.Scalar })
        {
            var blocked = new Matrix(d, d);
            int start = 0;
            for (int count = 1; start < ratings; count = (count % GramAccumulation.Block) + 1)
            {
                int take = Math.Min(count, ratings - start);
                GramAccumulation.AddBlock(width, z.AsSpan(start * d, take * d), take, blocked);
                start += take;
            }
            for (int s = 0; s < d; s++)
            {
                for (int t = 0; t <= s; t++)
                {
                    Assert.True(BitConverter.DoubleToInt64Bits(reference[s, t]) == BitConverter.DoubleToInt64Bits(blocked[s, t]), $"G[{s}, {t}] at {width}: {blocked[s, t]:R} ≠ {reference[s, t]:R}");
                }
            }
        }
    }

    [Fact]
    public void AReorderedSumIsCaughtAsNotBitIdentical()
    {
        double small = Math.ScaleB(1.0, -27);
        double[] z = [small, small, small, 1.0]; // squares 2⁻⁵⁴ ×3, then 1: 1 + 1.5·2⁻⁵³ rounds up, 1 first absorbs each 2⁻⁵⁴
        var inOrder = new Matrix(1, 1);
        var reordered = new Matrix(1, 1);
        foreach (int r in new[] { 0, 1, 2, 3 })
        {
            GramAccumulation.AddBlock(SimdWidth.Scalar, z.AsSpan(r, 1), 1, inOrder);
        }
        foreach (int r in new[] { 3, 0, 1, 2 })
        {
            GramAccumulation.AddBlock(SimdWidth.Scalar, z.AsSpan(r, 1), 1, reordered);
        }
        Assert.NotEqual(BitConverter.DoubleToInt64Bits(inOrder[0, 0]), BitConverter.DoubleToInt64Bits(reordered[0, 0]));
    }
}
