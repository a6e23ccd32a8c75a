using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Native;

namespace ReferenceSolutions.Recommender.Svd;

/// <summary>
/// Exact thin SVD by Golub–Kahan, from scratch, arranged for speed: the same three stages as the readable
/// <see cref="GolubKahanSvd"/> (its reference, tested against it), with the O(rc²) work done as GEMM.
/// (1) <see cref="BlockedBidiagonalisation"/>: A = Q·[B; 0]·Pᵀ in panels of 32 steps, half the 4rc² − 4c³/3 flops
/// matrix–vector products, half a rank-64 GEMM update per panel. (2) <see cref="BidiagonalQr"/> on B alone,
/// B = U_B·Σ·V_Bᵀ, its Givens rotations accumulated into the c×c factors U_Bᵀ and V_Bᵀ (rotations of contiguous rows),
/// each sweep's rotations in one pass per factor in the widest vector width (<see cref="RotationSequence"/>);
/// about 2c sweeps of c/2 rotations on average, ≈ 12c³ flops. (3) U = Q·[U_B; 0] and V = P·V_B, with the columns of U_B and
/// V_B already in descending order of σ, by applying the stored reflections in compact WY blocks of 32
/// (<see cref="HouseholderProduct"/>): 4rc² − 2c³ flops for U and 2c³ for V, all GEMM. Then the shared <see cref="SignConvention"/>.
/// A is scaled by an exact power of two first; a wide A is done through Aᵀ.
/// Derivation and tests: docs/recommender.md#blocked-golubkahan-svd.
/// </summary>
public sealed class BlockedGolubKahanSvd : ISvd
{
    /// <inheritdoc/>
    public string Name => "blocked-golub-kahan";

    /// <inheritdoc/>
    public SvdResult Decompose(Matrix a) => Decompose(VectorWidth.Current, a);

    /// <summary><see cref="Decompose(Matrix)"/> with the rotations in the given width.</summary>
    internal static SvdResult Decompose(SimdWidth width, Matrix a) => PowerOfTwoScaling.Decompose(a, scaled =>
    {
        if (scaled.Rows >= scaled.Columns)
        {
            SvdResult tall = Tall(width, scaled);
            SignConvention.Apply(tall.U, tall.V);
            return tall;
        }
        // A = (Aᵀ)ᵀ: if Aᵀ = U'·Σ·V'ᵀ then A = V'·Σ·U'ᵀ.
        SvdResult transposed = Tall(width, scaled.Transpose());
        SignConvention.Apply(transposed.V, transposed.U);
        return new SvdResult(transposed.V, transposed.S, transposed.U);
    });

    /// <summary>The SVD of a tall r×c matrix (r ≥ c): U: r×c, S: c descending and ≥ 0, V: c×c.</summary>
    internal static SvdResult Tall(SimdWidth width, Matrix a)
    {
        HouseholderBidiagonal reduced = BlockedBidiagonalisation.Reduce(a);
        Bidiagonal b = Diagonalised(width, reduced);
        int c = a.Columns;
        int[] order = [.. Enumerable.Range(0, c).OrderByDescending(k => b.D[k]).ThenBy(k => k)];
        Matrix u = Columns(b.Ut, order, a.Rows);
        Matrix v = Columns(b.Vt, order, c);
        reduced.Left.ApplyTo(u);
        reduced.Right.ApplyTo(v);
        return new SvdResult(u, [.. order.Select(k => b.D[k])], v);
    }

    /// <summary>Stage 2: B = U_B·diag(σ)·V_Bᵀ with σ ≥ 0 unsorted, U_Bᵀ and V_Bᵀ accumulated from I_c.</summary>
    internal static Bidiagonal Diagonalised(SimdWidth width, HouseholderBidiagonal reduced)
    {
        int c = reduced.D.Length;
        var b = new Bidiagonal(reduced.D, reduced.E, Matrix.Identity(c), Matrix.Identity(c)) { Width = width };
        BidiagonalQr.Diagonalise(b, GolubKahanSvd.MaxIterations);
        BidiagonalQr.MakeNonNegative(b);
        return b;
    }

    /// <summary>The <paramref name="height"/>×c matrix whose column j is row π(j) of <paramref name="rows"/> (c×c), zero below row c.</summary>
    private static Matrix Columns(Matrix rows, int[] order, int height)
    {
        var result = new Matrix(height, order.Length);
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
