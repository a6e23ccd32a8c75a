using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Native;

namespace ReferenceSolutions.Recommender.Svd;

/// <summary>
/// A = U·B·Vᵀ for a tall r×c matrix A (r ≥ c): B is c×c upper bidiagonal with diagonal <see cref="D"/> (c entries,
/// dₖ = Bₖₖ) and superdiagonal <see cref="E"/> (c − 1 entries, eₖ = Bₖ,ₖ₊₁); U: r×c and V: c×c have orthonormal columns.
/// The factors are held transposed, <see cref="Ut"/> = Uᵀ: c×r and <see cref="Vt"/> = Vᵀ: c×c, so that a rotation of
/// rows (or columns) p and q of B is the same rotation of the two contiguous rows p and q of Uᵀ (or Vᵀ), and A = U·B·Vᵀ
/// holds after every step. The counters record which steps of <see cref="BidiagonalQr"/> ran. (<see cref="BlockedGolubKahanSvd"/>
/// starts from U = V = I_c, so A is B itself and Uᵀ is c×c: B's own factors, multiplied by the reflections afterwards.)
/// </summary>
internal sealed class Bidiagonal
{
    /// <summary>Wraps the given parts (not copied); ‖B‖∞ is taken from <paramref name="d"/> and <paramref name="e"/> as they are now.</summary>
    public Bidiagonal(double[] d, double[] e, Matrix ut, Matrix vt)
    {
        D = d;
        E = e;
        Ut = ut;
        Vt = vt;
        double norm = 0.0;
        for (int k = 0; k < d.Length; k++)
        {
            norm = Math.Max(norm, Math.Abs(d[k]) + (k < e.Length ? Math.Abs(e[k]) : 0.0));
        }
        Norm = norm;
    }

    /// <summary>c, the order of B.</summary>
    public int Order => D.Length;

    /// <summary>dₖ = Bₖₖ, k = 0 … c − 1.</summary>
    public double[] D { get; }

    /// <summary>eₖ = Bₖ,ₖ₊₁, k = 0 … c − 2.</summary>
    public double[] E { get; }

    /// <summary>Uᵀ: c×r; row k is the left vector paired with row k of B.</summary>
    public Matrix Ut { get; }

    /// <summary>Vᵀ: c×c; row k is the right vector paired with column k of B.</summary>
    public Matrix Vt { get; }

    /// <summary>‖B‖∞ = maxₖ (|dₖ| + |eₖ|) of B as it was reduced from A; rotations keep ‖B‖₂, and ‖B‖₂ ≤ √c·‖B‖∞.</summary>
    public double Norm { get; }

    /// <summary>The width the rotations of <see cref="Ut"/> and <see cref="Vt"/> run in (<see cref="RotationSequence"/> in a sweep, <see cref="GivensRotation.Apply(SimdWidth, Span{double}, Span{double})"/> in a chase); every width gives the same bits.</summary>
    public SimdWidth Width { get; init; } = VectorWidth.Current;

    /// <summary>Implicit-shift QR sweeps run (<see cref="BidiagonalQr.QrSweep"/>).</summary>
    public int QrSweeps { get; set; }

    /// <summary>Zero diagonal entries chased out of their row (<see cref="BidiagonalQr.ChaseZeroDiagonalRow"/>).</summary>
    public int RowChases { get; set; }

    /// <summary>Zero trailing diagonal entries chased out of their column (<see cref="BidiagonalQr.ChaseZeroDiagonalColumn"/>).</summary>
    public int ColumnChases { get; set; }

    /// <summary>Negligible superdiagonal entries set to zero (<see cref="BidiagonalQr.IsNegligibleSuperdiagonal"/>).</summary>
    public int Deflations { get; set; }

    /// <summary>B as a dense c×c matrix.</summary>
    public Matrix ToMatrix()
    {
        var b = new Matrix(Order, Order);
        for (int k = 0; k < Order; k++)
        {
            b[k, k] = D[k];
            if (k < E.Length)
            {
                b[k, k + 1] = E[k];
            }
        }
        return b;
    }

    /// <summary>U·B·Vᵀ (r×c), for checking that a step kept A = U·B·Vᵀ.</summary>
    public Matrix Reconstruct() => Gemm.MultiplyTransposeA(Ut, ToMatrix() * Vt);
}
