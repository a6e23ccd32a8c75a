using ReferenceSolutions.Core.LinearAlgebra;

namespace ReferenceSolutions.Recommender.Svd;

/// <summary>
/// A thin singular value decomposition A = U·diag(S)·Vᵀ of an r×c matrix A, with p = min(r, c):
/// U: r×p with orthonormal columns, S: p values, descending and ≥ 0, V: c×p with orthonormal columns.
/// Sign convention (every implementation applies it, see <see cref="SignConvention"/>): the largest-magnitude entry
/// of each right singular vector vⱼ (column j of V; the first such entry on exact ties) is positive, and uⱼ flips with it.
/// </summary>
public sealed record SvdResult(Matrix U, double[] S, Matrix V)
{
    /// <summary>U·diag(S)·Vᵀ.</summary>
    public Matrix Reconstruct()
    {
        Matrix us = U.Clone();
        for (int i = 0; i < us.Rows; i++)
        {
            Span<double> row = us.Row(i);
            for (int j = 0; j < S.Length; j++)
            {
                row[j] *= S[j];
            }
        }
        return Gemm.MultiplyTransposeB(us, V);
    }

    /// <summary>The number of singular values above <paramref name="relativeTolerance"/>·σ₁.</summary>
    public int Rank(double relativeTolerance) => S.Length == 0 ? 0 : S.Count(s => s > relativeTolerance * S[0]);

    /// <summary>The first <paramref name="k"/> triplets: U[:, :k], S[:k], V[:, :k].</summary>
    public SvdResult Truncate(int k)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, S.Length);
        return new SvdResult(FirstColumns(U, k), S[..k], FirstColumns(V, k));
    }

    private static Matrix FirstColumns(Matrix a, int k)
    {
        var result = new Matrix(a.Rows, k);
        for (int i = 0; i < a.Rows; i++)
        {
            a.Row(i)[..k].CopyTo(result.Row(i));
        }
        return result;
    }
}
