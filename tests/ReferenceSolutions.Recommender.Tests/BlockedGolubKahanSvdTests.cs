using FsCheck;
using FsCheck.Xunit;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Native;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.Recommender.Svd;
using ReferenceSolutions.TestSupport;

namespace ReferenceSolutions.Recommender.Tests;

/// <summary>
/// The blocked Golub–Kahan SVD against the readable <see cref="GolubKahanSvd"/> (its reference) and against its
/// definition, in units of max(r, c)·ε (<see cref="RecommenderChecks.BlockedGolubKahan"/>): |σⱼ − σⱼ(readable)| / σ₁,
/// ‖UΣVᵀ − A‖_max / σ₁, ‖UᵀU − I‖_max and ‖VᵀV − I‖_max each ≤ 10·max(r, c)·ε; shapes, σ ≥ 0 descending and the
/// shared sign convention; every vector width giving the same bits (the widths differ only in the rotation kernel,
/// whose arithmetic is the same unfused products and sums at every width); and the rotation kernels themselves — one
/// rotation of two rows, and a sweep's rotations in one pass — against the plain loop, bit for bit, at every width.
/// </summary>
public class BlockedGolubKahanSvdTests
{
    private static readonly SimdWidth[] Widths = [SimdWidth.Vector512, SimdWidth.Vector256, SimdWidth.Scalar];

    public static TheoryData<string, Matrix> Special => new()
    {
        { "1×1", Matrix.FromRows([[-3.5]]) },
        { "1×1 zero", new Matrix(1, 1) },
        { "zero 7×4", new Matrix(7, 4) },
        { "row 1×40", TestMatrices.Gaussian(1, 40, 1) },
        { "column 40×1", TestMatrices.Gaussian(40, 1, 2) },
        { "square 33×33 (a panel and one column)", TestMatrices.Gaussian(33, 33, 3) },
        { "wide 64×97", TestMatrices.Gaussian(64, 97, 4) },
        { "tall 130×65 (three panels, three WY blocks)", TestMatrices.Gaussian(130, 65, 5) },
        { "rank 3 of 90×70", TestMatrices.RankDeficient(90, 70, 3, 6) },
        { "rank 1 of 40×40", TestMatrices.RankDeficient(40, 40, 1, 7) },
        { "σ = 3,3,3,1,1 in 20×10", TestMatrices.WithSingularValues(20, 10, [3, 3, 3, 1, 1], 8) },
        { "Hilbert 12×12", TestMatrices.Hilbert(12) },
        { "tiny scale 1e-300", 1e-300 * TestMatrices.Gaussian(50, 35, 9) },
        { "huge scale 1e300", 1e300 * TestMatrices.Gaussian(35, 50, 10) },
        { "a 1e-170 column beside unit ones", WithColumnScaled(TestMatrices.Gaussian(40, 36, 11), 3, 1e-170) },
    };

    [Property(MaxTest = 100)]
    public void RandomShapesMatchTheReadableSvdAndTheDefinition(PositiveInt rows, PositiveInt columns, PositiveInt seed, byte kind)
    {
        int r = 1 + (rows.Get % 140);
        int c = 1 + (columns.Get % 140);
        ulong s = (ulong)seed.Get;
        int rank = 1 + (seed.Get % Math.Min(r, c));
        Matrix a = (kind % 4) switch
        {
            0 => TestMatrices.Gaussian(r, c, s),
            1 => TestMatrices.RankDeficient(r, c, rank, s),
            2 => 1e-250 * TestMatrices.Gaussian(r, c, s),
            _ => 1e250 * TestMatrices.RankDeficient(r, c, rank, s),
        };
        AssertMatchesReference($"{r}×{c} kind {kind % 4}", a);
    }

    [Theory]
    [MemberData(nameof(Special))]
    public void SpecialMatricesMatchTheReadableSvdAndTheDefinition(string name, Matrix a) => AssertMatchesReference(name, a);

    [Fact]
    public void AWrongSingularValueOrANanFailsTheCheck()
    {
        Matrix a = TestMatrices.Gaussian(60, 40, 12);
        SvdResult reference = new GolubKahanSvd().Decompose(a);
        SvdResult shifted = new BlockedGolubKahanSvd().Decompose(a);
        shifted.S[5] += 1e-12 * shifted.S[0];
        ParityAssert.Fails(RecommenderChecks.BlockedGolubKahan, Compare(a, shifted, reference));
        SvdResult broken = new BlockedGolubKahanSvd().Decompose(a);
        broken.U[7, 3] = double.NaN;
        Comparison comparison = Compare(a, broken, reference);
        ParityAssert.Fails(RecommenderChecks.BlockedGolubKahan, comparison);
        Assert.StartsWith("blocked-golub-kahan: UΣVᵀ vs A", comparison.NonFinite, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void ANonFiniteEntryIsRefusedAsTheOtherSvdsRefuseIt(double entry)
    {
        Matrix a = TestMatrices.Gaussian(6, 4, 13);
        a[2, 1] = entry;
        Assert.Throws<ArgumentException>(() => new BlockedGolubKahanSvd().Decompose(a));
        Assert.Throws<ArgumentException>(() => new GolubKahanSvd().Decompose(a));
    }

    [Property(MaxTest = 200)]
    public void TheRotationKernelGivesThePlainLoopsBitsAtEveryWidth(PositiveInt length, int seed)
    {
        int n = length.Get % 70;
        var random = new Random(seed);
        double[] x = [.. Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.5)];
        double[] y = [.. Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.5)];
        GivensRotation g = GivensRotation.Zeroing(random.NextDouble() - 0.5, random.NextDouble() - 0.5);
        double[] expectedX = new double[n], expectedY = new double[n];
        for (int i = 0; i < n; i++)
        {
            expectedX[i] = (g.C * x[i]) + (g.S * y[i]);
            expectedY[i] = (g.C * y[i]) - (g.S * x[i]);
        }
        foreach (SimdWidth width in Widths)
        {
            double[] rx = (double[])x.Clone(), ry = (double[])y.Clone();
            g.Apply(width, rx, ry);
            Assert.Equal(expectedX, rx);
            Assert.Equal(expectedY, ry);
        }
    }

    [Property(MaxTest = 200)]
    public void ASweepsRotationsInOnePassGiveTheBitsOfOneAtATimeAtEveryWidth(PositiveInt columns, PositiveInt rotations, int seed)
    {
        int n = columns.Get % 70, q = rotations.Get % 12, first = seed & 3;
        var random = new Random(seed);
        Matrix m = TestMatrices.Gaussian(first + q + 2, Math.Max(n, 1), (ulong)(uint)seed);
        GivensRotation[] g = [.. Enumerable.Range(0, q).Select(_ => GivensRotation.Zeroing(random.NextDouble() - 0.5, random.NextDouble() - 0.5))];
        Matrix expected = m.Clone();
        for (int k = 0; k < q; k++)
        {
            g[k].Apply(SimdWidth.Scalar, expected.Row(first + k), expected.Row(first + k + 1));
        }
        foreach (SimdWidth width in Widths)
        {
            Matrix result = m.Clone();
            RotationSequence.Apply(width, result, first, [.. g.Select(r => r.C)], [.. g.Select(r => r.S)]);
            Assert.Equal(expected.Data, result.Data);
        }
    }

    /// <summary>
    /// Shapes, order and signs of the result at the machine's width, the check against the readable SVD and the
    /// definition, and every narrower width giving the same bits.
    /// </summary>
    private static void AssertMatchesReference(string name, Matrix a)
    {
        SvdResult result = new BlockedGolubKahanSvd().Decompose(a);
        int p = Math.Min(a.Rows, a.Columns);
        Assert.Equal((a.Rows, p, a.Columns, p), (result.U.Rows, result.U.Columns, result.V.Rows, result.V.Columns));
        Assert.Equal(p, result.S.Length);
        for (int j = 0; j < p; j++)
        {
            Assert.True(result.S[j] >= 0.0 && (j == 0 || result.S[j] <= result.S[j - 1]), $"{name}: σ not ≥ 0 and descending at {j}");
            Assert.True(LargestEntryIsPositive(result.V, j), $"{name}: column {j} of V breaks the sign convention");
        }
        ParityAssert.Passes(RecommenderChecks.BlockedGolubKahan, Compare(a, result, new GolubKahanSvd().Decompose(a)));
        foreach (SimdWidth width in Widths)
        {
            SvdResult other = BlockedGolubKahanSvd.Decompose(width, a);
            Assert.True(result.S.SequenceEqual(other.S) && result.U.Data.SequenceEqual(other.U.Data) && result.V.Data.SequenceEqual(other.V.Data),
                $"{name}: the {width} width does not give the bits of {VectorWidth.Current}");
        }
    }

    /// <summary>The check's comparison: σ against the readable SVD's and the factors against the definition, in units of max(r, c)·ε.</summary>
    private static Comparison Compare(Matrix a, SvdResult result, SvdResult reference)
    {
        double unit = Math.Max(a.Rows, a.Columns) * PowerOfTwoScaling.MachineEpsilon;
        double sigma1 = reference.S[0] > 0.0 ? reference.S[0] : 1.0;
        (Matrix scaledA, int exponent) = PowerOfTwoScaling.Scale(a);
        Matrix reconstructed = new SvdResult(result.U, [.. result.S.Select(x => Math.ScaleB(x, -exponent))], result.V).Reconstruct();
        return new Comparison("blocked-golub-kahan", "golub-kahan and the definition")
            .Add("σ", result.S, reference.S, sigma1 * unit)
            .Add("UΣVᵀ vs A", reconstructed, scaledA, Math.ScaleB(sigma1, -exponent) * unit)
            .Add("UᵀU vs I", Gemm.MultiplyTransposeA(result.U, result.U), Matrix.Identity(result.U.Columns), unit)
            .Add("VᵀV vs I", Gemm.MultiplyTransposeA(result.V, result.V), Matrix.Identity(result.V.Columns), unit);
    }

    private static bool LargestEntryIsPositive(Matrix v, int j)
    {
        int best = 0;
        for (int i = 1; i < v.Rows; i++)
        {
            if (Math.Abs(v[i, j]) > Math.Abs(v[best, j]))
            {
                best = i;
            }
        }
        return v[best, j] >= 0.0;
    }

    private static Matrix WithColumnScaled(Matrix a, int column, double factor)
    {
        for (int i = 0; i < a.Rows; i++)
        {
            a[i, column] *= factor;
        }
        return a;
    }
}
