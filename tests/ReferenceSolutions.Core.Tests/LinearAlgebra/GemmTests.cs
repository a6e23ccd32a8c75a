using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Native;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.TestSupport;

namespace ReferenceSolutions.Core.Tests.LinearAlgebra;

/// <summary>
/// The blocked kernel computes the same sums as the reference triple loop, in another order. For a length-k dot
/// product each result is within γ_k·Σₚ|aᵢₚ||bₚⱼ| of the exact value (γ_k = kε/(1 − kε)), so the two differ by at
/// most 2γ_k·(|A||B|)ᵢⱼ, plus one rounding each for α and β·C: that is the tolerance, element by element. Every
/// <see cref="SimdWidth"/>'s tile is held to it, and the widths must give one another's bits (each element sees the
/// same fused multiply-adds in the same order whatever the tile; the write-back rounds as the 4×8 tile does).
/// </summary>
public class GemmTests
{
    private const double Epsilon = 1.1102230246251565e-16;

    public static Arbitrary<(int M, int N, int K)> Shapes() =>
        Gen.Three(Gen.Choose(1, 70)).Select(t => (t.Item1, t.Item2, t.Item3)).ToArbitrary();

    [Property(Arbitrary = [typeof(GemmTests)], MaxTest = 60)]
    public void Blocked_kernel_equals_the_reference_loop((int M, int N, int K) shape, bool transposeA, bool transposeB, ulong seed)
    {
        AssertKernelMatchesReference(shape.M, shape.N, shape.K, transposeA, transposeB, 1.5, 0.5, seed);
    }

    [Theory]
    [InlineData(200, 150, 300, false, false)]
    [InlineData(131, 257, 259, true, false)]
    [InlineData(127, 9, 513, false, true)]
    [InlineData(7, 1030, 5, true, true)]
    [InlineData(30, 30, 20_000, true, false)]
    [InlineData(64, 64, 1024, true, false)]
    public void Blocked_kernel_equals_the_reference_across_block_edges_and_threads(int m, int n, int k, bool transposeA, bool transposeB)
    {
        AssertKernelMatchesReference(m, n, k, transposeA, transposeB, -0.75, 2.0, (ulong)(m * n * k));
    }

    [Property(Arbitrary = [typeof(GemmTests)], MaxTest = 30)]
    public void Product_equals_MathNet((int M, int N, int K) shape, ulong seed)
    {
        Matrix a = Generators.Gaussian(seed, shape.M, shape.K);
        Matrix b = Generators.Gaussian(seed + 1, shape.K, shape.N);
        Matrix ours = Gemm.Multiply(a, b);
        Matrix oracle = Generators.FromMathNet(Generators.ToMathNet(a) * Generators.ToMathNet(b));
        Matrix bound = AbsoluteProduct(a, false, b, false);
        var comparison = new Comparison("from-scratch", "mathnet");
        for (int i = 0; i < ours.Data.Length; i++)
        {
            comparison.Add("C", ours.Data[i], oracle.Data[i], scale: (2 * Gamma(shape.K) * bound.Data[i]) + double.Epsilon);
        }
        ParityAssert.Passes(CoreChecks.GemmVsMathNet, comparison);
    }

    [Fact]
    public void Transposed_shortcuts_agree_with_explicit_transposes()
    {
        Matrix a = Generators.Gaussian(3, 40, 30);
        Matrix b = Generators.Gaussian(4, 50, 30);
        Matrix c = Generators.Gaussian(5, 30, 40);
        ParityAssert.Passes(CoreChecks.GemmTransposedShortcuts, new Comparison("shortcut", "explicit transpose")
            .Add("A·Bᵀ", Gemm.MultiplyTransposeB(a, b), Gemm.Multiply(a, b.Transpose()))
            .Add("Cᵀ·Aᵀ", Gemm.MultiplyTransposeA(c, a.Transpose()), Gemm.Multiply(c.Transpose(), a.Transpose())));
    }

    [Property(Arbitrary = [typeof(GemmTests)], MaxTest = 60)]
    public void Every_width_gives_the_bits_of_the_Vector256_kernel((int M, int N, int K) shape, bool transposeA, bool transposeB, ulong seed)
    {
        (int m, int n, int k) = (shape.M, shape.N + (int)(seed % 40), shape.K);
        Matrix a = transposeA ? Generators.Gaussian(seed, k, m) : Generators.Gaussian(seed, m, k);
        Matrix b = transposeB ? Generators.Gaussian(seed + 1, n, k) : Generators.Gaussian(seed + 1, k, n);
        Matrix c0 = Generators.Gaussian(seed + 2, m, n);
        long[] expected = Bits(RunAt(SimdWidth.Vector256, 0.625, a, transposeA, b, transposeB, 1.5, c0));
        Assert.Equal(expected, Bits(RunAt(SimdWidth.Vector512, 0.625, a, transposeA, b, transposeB, 1.5, c0)));
        Assert.Equal(expected, Bits(RunAt(SimdWidth.Scalar, 0.625, a, transposeA, b, transposeB, 1.5, c0)));
    }

    [Theory]
    [InlineData(300, 280, 260)]
    [InlineData(64, 64, 1024)]
    [InlineData(30, 37, 20_000)]
    public void Every_width_gives_the_same_bits_across_blocks_and_threads(int m, int n, int k)
    {
        Matrix a = Generators.Gaussian(21, m, k);
        Matrix b = Generators.Gaussian(22, k, n);
        Matrix c0 = Generators.Gaussian(23, m, n);
        long[] expected = Bits(RunAt(SimdWidth.Vector256, -1.25, a, false, b, false, 0.5, c0));
        Assert.Equal(expected, Bits(RunAt(SimdWidth.Vector512, -1.25, a, false, b, false, 0.5, c0)));
        Assert.Equal(expected, Bits(RunAt(SimdWidth.Scalar, -1.25, a, false, b, false, 0.5, c0)));
    }

    /// <summary>
    /// The kernel's bits are those of <see cref="BlockedOrder"/> at every width: in one thread (among them the MLP's
    /// shapes at batch 1024: X·W₁ᵀ, A₁·W₂ᵀ, ∂L/∂W as dZᵀ·A, ∂L/∂A₁ = dZ₂·W₂), and split over threads by rows
    /// (301×283×517) and by columns (200×260×300; 8×2100×520, whose halves each cross the NC = 1024 column block).
    /// </summary>
    [Theory]
    [InlineData(1, 1, 1, false, false)]
    [InlineData(10, 64, 1024, true, false)]
    [InlineData(1024, 10, 64, false, true)]
    [InlineData(1024, 64, 64, false, true)]
    [InlineData(64, 64, 1024, true, false)]
    [InlineData(1024, 64, 10, false, false)]
    [InlineData(37, 29, 300, false, false)]
    [InlineData(301, 283, 517, true, true)]
    [InlineData(250, 70, 90, false, true)]
    [InlineData(13, 1030, 7, true, false)]
    [InlineData(200, 260, 300, false, false)]
    [InlineData(8, 2100, 520, false, true)]
    public void Every_width_and_schedule_gives_the_bits_of_the_blocked_summation_order(int m, int n, int k, bool transposeA, bool transposeB)
    {
        ulong seed = (ulong)((m * 7919) + (n * 31) + k);
        Matrix a = transposeA ? Generators.Gaussian(seed, k, m) : Generators.Gaussian(seed, m, k);
        Matrix b = transposeB ? Generators.Gaussian(seed + 1, n, k) : Generators.Gaussian(seed + 1, k, n);
        Matrix c0 = Generators.Gaussian(seed + 2, m, n);
        foreach ((double alpha, double beta) in new[] { (1.0, 0.0), (-0.75, 1.0), (1.5, 0.5) })
        {
            long[] expected = Bits(BlockedOrder(alpha, a, transposeA, b, transposeB, beta, c0));
            foreach (SimdWidth width in new[] { SimdWidth.Vector512, SimdWidth.Vector256, SimdWidth.Scalar })
            {
                Assert.True(expected.SequenceEqual(Bits(RunAt(width, alpha, a, transposeA, b, transposeB, beta, c0))), $"{m}×{n}×{k}, α = {alpha}, β = {beta}, {width}: bits differ from the blocked summation order");
            }
        }
    }

    [Fact]
    public void Parallel_kernel_is_bitwise_repeatable()
    {
        Matrix a = Generators.Gaussian(11, 300, 280);
        Matrix b = Generators.Gaussian(12, 280, 260);
        Assert.Equal(Gemm.Multiply(a, b).Data, Gemm.Multiply(a, b).Data);
    }

    [Fact]
    public void Beta_zero_ignores_NaN_in_C_as_BLAS_does()
    {
        var c = new Matrix(2, 2, [double.NaN, double.NaN, double.NaN, double.NaN]);
        Gemm.Compute(1.0, Matrix.Identity(2), false, Matrix.Identity(2), false, 0.0, c);
        Assert.Equal([1.0, 0.0, 0.0, 1.0], c.Data);
    }

    [Fact]
    public void Mismatched_shapes_are_refused_with_both_shapes_named()
    {
        var error = Assert.Throws<ArgumentException>(() => Gemm.Multiply(new Matrix(2, 3), new Matrix(4, 2)));
        Assert.Contains("2×3", error.Message);
        Assert.Contains("4×2", error.Message);
    }

    private static void AssertKernelMatchesReference(int m, int n, int k, bool transposeA, bool transposeB, double alpha, double beta, ulong seed)
    {
        Matrix a = transposeA ? Generators.Gaussian(seed, k, m) : Generators.Gaussian(seed, m, k);
        Matrix b = transposeB ? Generators.Gaussian(seed + 1, n, k) : Generators.Gaussian(seed + 1, k, n);
        Matrix c0 = Generators.Gaussian(seed + 2, m, n);
        Matrix reference = c0.Clone();
        Gemm.Reference(alpha, a, transposeA, b, transposeB, beta, reference);
        Matrix bound = AbsoluteProduct(a, transposeA, b, transposeB);
        double gamma = Gamma(k + 2);
        var comparison = new Comparison("blocked", "reference");
        foreach (SimdWidth width in new[] { SimdWidth.Vector512, SimdWidth.Vector256, SimdWidth.Scalar })
        {
            Matrix fast = RunAt(width, alpha, a, transposeA, b, transposeB, beta, c0);
            for (int i = 0; i < m * n; i++)
            {
                double elementBound = (2 * gamma * ((Math.Abs(alpha) * bound.Data[i]) + Math.Abs(beta * c0.Data[i]))) + double.Epsilon;
                comparison.Add($"C ({m}×{n}×{k}, {width})", fast.Data[i], reference.Data[i], scale: elementBound);
            }
        }
        Matrix viaCompute = c0.Clone();
        Gemm.Compute(alpha, a, transposeA, b, transposeB, beta, viaCompute);
        Assert.Equal(Bits(RunAt(VectorWidth.Current, alpha, a, transposeA, b, transposeB, beta, c0)), Bits(viaCompute));
        ParityAssert.Passes(CoreChecks.GemmBlockedVsReference, comparison);
    }

    /// <summary>C ← α·op(A)·op(B) + β·C₀ by the blocked kernel in <paramref name="width"/>'s tile, on a copy of C₀.</summary>
    private static Matrix RunAt(SimdWidth width, double alpha, Matrix a, bool transposeA, Matrix b, bool transposeB, double beta, Matrix c0)
    {
        Matrix c = c0.Clone();
        int m = c.Rows, n = c.Columns, k = transposeA ? a.Rows : a.Columns;
        BlockedGemm.Run(width, m, n, k, alpha, a, transposeA, b, transposeB, beta, c);
        return c;
    }

    /// <summary>
    /// The blocked kernel's arithmetic written out element by element, with no tiles, packing or threads: C ← β·C₀
    /// (C₀ itself when β = 1, zero when β = 0), then for each KC-long chunk of p an accumulator from +0 takes
    /// acc ← fma(op(A)ᵢₚ, op(B)ₚⱼ, acc) in order, and cᵢⱼ ← fma(acc, α, cᵢⱼ) where cᵢⱼ lies in a whole 4-row, 8-column
    /// group of C (i &lt; m − m mod 4, j &lt; n − n mod 8), else cᵢⱼ ← acc·α + cᵢⱼ rounded twice.
    /// </summary>
    private static Matrix BlockedOrder(double alpha, Matrix a, bool transposeA, Matrix b, bool transposeB, double beta, Matrix c0)
    {
        Matrix c = c0.Clone();
        int m = c.Rows, n = c.Columns, k = transposeA ? a.Rows : a.Columns;
        int fullRows = m - (m % 4), fullColumns = n - (n % 8);
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double cij = beta == 0.0 ? 0.0 : beta == 1.0 ? c[i, j] : c[i, j] * beta;
                for (int pc = 0; alpha != 0.0 && pc < k; pc += BlockedGemm.KC)
                {
                    double acc = 0.0;
                    for (int p = pc; p < Math.Min(k, pc + BlockedGemm.KC); p++)
                    {
                        acc = Math.FusedMultiplyAdd(transposeA ? a[p, i] : a[i, p], transposeB ? b[j, p] : b[p, j], acc);
                    }
                    cij = i < fullRows && j < fullColumns ? Math.FusedMultiplyAdd(acc, alpha, cij) : (acc * alpha) + cij;
                }
                c[i, j] = cij;
            }
        }
        return c;
    }

    private static long[] Bits(Matrix c) => [.. c.Data.Select(BitConverter.DoubleToInt64Bits)];

    private static double Gamma(int k) => k * Epsilon / (1 - (k * Epsilon));

    private static Matrix AbsoluteProduct(Matrix a, bool transposeA, Matrix b, bool transposeB)
    {
        var absA = new Matrix(a.Rows, a.Columns, a.Data.Select(Math.Abs).ToArray());
        var absB = new Matrix(b.Rows, b.Columns, b.Data.Select(Math.Abs).ToArray());
        var product = new Matrix(transposeA ? a.Columns : a.Rows, transposeB ? b.Rows : b.Columns);
        Gemm.Reference(1.0, absA, transposeA, absB, transposeB, 0.0, product);
        return product;
    }
}
