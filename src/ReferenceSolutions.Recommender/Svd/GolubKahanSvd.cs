using ReferenceSolutions.Core.LinearAlgebra;

namespace ReferenceSolutions.Recommender.Svd;

/// <summary>
/// Exact thin SVD by Golub–Kahan, from scratch (Golub &amp; Van Loan, Matrix Computations, §5.4.8 and §8.6), in four
/// steps, each its own method: (1) Householder bidiagonalisation A = U_B·B·V_Bᵀ, B upper bidiagonal
/// (<c>HouseholderBidiagonalisation</c>); (2) implicit-shift QR sweeps on B with the Wilkinson shift from the
/// trailing 2×2 of BᵀB, deflating where |eₖ| ≤ ε·(|dₖ| + |dₖ₊₁|) and chasing out a zero dₖ with Givens rotations, every
/// rotation applied to U_B and V_B, until B = diag(d) (<c>BidiagonalQr</c>); (3) σₖ = |dₖ|, the sign moved into V;
/// (4) σ sorted descending with the columns of U and V permuted alike, then the shared <see cref="SignConvention"/>.
/// A second exact method beside <see cref="JacobiSvd"/>. A is scaled by an exact power of two first; wide A is done
/// through Aᵀ. Derivation and a worked 4×3 example: docs/recommender.md#golubkahan-bidiagonalisation.
/// </summary>
public sealed class GolubKahanSvd : ISvd
{
    /// <summary>QR sweeps (and zero-diagonal chases) allowed per singular value before giving up.</summary>
    public const int MaxIterations = 75;

    /// <inheritdoc/>
    public string Name => "golub-kahan";

    /// <inheritdoc/>
    public SvdResult Decompose(Matrix a) => PowerOfTwoScaling.Decompose(a, DecomposeScaled);

    private static SvdResult DecomposeScaled(Matrix scaled)
    {
        if (scaled.Rows >= scaled.Columns)
        {
            SvdResult tall = Tall(scaled);
            SignConvention.Apply(tall.U, tall.V);
            return tall;
        }
        // A = (Aᵀ)ᵀ: if Aᵀ = U'·Σ·V'ᵀ then A = V'·Σ·U'ᵀ.
        SvdResult transposed = Tall(scaled.Transpose());
        SignConvention.Apply(transposed.V, transposed.U);
        return new SvdResult(transposed.V, transposed.S, transposed.U);
    }

    /// <summary>The SVD of a tall r×c matrix (r ≥ c): U: r×c, S: c descending and ≥ 0, V: c×c.</summary>
    private static SvdResult Tall(Matrix a) => SortDescending(Diagonalised(a));

    /// <summary>Steps 1–3 on a tall A (r ≥ c): B = diag(σ) with σ ≥ 0 unsorted, and A = U·B·Vᵀ; its counters say which steps ran.</summary>
    internal static Bidiagonal Diagonalised(Matrix a)
    {
        Bidiagonal b = HouseholderBidiagonalisation.Reduce(a);
        BidiagonalQr.Diagonalise(b, MaxIterations);
        BidiagonalQr.MakeNonNegative(b);
        return b;
    }

    /// <summary>
    /// With B = diag(σ): the order π with σ_π(0) ≥ σ_π(1) ≥ … (ties by index), S = σ_π, and column j of U and of V is
    /// row π(j) of Uᵀ and of Vᵀ.
    /// </summary>
    internal static SvdResult SortDescending(Bidiagonal b)
    {
        double[] sigma = b.D;
        int[] order = Enumerable.Range(0, b.Order).OrderByDescending(k => sigma[k]).ThenBy(k => k).ToArray();
        Matrix u = PermutedTranspose(b.Ut, order);
        Matrix v = PermutedTranspose(b.Vt, order);
        return new SvdResult(u, order.Select(k => sigma[k]).ToArray(), v);
    }

    /// <summary>M with M[i, j] = Xᵀ[π(j), i], i.e. the rows of X taken in the order π, as columns.</summary>
    private static Matrix PermutedTranspose(Matrix rows, int[] order)
    {
        var result = new Matrix(rows.Columns, order.Length);
        for (int j = 0; j < order.Length; j++)
        {
            Span<double> row = rows.Row(order[j]);
            for (int i = 0; i < row.Length; i++)
            {
                result[i, j] = row[i];
            }
        }
        return result;
    }
}
