using FsCheck;
using FsCheck.Xunit;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.TestSupport;

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
        ParityAssert.Passes(CoreChecks.CholeskyReconstruction, new Comparison("L·Lᵀ", "A").Add("A", Gemm.MultiplyTransposeB(l, l), a, scale: n * Norms.Frobenius(a)));
        Matrix oracle = Generators.FromMathNet(Generators.ToMathNet(a).Cholesky().Factor);
        ParityAssert.Passes(CoreChecks.CholeskyVsMathNet, new Comparison("from-scratch", "mathnet").Add("L", l, oracle, scale: Norms.MaxAbs(oracle.Data)));
    }

    [Property(MaxTest = 60)]
    public void Solve_matches_MathNet_and_leaves_a_small_residual(PositiveInt size, ulong seed)
    {
        int n = 1 + (size.Get % 40);
        Matrix a = Generators.SymmetricPositiveDefinite(seed, n);
        double[] b = Generators.Gaussian(seed + 1, n, 1).Data;
        double[] x = Cholesky.Factor(a).Solve(b);
        double[] residual = a.Multiply(x).Zip(b, (ax, bi) => ax - bi).ToArray();
        double[] oracle = Generators.ToMathNet(a).Cholesky().Solve(MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(b)).ToArray();
        ParityAssert.Passes(CoreChecks.CholeskySolveVsMathNet, new Comparison("from-scratch", "mathnet")
            .Add("x", x, oracle, scale: 1 + Norms.MaxAbs(oracle))
            .Add("‖Ax − b‖₂", Norms.Euclidean(residual), 0.0, scale: Norms.Frobenius(a) * Norms.Euclidean(x)));
    }

    [Fact]
    public void Log_determinant_matches_MathNet()
    {
        Matrix a = Generators.SymmetricPositiveDefinite(9, 12);
        double oracle = Math.Log(Generators.ToMathNet(a).Determinant());
        ParityAssert.Passes(CoreChecks.CholeskyLogDeterminant, new Comparison("from-scratch", "mathnet").Add("log det A", Cholesky.Factor(a).LogDeterminant(), oracle, scale: Math.Abs(oracle)));
    }

    [Fact]
    public void Indefinite_matrix_is_refused_naming_the_failing_pivot()
    {
        var a = new Matrix(2, 2, [1.0, 2.0, 2.0, 1.0]);
        var error = Assert.Throws<LinearAlgebraException>(() => Cholesky.Factor(a));
        Assert.Contains("pivot 1", error.Message);
    }
}
