using FsCheck;
using FsCheck.Xunit;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Native;
using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.FraudDetection.LogisticRegression;

namespace ReferenceSolutions.FraudDetection.Tests;

/// <summary>
/// The tiled Gram kernel against its readable loop: at every width it must give the reference's bits, since both sum
/// every entry over the same 256-row chunks with the same fused multiply-adds in the same order. Shapes cover several
/// chunks and a partial last one (n up to 800), column counts below, at and between multiples of the 8-wide tile, and
/// zero weights. The logistic Hessian's w-block must be that Gram matrix, mirrored.
/// </summary>
public class WeightedGramTests
{
    [Property(MaxTest = 30)]
    public void Tiled_Gram_kernel_gives_the_readable_loops_bits_at_every_width(PositiveInt seed, PositiveInt rows, PositiveInt columns)
    {
        int n = 1 + (rows.Get % 800), d = 1 + (columns.Get % 40);
        var rng = new Rng((ulong)seed.Get);
        Matrix x = rng.GaussianMatrix(n, d, rng.Uniform(0.1, 3.0));
        double[] s = [.. Enumerable.Range(0, n).Select(_ => rng.NextInt(10) == 0 ? 0.0 : rng.Uniform(0.0, 0.25))];
        double[] reference = WeightedGram.Reference(x, s);
        foreach (SimdWidth width in new[] { SimdWidth.Vector512, SimdWidth.Vector256, SimdWidth.Scalar }.Where(w => w <= VectorWidth.Hardware))
        {
            var gram = new WeightedGram.Accumulator(width, x);
            for (int start = 0; start < n; start += WeightedGram.ChunkRows)
            {
                gram.AddChunk(start, s.AsSpan(start, Math.Min(WeightedGram.ChunkRows, n - start)));
            }
            for (int a = 0; a < d; a++)
            {
                for (int c = 0; c <= a; c++)
                {
                    Assert.True(BitConverter.DoubleToInt64Bits(reference[(a * d) + c]) == BitConverter.DoubleToInt64Bits(gram.Lower[(a * d) + c]),
                        $"{width}, {n}×{d}: G[{a},{c}] = {gram.Lower[(a * d) + c]:R}, the reference {reference[(a * d) + c]:R}");
                }
            }
        }
    }

    [Property(MaxTest = 20)]
    public void Hessian_w_block_is_the_Gram_matrix_of_the_weights_p_times_1_minus_p(PositiveInt seed, PositiveInt rows, PositiveInt columns)
    {
        int n = 1 + (rows.Get % 600), d = 1 + (columns.Get % 20);
        var rng = new Rng((ulong)seed.Get);
        Matrix x = rng.GaussianMatrix(n, d);
        double[] theta = new double[d + 1];
        rng.FillGaussian(theta, 0.0, 0.5);
        int[] y = [.. Enumerable.Range(0, n).Select(_ => rng.NextInt(2))];
        double[] z = LogisticObjective.Logits(x, theta);
        double[] s = [.. z.Select(Sigmoid.Of).Select(p => p * (1.0 - p))];
        double[] gram = WeightedGram.Reference(x, s);
        Matrix h = LogisticObjective.GradientAndHessian(x, y, 0.0, theta, z).Hessian;
        for (int a = 0; a < d; a++)
        {
            for (int c = 0; c <= a; c++)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(gram[(a * d) + c]), BitConverter.DoubleToInt64Bits(h[a + 1, c + 1]));
                Assert.Equal(BitConverter.DoubleToInt64Bits(gram[(a * d) + c]), BitConverter.DoubleToInt64Bits(h[c + 1, a + 1]));
            }
        }
    }
}
