using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Randomness;

namespace ReferenceSolutions.Core.Tests;

/// <summary>Seeded random matrices for the property tests; FsCheck supplies the seed and the shape.</summary>
internal static class Generators
{
    public static Matrix Gaussian(ulong seed, int rows, int columns) => new Rng(seed).GaussianMatrix(rows, columns);

    /// <summary>A = BᵀB + n·I: symmetric positive definite, condition number O(1).</summary>
    public static Matrix SymmetricPositiveDefinite(ulong seed, int n)
    {
        Matrix b = Gaussian(seed, n, n);
        Matrix a = Gemm.MultiplyTransposeA(b, b);
        for (int i = 0; i < n; i++)
        {
            a[i, i] += n;
        }
        return a;
    }

    public static MathNet.Numerics.LinearAlgebra.Matrix<double> ToMathNet(Matrix a) =>
        MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfRowMajor(a.Rows, a.Columns, a.Data);

    public static Matrix FromMathNet(MathNet.Numerics.LinearAlgebra.Matrix<double> a) =>
        new(a.RowCount, a.ColumnCount, a.ToRowMajorArray());
}
