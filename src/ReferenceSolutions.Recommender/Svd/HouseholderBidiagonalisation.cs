using System.Numerics.Tensors;
using ReferenceSolutions.Core.LinearAlgebra;

namespace ReferenceSolutions.Recommender.Svd;

/// <summary>
/// Golub–Kahan bidiagonalisation by Householder reflections (Golub &amp; Van Loan, Matrix Computations, §5.4.8): for a
/// tall r×c matrix A (r ≥ c), step k = 0 … c − 1 reflects column k from the diagonal down (rows k …) onto dₖ·e₁ from the left (Pₖ),
/// then, for k &lt; c − 2, row k right of the diagonal (columns k + 1 …) onto eₖ·e₁ from the right (Qₖ). So
/// P_{c−1}·…·P₀·A·Q₀·…·Q_{c−3} = [B; 0], and with U = P₀·…·P_{c−1}·[I_c; 0] (r×c) and V = Q₀·…·Q_{c−3} (c×c), A = U·B·Vᵀ.
/// Each reflection is P = I − 2·w·wᵀ with ‖w‖ = 1.
/// Derivation: docs/recommender.md#golubkahan-bidiagonalisation.
/// </summary>
internal static class HouseholderBidiagonalisation
{
    /// <summary>Reduces a copy of the tall <paramref name="a"/> (r ≥ c) to B, accumulating Uᵀ (c×r) and Vᵀ (c×c).</summary>
    public static Bidiagonal Reduce(Matrix a)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.Rows < a.Columns)
        {
            throw new ArgumentException($"bidiagonalisation needs r ≥ c; A is {a.Rows}×{a.Columns}", nameof(a));
        }
        Matrix work = a.Clone();
        int c = a.Columns;
        double[] d = new double[c];
        double[] e = new double[Math.Max(c - 1, 0)];
        var left = new double[c][];
        var right = new double[Math.Max(c - 2, 0)][];
        for (int k = 0; k < c; k++)
        {
            (left[k], d[k]) = Reflector(ColumnBelow(work, k));
            ReflectRowsFromTheLeft(work, left[k], k);
            if (k < c - 2)
            {
                (right[k], e[k]) = Reflector(work.Row(k)[(k + 1)..]);
                ReflectColumnsFromTheRight(work, right[k], k);
            }
            else if (k == c - 2)
            {
                e[k] = work[k, k + 1];
            }
        }
        return new Bidiagonal(d, e, LeftFactorTransposed(left, a.Rows), RightFactorTransposed(right, c));
    }

    /// <summary>
    /// The Householder vector of x: P = I − 2·w·wᵀ maps x to α·e₁ with α = −sign(x₀)·‖x‖ (the sign that makes
    /// x₀ − α = x₀ + sign(x₀)·‖x‖ free of cancellation), w = (x − α·e₁)/‖x − α·e₁‖ and
    /// ‖x − α·e₁‖² = 2·‖x‖·(‖x‖ + |x₀|). Returns (w, α); w = 0 (P = I) and α = 0 when x = 0.
    /// </summary>
    public static (double[] W, double Alpha) Reflector(ReadOnlySpan<double> x)
    {
        double[] w = x.ToArray();
        double norm = Norms.Euclidean(x);
        if (norm == 0.0)
        {
            return (w, 0.0);
        }
        double alpha = x[0] >= 0.0 ? -norm : norm;
        w[0] -= alpha;
        double length = Math.Sqrt(2.0 * norm) * Math.Sqrt(norm + Math.Abs(x[0]));
        TensorPrimitives.Divide(w, length, w);
        return (w, alpha);
    }

    /// <summary>
    /// Rows k … r − 1 of columns k + 1 … c − 1 ← P·(those rows), P = I − 2·w·wᵀ: with zᵀ = wᵀ·A (a row), A ← A − 2·w·zᵀ.
    /// Column k itself becomes dₖ·e₁ and is not read again.
    /// </summary>
    private static void ReflectRowsFromTheLeft(Matrix a, double[] w, int k)
    {
        int from = k + 1;
        var z = new double[a.Columns - from];
        for (int i = k; i < a.Rows; i++)
        {
            TensorPrimitives.MultiplyAdd(a.Row(i)[from..], w[i - k], z, z);
        }
        for (int i = k; i < a.Rows; i++)
        {
            Span<double> row = a.Row(i)[from..];
            TensorPrimitives.MultiplyAdd(z, -2.0 * w[i - k], row, row);
        }
    }

    /// <summary>
    /// Rows k + 1 … r − 1 of columns k + 1 … c − 1 ← (those columns)·Q, Q = I − 2·w·wᵀ: each row x ← x − 2·(x·w)·wᵀ.
    /// Row k itself becomes (dₖ, eₖ, 0, …) and is not read again.
    /// </summary>
    private static void ReflectColumnsFromTheRight(Matrix a, double[] w, int k)
    {
        for (int i = k + 1; i < a.Rows; i++)
        {
            Span<double> row = a.Row(i)[(k + 1)..];
            TensorPrimitives.MultiplyAdd(w, -2.0 * TensorPrimitives.Dot<double>(row, w), row, row);
        }
    }

    /// <summary>
    /// Uᵀ = [I_c 0]·P_{c−1}·…·P₀ (c×r), multiplied out from the left; Pₖ acts on columns k … r − 1, and rows j &lt; k of the
    /// partial product are still eⱼᵀ, which Pₖ leaves alone, so only rows k … c − 1 are reflected.
    /// </summary>
    private static Matrix LeftFactorTransposed(double[][] left, int r)
    {
        int c = left.Length;
        var ut = new Matrix(c, r);
        for (int j = 0; j < c; j++)
        {
            ut[j, j] = 1.0;
        }
        for (int k = c - 1; k >= 0; k--)
        {
            ReflectRowTails(ut, left[k], k, k);
        }
        return ut;
    }

    /// <summary>Vᵀ = Q_{c−3}·…·Q₀ (c×c), multiplied out from the left; Qₖ acts on columns k + 1 … c − 1, and so on rows k + 1 … c − 1 only.</summary>
    private static Matrix RightFactorTransposed(double[][] right, int c)
    {
        Matrix vt = Matrix.Identity(c);
        for (int k = right.Length - 1; k >= 0; k--)
        {
            ReflectRowTails(vt, right[k], k + 1, k + 1);
        }
        return vt;
    }

    /// <summary>Rows <paramref name="firstRow"/> … of M, columns <paramref name="firstColumn"/> … ← (those)·(I − 2·w·wᵀ): x ← x − 2·(x·w)·wᵀ.</summary>
    private static void ReflectRowTails(Matrix m, double[] w, int firstRow, int firstColumn)
    {
        for (int i = firstRow; i < m.Rows; i++)
        {
            Span<double> row = m.Row(i)[firstColumn..];
            TensorPrimitives.MultiplyAdd(w, -2.0 * TensorPrimitives.Dot<double>(row, w), row, row);
        }
    }

    private static double[] ColumnBelow(Matrix a, int k)
    {
        var x = new double[a.Rows - k];
        for (int i = k; i < a.Rows; i++)
        {
            x[i - k] = a[i, k];
        }
        return x;
    }
}
