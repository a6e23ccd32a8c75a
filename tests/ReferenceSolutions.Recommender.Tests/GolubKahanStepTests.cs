using FsCheck;
using FsCheck.Xunit;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.Recommender.Svd;
using MathNetMatrix = MathNet.Numerics.LinearAlgebra.Matrix<double>;

namespace ReferenceSolutions.Recommender.Tests;

/// <summary>
/// Each step of <see cref="GolubKahanSvd"/> checked on its own: the bidiagonalisation reconstructs A with orthonormal
/// factors and keeps σ; one implicit QR sweep is the explicit shifted QR step on T = BᵀB (implicit Q theorem), keeps
/// the eigenvalues of BᵀB and shrinks the last superdiagonal; the Wilkinson shift is the eigenvalue of T's trailing
/// 2×2 nearer its corner; each zero-diagonal chase zeroes its row or column and keeps A = U·B·Vᵀ, and matrices built to
/// need one run it; rank-deficient, tall, wide and 1×n shapes; and negative controls that show the checks can fail.
/// </summary>
public class GolubKahanStepTests
{
    /// <summary>
    /// Relative to ‖A‖ (or λ_max(BᵀB)): the tolerance of <see cref="RecommenderTolerances.Reconstruction"/> and for the
    /// same reason — each reflection or rotation is orthogonal to within a few ε and moves entries by O(ε)·‖A‖, and
    /// the matrices here are at most 40×40 (measured: at most 2.3e-15, on UᵀU of the 9×9).
    /// </summary>
    private static readonly double Orthogonal = RecommenderTolerances.Reconstruction.Value;

    public static TheoryData<string, Matrix> TallMatrices => new()
    {
        { "1×1", Matrix.FromRows([[-3.0]]) },
        { "column 7×1", TestMatrices.Gaussian(7, 1, 21) },
        { "2×2", TestMatrices.Gaussian(2, 2, 22) },
        { "square 9×9", TestMatrices.Gaussian(9, 9, 23) },
        { "tall 40×12", TestMatrices.Gaussian(40, 12, 24) },
        { "rank 3 of 25×10", TestMatrices.RankDeficient(25, 10, 3, 25) },
        { "zero first column 6×4", WithZeroColumn(TestMatrices.Gaussian(6, 4, 26), 0) },
        { "zero 5×3", new Matrix(5, 3) },
    };

    [Theory]
    [MemberData(nameof(TallMatrices))]
    public void BidiagonalisationReconstructsAWithOrthonormalFactorsAndKeepsSigma(string name, Matrix a)
    {
        Bidiagonal b = HouseholderBidiagonalisation.Reduce(a);
        double scale = Math.Max(Norms.Frobenius(a), double.Epsilon);
        var comparison = new Comparison($"bidiagonalisation of {name}", "definition")
            .Add("U·B·Vᵀ vs A", b.Reconstruct(), a, scale)
            .Add("UᵀU vs I", Gemm.MultiplyTransposeB(b.Ut, b.Ut), Matrix.Identity(a.Columns))
            .Add("VᵀV vs I", Gemm.MultiplyTransposeB(b.Vt, b.Vt), Matrix.Identity(a.Columns))
            .Add("σ(B) vs σ(A)", SingularValues(b.ToMatrix()), SingularValues(a), scale);
        Assert.True(comparison.Within(Orthogonal), comparison.Describe(Orthogonal));
    }

    [Property(MaxTest = 25)]
    public void BidiagonalisationOfRandomShapesReconstructsA(PositiveInt rows, PositiveInt columns, PositiveInt seed)
    {
        int n = 1 + (columns.Get % 30);
        int m = n + (rows.Get % 30);
        Matrix a = TestMatrices.Gaussian(m, n, (ulong)seed.Get);
        Bidiagonal b = HouseholderBidiagonalisation.Reduce(a);
        var comparison = new Comparison($"bidiagonalisation of {m}×{n}", "definition")
            .Add("U·B·Vᵀ vs A", b.Reconstruct(), a, Norms.Frobenius(a))
            .Add("UᵀU vs I", Gemm.MultiplyTransposeB(b.Ut, b.Ut), Matrix.Identity(n))
            .Add("VᵀV vs I", Gemm.MultiplyTransposeB(b.Vt, b.Vt), Matrix.Identity(n));
        Assert.True(comparison.Within(Orthogonal), comparison.Describe(Orthogonal));
    }

    [Fact]
    public void WilkinsonShiftIsTheEigenvalueOfTheTrailingBlockOfBtBNearerItsCorner()
    {
        Bidiagonal b = HouseholderBidiagonalisation.Reduce(TestMatrices.Gaussian(8, 6, 31));
        Matrix t = BtB(b);
        double a = t[3, 3], off = t[3, 4], c = t[4, 4];
        double[] eigenvalues = [.. MathNetMatrix.Build.DenseOfArray(new[,] { { a, off }, { off, c } }).Evd().EigenValues.Select(z => z.Real)];
        double nearer = Math.Abs(eigenvalues[0] - c) <= Math.Abs(eigenvalues[1] - c) ? eigenvalues[0] : eigenvalues[1];
        double shift = BidiagonalQr.WilkinsonShift(b, 0, 4);
        Assert.True(Math.Abs(shift - nearer) <= 1e-14 * Math.Max(Math.Abs(a), Math.Abs(c)), $"μ = {shift:R}, eigenvalue nearer t₄₄: {nearer:R}");
    }

    [Theory]
    [InlineData(6, 6, 41)]
    [InlineData(12, 7, 42)]
    [InlineData(30, 20, 43)]
    public void OneQrSweepIsTheExplicitShiftedQrStepOnBtB(int m, int n, ulong seed)
    {
        Bidiagonal b = HouseholderBidiagonalisation.Reduce(TestMatrices.Gaussian(m, n, seed));
        double shift = BidiagonalQr.WilkinsonShift(b, 0, n - 1);
        Matrix expected = ExplicitShiftedQrStep(BtB(b), shift);
        BidiagonalQr.QrSweep(b, 0, n - 1, shift);
        Comparison comparison = UpToSigns(BtB(b), expected, Norms.MaxAbs(expected.Data));
        Assert.True(comparison.Within(Orthogonal), comparison.Describe(Orthogonal));
    }

    [Fact]
    public void QrSweepsKeepTheEigenvaluesOfBtBAndShrinkTheLastSuperdiagonal()
    {
        Matrix a = TestMatrices.Gaussian(10, 7, 51);
        Bidiagonal b = HouseholderBidiagonalisation.Reduce(a);
        double[] before = Eigenvalues(BtB(b));
        var last = new List<double> { Math.Abs(b.E[^1]) };
        for (int sweep = 0; sweep < 4; sweep++)
        {
            BidiagonalQr.QrSweep(b, 0, b.Order - 1, BidiagonalQr.WilkinsonShift(b, 0, b.Order - 1));
            last.Add(Math.Abs(b.E[^1]));
        }
        var comparison = new Comparison("after 4 sweeps", "before")
            .Add("λ(BᵀB)", Eigenvalues(BtB(b)), before, before[^1])
            .Add("U·B·Vᵀ vs A", b.Reconstruct(), a, Norms.Frobenius(a));
        Assert.True(comparison.Within(Orthogonal), comparison.Describe(Orthogonal));
        string trace = string.Join(" → ", last.Select(x => x.ToString("E2", System.Globalization.CultureInfo.InvariantCulture)));
        for (int sweep = 1; sweep < last.Count; sweep++)
        {
            Assert.True(last[sweep] < last[sweep - 1], $"|e₅| did not shrink in sweep {sweep}: {trace}");
        }
        // Near convergence the Wilkinson shift makes |e| shrink at least quadratically (measured: 4.6e-1 → 8.2e-2 →
        // 1.4e-3 → 3.3e-8 → …), so the fourth sweep takes it below ε·|e₅| of the start; a linear rate would need ~20.
        Assert.True(last[^1] < PowerOfTwoScaling.MachineEpsilon * last[0], $"|e₅|: {trace}");
    }

    [Fact]
    public void ChasingAZeroDiagonalOutOfItsRowZeroesTheRowAndKeepsAEqualToUBVt()
    {
        Bidiagonal b = Constructed([2.0, 0.0, 3.0, 1.5, 0.5], [1.0, 0.7, -0.4, 0.9], 8);
        Matrix a = b.Reconstruct();
        double[] sigma = SingularValues(b.ToMatrix());
        BidiagonalQr.ChaseZeroDiagonalRow(b, 1, 4);
        Assert.Equal((0.0, 0.0), (b.D[1], b.E[1]));
        AssertSameFactorisation(b, a, sigma, "row chase of d₁ = 0");
    }

    [Fact]
    public void ChasingAZeroDiagonalOutOfTheLastColumnZeroesTheColumnAndKeepsAEqualToUBVt()
    {
        Bidiagonal b = Constructed([2.0, -1.0, 3.0, 0.0], [1.0, 0.7, -0.4], 6);
        Matrix a = b.Reconstruct();
        double[] sigma = SingularValues(b.ToMatrix());
        BidiagonalQr.ChaseZeroDiagonalColumn(b, 0, 3);
        Assert.Equal((0.0, 0.0), (b.D[3], b.E[2]));
        AssertSameFactorisation(b, a, sigma, "column chase of d₃ = 0");
    }

    /// <summary>
    /// A zero first column makes d₀ = 0 exactly (the first reflection has nothing to reflect), so the row chase must
    /// run; A = [x, x; …] with repeated columns makes the last d zero to rounding, so the column chase must run. Both
    /// then give the SVD the oracle gives.
    /// </summary>
    [Theory]
    [InlineData("row")]
    [InlineData("column")]
    public void MatricesBuiltToHitAZeroDiagonalRunTheChase(string chase)
    {
        Matrix a = chase == "row"
            ? WithZeroColumn(TestMatrices.Gaussian(6, 4, 61), 0)
            : Matrix.FromRows([[1.0, 1.0], [2.0, 2.0], [0.5, 0.5]]);
        Bidiagonal b = GolubKahanSvd.Diagonalised(a);
        Assert.True(chase == "row" ? b.RowChases > 0 : b.ColumnChases > 0, $"{chase} chases: {b.RowChases} row, {b.ColumnChases} column");
        AssertMatchesOracle(chase, a);
    }

    public static TheoryData<string, Matrix, int> Shapes => new()
    {
        { "wide 1×6", TestMatrices.Gaussian(1, 6, 71), 1 },
        { "tall 6×1", TestMatrices.Gaussian(6, 1, 72), 1 },
        { "rank 1 of 7×3", TestMatrices.RankDeficient(7, 3, 1, 73), 1 },
        { "rank 2 of 3×7", TestMatrices.RankDeficient(3, 7, 2, 74), 2 },
        { "rank 10 of 30×30", TestMatrices.RankDeficient(30, 30, 10, 75), 10 },
        { "rank 4 of 12×35", TestMatrices.RankDeficient(12, 35, 4, 76), 4 },
        { "σ = 5, 5, 1, 0, 0 in 9×5", TestMatrices.WithSingularValues(9, 5, [5, 5, 1, 0, 0], 77), 3 },
        { "graded σ = 1 … 1e-11 in 15×8", TestMatrices.WithSingularValues(15, 8, [1, 1e-1, 1e-3, 1e-5, 1e-7, 1e-9, 1e-10, 1e-11], 78), 8 },
        { "graded σ = 1 … 1e-15 in 8×8", TestMatrices.WithSingularValues(8, 8, [1, 1e-2, 1e-4, 1e-6, 1e-8, 1e-10, 1e-13, 1e-15], 79), 6 },
        { "graded σ = 1e-15 … 1 in 6×40", TestMatrices.WithSingularValues(6, 40, [1, 1e-3, 1e-6, 1e-9, 1e-13, 1e-15], 80), 4 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void RankDeficientTallAndWideShapesHaveTheirRankAndMatchTheOracle(string name, Matrix a, int rank)
    {
        Assert.Equal(rank, new GolubKahanSvd().Decompose(a).Rank(1e-12));
        AssertMatchesOracle(name, a);
    }

    /// <summary>Negative control: the explicit QR step with another shift is a different matrix, and the comparison says so.</summary>
    [Fact]
    public void ImplicitSweepDoesNotMatchTheExplicitStepWithAnotherShift()
    {
        Bidiagonal b = HouseholderBidiagonalisation.Reduce(TestMatrices.Gaussian(6, 6, 41));
        double shift = BidiagonalQr.WilkinsonShift(b, 0, 5);
        Matrix t = BtB(b);
        Matrix other = ExplicitShiftedQrStep(t, shift + (0.01 * Norms.MaxAbs(t.Data)));
        BidiagonalQr.QrSweep(b, 0, 5, shift);
        Comparison comparison = UpToSigns(BtB(b), other, Norms.MaxAbs(other.Data));
        Assert.False(comparison.Within(Orthogonal), comparison.Describe(Orthogonal));
    }

    /// <summary>Negative control: a sweep whose row rotations are not applied to Uᵀ no longer factors A.</summary>
    [Fact]
    public void SweepWithoutItsLeftRotationsBreaksTheFactorisation()
    {
        Matrix a = TestMatrices.Gaussian(8, 5, 81);
        Bidiagonal b = HouseholderBidiagonalisation.Reduce(a);
        double[] ut = (double[])b.Ut.Data.Clone();
        BidiagonalQr.QrSweep(b, 0, 4, BidiagonalQr.WilkinsonShift(b, 0, 4));
        ut.CopyTo(b.Ut.Data, 0);
        var comparison = new Comparison("sweep without Uᵀ", "A").Add("U·B·Vᵀ vs A", b.Reconstruct(), a, Norms.Frobenius(a));
        Assert.False(comparison.Within(Orthogonal), comparison.Describe(Orthogonal));
    }

    /// <summary>T' = R·Q + μI where T − μI = Q·R (Core's Householder QR): the explicit shifted QR step.</summary>
    private static Matrix ExplicitShiftedQrStep(Matrix t, double shift)
    {
        Matrix shifted = t - (shift * Matrix.Identity(t.Rows));
        HouseholderQr qr = HouseholderQr.Decompose(shifted);
        return (qr.R * qr.Q()) + (shift * Matrix.Identity(t.Rows));
    }

    /// <summary>
    /// |x| vs |y| entry by entry: by the implicit Q theorem the two steps' Q agree up to the signs of their columns,
    /// so T' agrees up to the signs of its off-diagonal entries.
    /// </summary>
    private static Comparison UpToSigns(Matrix x, Matrix y, double scale)
    {
        Matrix ax = x.Clone(), ay = y.Clone();
        System.Numerics.Tensors.TensorPrimitives.Abs(ax.Data, ax.Data);
        System.Numerics.Tensors.TensorPrimitives.Abs(ay.Data, ay.Data);
        return new Comparison("implicit sweep BᵀB", "explicit QR step").Add("|T'|", ax, ay, scale);
    }

    private static void AssertSameFactorisation(Bidiagonal b, Matrix a, double[] sigma, string name)
    {
        var comparison = new Comparison(name, "before")
            .Add("U·B·Vᵀ vs A", b.Reconstruct(), a, Norms.Frobenius(a))
            .Add("UᵀU vs I", Gemm.MultiplyTransposeB(b.Ut, b.Ut), Matrix.Identity(b.Order))
            .Add("VᵀV vs I", Gemm.MultiplyTransposeB(b.Vt, b.Vt), Matrix.Identity(b.Order))
            .Add("σ(B)", SingularValues(b.ToMatrix()), sigma, sigma[0]);
        Assert.True(comparison.Within(Orthogonal), comparison.Describe(Orthogonal));
    }

    private static void AssertMatchesOracle(string name, Matrix a)
    {
        SvdResult result = new GolubKahanSvd().Decompose(a);
        SvdResult oracle = new MathNetSvd().Decompose(a);
        Comparison comparison = SvdChecks.SingularValues("golub-kahan", result, "mathnet", oracle);
        Assert.True(comparison.Within(RecommenderTolerances.SingularValues.Value), $"{name}: {comparison.Describe(RecommenderTolerances.SingularValues.Value)}");
        Comparison definition = SvdChecks.Definition("golub-kahan", a, result);
        Assert.True(definition.Within(Orthogonal), $"{name}: {definition.Describe(Orthogonal)}");
    }

    /// <summary>B = diag(d) + superdiag(e) with Uᵀ: n×m and Vᵀ: n×n orthonormal rows from Gaussian QRs (seeded).</summary>
    private static Bidiagonal Constructed(double[] d, double[] e, int m)
    {
        int n = d.Length;
        Matrix ut = HouseholderQr.Decompose(TestMatrices.Gaussian(m, n, 91)).ThinQ().Transpose();
        Matrix vt = HouseholderQr.Decompose(TestMatrices.Gaussian(n, n, 92)).ThinQ().Transpose();
        return new Bidiagonal(d, e, ut, vt);
    }

    private static Matrix BtB(Bidiagonal b)
    {
        Matrix bm = b.ToMatrix();
        return Gemm.MultiplyTransposeA(bm, bm);
    }

    private static double[] SingularValues(Matrix a) =>
        [.. MathNetMatrix.Build.DenseOfRowMajor(a.Rows, a.Columns, a.Data).Svd(false).S];

    private static double[] Eigenvalues(Matrix symmetric) =>
        [.. MathNetMatrix.Build.DenseOfRowMajor(symmetric.Rows, symmetric.Columns, symmetric.Data)
            .Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric).EigenValues.Select(z => z.Real).Order()];

    private static Matrix WithZeroColumn(Matrix a, int column)
    {
        for (int i = 0; i < a.Rows; i++)
        {
            a[i, column] = 0.0;
        }
        return a;
    }
}
