using FsCheck;
using FsCheck.Xunit;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Recommender.Svd;

namespace ReferenceSolutions.Recommender.Tests;

/// <summary>
/// From-scratch Jacobi SVD and torch.linalg.svd against the MathNet oracle: σ descending and ≥ 0, |σⱼ − σⱼ(MathNet)| ≤ 1e-10·σ₁,
/// ‖A − UΣVᵀ‖_max ≤ 1e-12·σ₁ and ‖UᵀU − I‖_max, ‖VᵀV − I‖_max ≤ 1e-12 (RecommenderTolerances: backward-stable float64 SVDs
/// move entries by O(√p·ε)·σ₁ ≈ 1e-14 for p ≤ 200).
/// </summary>
public class SvdParityTests
{
    private static readonly ISvd[] Implementations = [new JacobiSvd(), new GolubKahanSvd(), new TorchSvd()];

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
    };

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
        SvdResult oracle = new MathNetSvd().Decompose(a);
        foreach (ISvd svd in Implementations)
        {
            SvdResult result = svd.Decompose(a).Truncate(6);
            Assert.True(Norms.MaxAbsDiff(result.V, oracle.Truncate(6).V) <= 1e-12, $"{svd.Name}: V differs by {Norms.MaxAbsDiff(result.V, oracle.Truncate(6).V):E2}");
            Assert.True(Norms.MaxAbsDiff(result.U, oracle.Truncate(6).U) <= 1e-12, $"{svd.Name}: U differs by {Norms.MaxAbsDiff(result.U, oracle.Truncate(6).U):E2}");
        }
    }

    [Fact]
    public void NonFiniteEntryIsRejected()
    {
        Matrix a = TestMatrices.Gaussian(3, 3, 1);
        a[1, 2] = double.NaN;
        Assert.Throws<ArgumentException>(() => new JacobiSvd().Decompose(a));
    }

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
        double sigma1 = oracle.S[0];
        double sigmaDiff = Norms.MaxAbsDiff(result.S, oracle.S);
        Assert.True(sigmaDiff <= 1e-10 * sigma1, $"{name} {svd.Name}: max|σ − σ_mathnet| = {sigmaDiff:E3} > 1e-10·σ₁ = {1e-10 * sigma1:E3}");
        double reconstruction = SvdChecks.ReconstructionError(a, result);
        Assert.True(reconstruction <= 1e-12 * sigma1, $"{name} {svd.Name}: ‖A − UΣVᵀ‖_max = {reconstruction:E3} > 1e-12·σ₁");
        double orthoU = SvdChecks.OrthonormalityError(result.U);
        double orthoV = SvdChecks.OrthonormalityError(result.V);
        Assert.True(orthoU <= 1e-12, $"{name} {svd.Name}: ‖UᵀU − I‖_max = {orthoU:E3}");
        Assert.True(orthoV <= 1e-12, $"{name} {svd.Name}: ‖VᵀV − I‖_max = {orthoV:E3}");
    }
}
