namespace ReferenceSolutions.Core.LinearAlgebra;

/// <summary>
/// General matrix multiply C ← α·op(A)·op(B) + β·C, with op(X) = X or Xᵀ; op(A): m×k, op(B): k×n, C: m×n.
/// <see cref="Reference"/> is the readable triple loop; <see cref="Compute"/> is the packed, cache-blocked,
/// vectorized kernel (<see cref="BlockedGemm"/>), tested equal to the reference up to summation order.
/// Derivation: docs/core.md#gemm-the-reference-loop-and-the-blocked-kernel.
/// </summary>
public static class Gemm
{
    /// <summary>C = A·B.</summary>
    public static Matrix Multiply(Matrix a, Matrix b) => Product(a, false, b, false);

    /// <summary>C = A·Bᵀ (A: m×k, B: n×k), e.g. a dense layer's X·Wᵀ.</summary>
    public static Matrix MultiplyTransposeB(Matrix a, Matrix b) => Product(a, false, b, true);

    /// <summary>C = Aᵀ·B (A: k×m, B: k×n), e.g. a gradient's dZᵀ·X.</summary>
    public static Matrix MultiplyTransposeA(Matrix a, Matrix b) => Product(a, true, b, false);

    /// <summary>C ← α·op(A)·op(B) + β·C through the blocked kernel. β = 0 ignores C's old contents, NaN included.</summary>
    public static void Compute(double alpha, Matrix a, bool transposeA, Matrix b, bool transposeB, double beta, Matrix c)
    {
        (int m, int n, int k) = CheckShapes(a, transposeA, b, transposeB, c);
        BlockedGemm.Run(m, n, k, alpha, a, transposeA, b, transposeB, beta, c);
    }

    /// <summary>
    /// The reference: cᵢⱼ ← α·Σₚ op(A)ᵢₚ·op(B)ₚⱼ + β·cᵢⱼ, summed in order p = 0..k−1 with no blocking or vectors.
    /// </summary>
    public static void Reference(double alpha, Matrix a, bool transposeA, Matrix b, bool transposeB, double beta, Matrix c)
    {
        (int m, int n, int k) = CheckShapes(a, transposeA, b, transposeB, c);
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double sum = 0.0;
                for (int p = 0; p < k; p++)
                {
                    double aip = transposeA ? a[p, i] : a[i, p];
                    double bpj = transposeB ? b[j, p] : b[p, j];
                    sum += aip * bpj;
                }
                c[i, j] = beta == 0.0 ? alpha * sum : (alpha * sum) + (beta * c[i, j]);
            }
        }
    }

    private static Matrix Product(Matrix a, bool transposeA, Matrix b, bool transposeB)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var c = new Matrix(transposeA ? a.Columns : a.Rows, transposeB ? b.Rows : b.Columns);
        Compute(1.0, a, transposeA, b, transposeB, 0.0, c);
        return c;
    }

    private static (int M, int N, int K) CheckShapes(Matrix a, bool transposeA, Matrix b, bool transposeB, Matrix c)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(c);
        int m = transposeA ? a.Columns : a.Rows;
        int k = transposeA ? a.Rows : a.Columns;
        int kB = transposeB ? b.Columns : b.Rows;
        int n = transposeB ? b.Rows : b.Columns;
        if (k != kB || c.Rows != m || c.Columns != n)
        {
            throw new ArgumentException(
                $"GEMM shapes do not agree: op(A) is {m}×{k}, op(B) is {kB}×{n}, C is {c.Rows}×{c.Columns}");
        }
        return (m, n, k);
    }
}
