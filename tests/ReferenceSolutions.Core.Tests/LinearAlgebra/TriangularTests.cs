using FsCheck;
using FsCheck.Xunit;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.TestSupport;

namespace ReferenceSolutions.Core.Tests.LinearAlgebra;

/// <summary>
/// Substitution is backward stable: the computed x solves (T + δT)x = b with |δT| ≤ n·ε·|T|. With diagonals in
/// [1, 2] and off-diagonals of size 1/n the systems are well conditioned, so x agrees with MathNet to ~1e-13.
/// </summary>
public class TriangularTests
{
    [Property(MaxTest = 60)]
    public void Lower_upper_and_transposed_solves_match_MathNet(PositiveInt size, ulong seed)
    {
        int n = 1 + (size.Get % 50);
        Matrix lower = WellConditionedLower(seed, n);
        double[] b = Generators.Gaussian(seed + 3, n, 1).Data;
        var mathNetLower = Generators.ToMathNet(lower);
        var rhs = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(b);

        Matrix upper = lower.Transpose();
        double[] lowerOracle = mathNetLower.Solve(rhs).ToArray();
        double[] transposedOracle = mathNetLower.Transpose().Solve(rhs).ToArray();
        double[] upperOracle = Generators.ToMathNet(upper).Solve(rhs).ToArray();
        ParityAssert.Passes(CoreChecks.TriangularVsMathNet, new Comparison("from-scratch", "mathnet")
            .Add("L⁻¹b", Triangular.SolveLower(lower, b), lowerOracle, scale: 1 + Norms.MaxAbs(lowerOracle))
            .Add("L⁻ᵀb", Triangular.SolveLowerTransposed(lower, b), transposedOracle, scale: 1 + Norms.MaxAbs(transposedOracle))
            .Add("U⁻¹b", Triangular.SolveUpper(upper, b), upperOracle, scale: 1 + Norms.MaxAbs(upperOracle)));
    }

    [Fact]
    public void Matrix_right_hand_sides_are_solved_column_by_column()
    {
        Matrix lower = WellConditionedLower(5, 8);
        Matrix b = Generators.Gaussian(6, 8, 3);
        Matrix x = Triangular.SolveLower(lower, b);
        ParityAssert.Passes(CoreChecks.TriangularMatrixRightHandSide, new Comparison("L·X", "B").Add("B", Gemm.Multiply(lower, x), b));
    }

    [Fact]
    public void Zero_on_the_diagonal_is_reported_as_singular()
    {
        var lower = new Matrix(2, 2, [1.0, 0.0, 3.0, 0.0]);
        var error = Assert.Throws<LinearAlgebraException>(() => Triangular.SolveLower(lower, [1.0, 1.0]));
        Assert.Contains("diagonal element 1", error.Message);
    }

    private static Matrix WellConditionedLower(ulong seed, int n)
    {
        Matrix random = Generators.Gaussian(seed, n, n);
        var lower = new Matrix(n, n);
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < i; j++)
            {
                lower[i, j] = random[i, j] / n;
            }
            lower[i, i] = 1.0 + Math.Abs(random[i, i]) % 1.0;
        }
        return lower;
    }
}
