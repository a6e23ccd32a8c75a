namespace ReferenceSolutions.Core.LinearAlgebra;

/// <summary>
/// Cholesky factorisation of a symmetric positive-definite n×n matrix: A = L·Lᵀ with L lower triangular, Lᵢᵢ &gt; 0.
/// Column by column: Lⱼⱼ = √(Aⱼⱼ − Σ_{p&lt;j} Lⱼₚ²), Lᵢⱼ = (Aᵢⱼ − Σ_{p&lt;j} LᵢₚLⱼₚ) / Lⱼⱼ for i &gt; j.
/// Only the lower triangle of A is read.
/// Derivation: docs/core.md#cholesky.
/// </summary>
public sealed class Cholesky
{
    private Cholesky(Matrix lower) => L = lower;

    /// <summary>L, n×n lower triangular, with zeros above the diagonal.</summary>
    public Matrix L { get; }

    /// <summary>Factors A; throws <see cref="LinearAlgebraException"/> when A is not (numerically) positive definite.</summary>
    public static Cholesky Factor(Matrix a)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.Rows != a.Columns)
        {
            throw new ArgumentException($"Cholesky needs a square matrix, not {a.Rows}×{a.Columns}", nameof(a));
        }
        int n = a.Rows;
        var l = new Matrix(n, n);
        for (int j = 0; j < n; j++)
        {
            Span<double> lj = l.Row(j);
            double pivot = a[j, j] - System.Numerics.Tensors.TensorPrimitives.Dot(lj[..j], lj[..j]);
            if (!(pivot > 0.0) || !double.IsFinite(pivot))
            {
                throw new LinearAlgebraException($"matrix is not positive definite: pivot {j} is {pivot}");
            }
            double ljj = Math.Sqrt(pivot);
            lj[j] = ljj;
            for (int i = j + 1; i < n; i++)
            {
                Span<double> li = l.Row(i);
                li[j] = (a[i, j] - System.Numerics.Tensors.TensorPrimitives.Dot(li[..j], lj[..j])) / ljj;
            }
        }
        return new Cholesky(l);
    }

    /// <summary>Solves A·x = b as L·y = b, then Lᵀ·x = y.</summary>
    public double[] Solve(ReadOnlySpan<double> b) => Triangular.SolveLowerTransposed(L, Triangular.SolveLower(L, b));

    /// <summary>log det A = 2·Σ log Lᵢᵢ.</summary>
    public double LogDeterminant()
    {
        double sum = 0.0;
        for (int i = 0; i < L.Rows; i++)
        {
            sum += Math.Log(L[i, i]);
        }
        return 2.0 * sum;
    }
}
