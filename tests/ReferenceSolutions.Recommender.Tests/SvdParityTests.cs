using FsCheck;
using FsCheck.Xunit;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.Recommender.Svd;
using ReferenceSolutions.TestSupport;

namespace ReferenceSolutions.Recommender.Tests;

/// <summary>
/// From-scratch Jacobi, Golub–Kahan and blocked Golub–Kahan SVDs and torch.linalg.svd against the MathNet oracle and their definition:
/// σ descending and ≥ 0, |σⱼ − σⱼ(MathNet)| ≤ 1e-10·σ₁ (<see cref="RecommenderChecks.SingularValuesMathNet"/>),
/// ‖UΣVᵀ − A‖_max ≤ 1e-12·σ₁ and ‖UᵀU − I‖_max, ‖VᵀV − I‖_max ≤ 1e-12 (<see cref="RecommenderChecks.Reconstruction"/>);
/// the run's pairs (Jacobi vs torch, Golub–Kahan vs Jacobi); and a NaN on either side failing each check, naming it.
/// </summary>
public class SvdParityTests
{
    private static readonly ISvd[] Implementations = [new JacobiSvd(), new GolubKahanSvd(), new BlockedGolubKahanSvd(), new TorchSvd()];

    public static TheoryData<string, Matrix> Special => new()
    {
        { "1×1", Matrix.FromRows([[3.5]]) },
        { "1×1 zero", new Matrix(1, 1) },
        { "zero 5×3", new Matrix(5, 3) },
        { "zero 3×6", new Matrix(3, 6) },
        { "zero 8×3 (QR-preconditioned path)", new Matrix(8, 3) },
        { "rank 2 of 90×30 (QR-preconditioned path)", TestMatrices.RankDeficient(90, 30, 2, 9) },
        { "row 1×9", TestMatrices.Gaussian(1, 9, 1) },
        { "column 9×1", TestMatrices.Gaussian(9, 1, 2) },
        { "rank 3 of 60×40", TestMatrices.RankDeficient(60, 40, 3, 3) },
        { "rank 2 of 30×70", TestMatrices.RankDeficient(30, 70, 2, 4) },
        { "Hilbert 12×12", TestMatrices.Hilbert(12) },
        { "σ = 3,3,3,1,1 in 20×10", TestMatrices.WithSingularValues(20, 10, [3, 3, 3, 1, 1], 5) },
        { "σ = 2,2,2,2 in 4×4", TestMatrices.WithSingularValues(4, 4, [2, 2, 2, 2], 6) },
        { "tiny scale 1e-200", 1e-200 * TestMatrices.Gaussian(8, 5, 7) },
        { "huge scale 1e150", 1e150 * TestMatrices.Gaussian(8, 5, 8) },
        { "entries near 1e306", 1e306 * TestMatrices.Gaussian(8, 5, 9) },
        { "columns whose squares underflow, 2×2", Matrix.FromRows([[1, 1e-170], [1e-170, 1e-170]]) },
        { "a 1e-170 column beside unit ones (QR-preconditioned path)", WithColumnScaled(TestMatrices.Gaussian(9, 3, 10), 1, 1e-170) },
        { "a 1e-200 row in a wide matrix", WithRowScaled(TestMatrices.Gaussian(3, 7, 11), 2, 1e-200) },
    };

    /// <summary>
    /// One-sided Jacobi on 2×2 matrices whose column norms² underflow (1e-170² = 0 in double): it converges and, like
    /// torch's LAPACK, resolves σ₂ to its own digits — σ₁σ₂ = |det A| and σ₁² + σ₂² = ‖A‖²_F each relative to itself
    /// (<see cref="RecommenderChecks.Svd2x2Invariants"/>). Golub–Kahan converges too, but it sets a diagonal entry
    /// below ε·‖B‖∞ to zero, so σ₂ is only accurate to ε·σ₁ (the oracle test above).
    /// </summary>
    [Theory]
    [InlineData(1.0, 1e-170, 1e-170, 1e-170)]
    [InlineData(1e-170, 1.0, 1e-170, 1e-170)]
    [InlineData(1.0, 1e-200, 0.0, 1e-160)]
    [InlineData(1e-150, 3e-151, 2e-150, -5e-151)]
    [InlineData(1e150, 1e150, 1e150, -2e150)]
    public void UnderflowingColumnsConvergeToTheirSingularValues(double a, double b, double c, double d)
    {
        Matrix m = Matrix.FromRows([[a, b], [c, d]]);
        double determinant = Math.Abs(Math.FusedMultiplyAdd(a, d, -(b * c)));
        double frobenius = Norms.Frobenius(m);
        var comparison = new Comparison("svd", "invariants");
        foreach (ISvd svd in new ISvd[] { new JacobiSvd(), new TorchSvd() })
        {
            double[] s = svd.Decompose(m).S;
            double product = s[0] * s[1];
            comparison.Add($"{svd.Name} σ₁σ₂", product, determinant, determinant)
                .Add($"{svd.Name} √(σ₁² + σ₂²)", Math.Sqrt(Math.Pow(s[0] / frobenius, 2) + Math.Pow(s[1] / frobenius, 2)), 1.0);
        }
        ParityAssert.Passes(RecommenderChecks.Svd2x2Invariants, comparison);
    }

    [Theory]
    [MemberData(nameof(Special))]
    public void SpecialMatricesMatchTheOracle(string name, Matrix a)
    {
        foreach (ISvd svd in Implementations)
        {
            AssertMatchesOracle(name, svd, a);
        }
    }

    [Property(MaxTest = 40)]
    public void RandomShapesMatchTheOracle(PositiveInt rows, PositiveInt columns, PositiveInt rankSeed, bool deficient)
    {
        int r = 1 + (rows.Get % 200);
        int c = 1 + (columns.Get % 200);
        int rank = 1 + (rankSeed.Get % Math.Min(r, c));
        ulong seed = (ulong)rankSeed.Get;
        Matrix a = deficient ? TestMatrices.RankDeficient(r, c, rank, seed) : TestMatrices.Gaussian(r, c, seed);
        foreach (ISvd svd in Implementations)
        {
            AssertMatchesOracle($"{r}×{c}{(deficient ? $" rank {rank}" : "")}", svd, a);
        }
    }

    [Fact]
    public void JacobiMatchesTorchOnTheRunMatrix()
    {
        Matrix a = new Rng(42).GaussianMatrix(200, 120);
        ParityAssert.Passes(RecommenderChecks.SingularValuesTorch, SvdChecks.SingularValues("from-scratch", new JacobiSvd().Decompose(a), "torch", new TorchSvd().Decompose(a)));
    }

    [Fact]
    public void GolubKahanMatchesJacobi()
    {
        Matrix a = new Rng(43).GaussianMatrix(200, 120);
        ParityAssert.Passes(RecommenderChecks.GolubKahanVsJacobi, SvdChecks.SingularValues("golub-kahan", new GolubKahanSvd().Decompose(a), "from-scratch", new JacobiSvd().Decompose(a)));
    }

    [Fact]
    public void RankDeficientMatrixHasItsRank()
    {
        Matrix a = TestMatrices.RankDeficient(50, 30, 7, 11);
        Assert.Equal(7, new JacobiSvd().Decompose(a).Rank(1e-12));
    }

    [Fact]
    public void VectorsMatchTheOracleUpToTheSharedSignConvention()
    {
        // Distinct, well-separated σ: singular vectors are determined up to sign, and the convention fixes the sign.
        Matrix a = TestMatrices.WithSingularValues(40, 25, [10, 8, 6, 4, 2, 1], 12);
        SvdResult oracle = new MathNetSvd().Decompose(a).Truncate(6);
        foreach (ISvd svd in Implementations)
        {
            ParityAssert.Passes(RecommenderChecks.SingularVectorsMathNet, Vectors(svd.Name, svd.Decompose(a).Truncate(6), oracle));
        }
    }

    [Theory]
    [InlineData("torch")]
    [InlineData("mathnet")]
    public void NanInASingularValueFailsNamingItsSide(string twin)
    {
        Matrix a = TestMatrices.Gaussian(30, 20, 3);
        SvdResult scratch = new JacobiSvd().Decompose(a);
        SvdResult other = twin == "torch" ? new TorchSvd().Decompose(a) : new MathNetSvd().Decompose(a);
        other.S[4] = double.NaN;
        Comparison comparison = SvdChecks.SingularValues("from-scratch", scratch, twin, other);
        ParityAssert.Fails(twin == "torch" ? RecommenderChecks.SingularValuesTorch : RecommenderChecks.SingularValuesMathNet, comparison);
        Assert.Equal($"{twin}: σ[4] is NaN", comparison.NonFinite);
        scratch.S[0] = double.NaN;
        Comparison scratchSide = SvdChecks.SingularValues("from-scratch", scratch, twin, other);
        ParityAssert.Fails(twin == "torch" ? RecommenderChecks.SingularValuesTorch : RecommenderChecks.SingularValuesMathNet, scratchSide);
        Assert.Equal("from-scratch: σ[0] is NaN", scratchSide.NonFinite);
    }

    [Fact]
    public void NanInASingularVectorFailsNamingItsSide()
    {
        Matrix a = TestMatrices.WithSingularValues(40, 25, [10, 8, 6, 4, 2, 1], 12);
        SvdResult oracle = new MathNetSvd().Decompose(a).Truncate(6);
        SvdResult torch = new TorchSvd().Decompose(a).Truncate(6);
        torch.V[3, 2] = double.NaN;
        Comparison comparison = Vectors("torch", torch, oracle);
        ParityAssert.Fails(RecommenderChecks.SingularVectorsMathNet, comparison);
        Assert.Equal("torch: V[3, 2] is NaN", comparison.NonFinite);
    }

    [Fact]
    public void NanInGolubKahanFailsTheConsistencyCheck()
    {
        Matrix a = TestMatrices.Gaussian(30, 20, 4);
        SvdResult golubKahan = new GolubKahanSvd().Decompose(a);
        golubKahan.S[7] = double.NaN;
        Comparison comparison = SvdChecks.SingularValues("golub-kahan", golubKahan, "from-scratch", new JacobiSvd().Decompose(a));
        ParityAssert.Fails(RecommenderChecks.GolubKahanVsJacobi, comparison);
        Assert.Equal("golub-kahan: σ[7] is NaN", comparison.NonFinite);
    }

    [Fact]
    public void NanInAFactorFailsTheReconstructionNamingIt()
    {
        Matrix a = TestMatrices.Gaussian(12, 7, 5);
        SvdResult torch = new TorchSvd().Decompose(a);
        torch.U[2, 1] = double.NaN;
        Comparison comparison = SvdChecks.Definition("torch", a, torch);
        ParityAssert.Fails(RecommenderChecks.Reconstruction, comparison);
        Assert.StartsWith("torch: UΣVᵀ vs A[2, ", comparison.NonFinite, StringComparison.Ordinal);
    }

    [Fact]
    public void NonFiniteEntryIsRejected()
    {
        Matrix a = TestMatrices.Gaussian(3, 3, 1);
        a[1, 2] = double.NaN;
        Assert.Throws<ArgumentException>(() => new JacobiSvd().Decompose(a));
    }

    private static Matrix WithColumnScaled(Matrix a, int column, double factor)
    {
        for (int i = 0; i < a.Rows; i++)
        {
            a[i, column] *= factor;
        }
        return a;
    }

    private static Matrix WithRowScaled(Matrix a, int row, double factor)
    {
        for (int j = 0; j < a.Columns; j++)
        {
            a[row, j] *= factor;
        }
        return a;
    }

    private static Comparison Vectors(string name, SvdResult result, SvdResult oracle) =>
        new Comparison(name, "mathnet").Add("U", result.U, oracle.U).Add("V", result.V, oracle.V);

    private static void AssertMatchesOracle(string name, ISvd svd, Matrix a)
    {
        // MathNet underflows on entries near 1e-200 (it returns σ = −0), so the oracle sees A scaled by an exact power of two.
        double maxAbs = Norms.MaxAbs(a.Data);
        int exponent = maxAbs > 0.0 ? Math.ILogB(maxAbs) : 0;
        SvdResult oracle = new MathNetSvd().Decompose(Math.ScaleB(1.0, -exponent) * a);
        for (int j = 0; j < oracle.S.Length; j++)
        {
            oracle.S[j] = Math.ScaleB(oracle.S[j], exponent);
        }
        SvdResult result = svd.Decompose(a);
        int p = Math.Min(a.Rows, a.Columns);
        Assert.Equal(p, result.S.Length);
        Assert.Equal((a.Rows, p), (result.U.Rows, result.U.Columns));
        Assert.Equal((a.Columns, p), (result.V.Rows, result.V.Columns));
        for (int j = 0; j < p; j++)
        {
            Assert.True(result.S[j] >= 0.0, $"{name} {svd.Name}: σ{j} = {result.S[j]} < 0");
            Assert.True(j == 0 || result.S[j] <= result.S[j - 1], $"{name} {svd.Name}: σ not descending at {j}");
        }
        ParityAssert.Passes(RecommenderChecks.SingularValuesMathNet, SvdChecks.SingularValues(svd.Name, result, "mathnet", oracle));
        ParityAssert.Passes(RecommenderChecks.Reconstruction, SvdChecks.Definition(svd.Name, a, result));
    }
}
