using FsCheck;
using FsCheck.Xunit;
using ReferenceSolutions.Core.LinearAlgebra;

namespace ReferenceSolutions.Core.Tests.LinearAlgebra;

/// <summary>
/// Cholesky is backward stable for SPD matrices: L·Lᵀ = A + δA with ‖δA‖ ≤ c·n·ε·‖A‖. The factor with a positive
/// diagonal is unique, so ours and MathNet's must agree entry by entry (to κ(A)·n·ε; κ = O(1) for these matrices).
/// </summary>
public class CholeskyTests
{
    [Property(MaxTest = 60)]
    public void L_times_L_transpose_reconstructs_A_and_matches_MathNet(PositiveInt size, ulong seed)
    {
        int n = 1 + (size.Get % 40);
        Matrix a = Generators.SymmetricPositiveDefinite(seed, n);
        Matrix l = Cholesky.Factor(a).L;
        Assert.True(Norms.Frobenius(Gemm.MultiplyTransposeB(l, l) - a) <= 1e-13 * n * Norms.Frobenius(a));
        Matrix oracle = Generators.FromMathNet(Generators.ToMathNet(a).Cholesky().Factor);
        Assert.True(Norms.MaxAbsDiff(l, oracle) <= 1e-12 * Norms.MaxAbs(oracle.Data), $"max diff {Norms.MaxAbsDiff(l, oracle):R}");
    }

    [Property(MaxTest = 60)]
    public void Solve_matches_MathNet_and_leaves_a_small_residual(PositiveInt size, ulong seed)
    {
        int n = 1 + (size.Get % 40);
        Matrix a = Generators.SymmetricPositiveDefinite(seed, n);
        double[] b = Generators.Gaussian(seed + 1, n, 1).Data;
        double[] x = Cholesky.Factor(a).Solve(b);
        double[] residual = a.Multiply(x).Zip(b, (ax, bi) => ax - bi).ToArray();
        Assert.True(Norms.Euclidean(residual) <= 1e-12 * Norms.Frobenius(a) * Norms.Euclidean(x));
        double[] oracle = Generators.ToMathNet(a).Cholesky().Solve(MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(b)).ToArray();
        Assert.True(Norms.MaxAbsDiff(x, oracle) <= 1e-12 * (1 + Norms.MaxAbs(oracle)));
    }

    [Fact]
    public void Log_determinant_matches_MathNet()
    {
        Matrix a = Generators.SymmetricPositiveDefinite(9, 12);
        double oracle = Math.Log(Generators.ToMathNet(a).Determinant());
        Assert.True(Math.Abs(Cholesky.Factor(a).LogDeterminant() - oracle) <= 1e-10 * Math.Abs(oracle));
    }

    [Fact]
    public void Indefinite_matrix_is_refused_naming_the_failing_pivot()
    {
        var a = new Matrix(2, 2, [1.0, 2.0, 2.0, 1.0]);
        var error = Assert.Throws<LinearAlgebraException>(() => Cholesky.Factor(a));
        Assert.Contains("pivot 1", error.Message);
    }
}
