using MathNet.Numerics.LinearAlgebra.Factorization;
using ReferenceSolutions.Core.LinearAlgebra;
using MathNetMatrix = MathNet.Numerics.LinearAlgebra.Matrix<double>;

namespace ReferenceSolutions.Recommender.Svd;

/// <summary>
/// MathNet's SVD (managed Golub–Kahan, LAPACK-style) as the independent oracle for tests and <c>refsol verify svd</c>:
/// thin (U: r×p, V: c×p, p = min(r, c)) and in the shared <see cref="SignConvention"/>. MathNet's <c>Svd</c> always
/// builds the full r×r U and c×c Vᵀ, which for a 1 × 200,000 row is 320 GB; so it is given only the square factor:
/// for r &gt; c, MathNet's thin QR A = Q·R (Q: r×c, R: c×c) and then the SVD of R, R = U_R·Σ·Vᵀ, so A = (Q·U_R)·Σ·Vᵀ;
/// for r &lt; c the same on Aᵀ. Memory stays r·c + 3c² doubles. Like the from-scratch SVDs it works on A scaled by an exact
/// power of two (<see cref="PowerOfTwoScaling"/>): its own SVD returns σ = −0 for entries near 1e-200. It does no work a
/// from-scratch class claims; it only checks them.
/// </summary>
public sealed class MathNetSvd : ISvd
{
    /// <inheritdoc/>
    public string Name => "mathnet";

    /// <inheritdoc/>
    public SvdResult Decompose(Matrix a) => PowerOfTwoScaling.Decompose(a, scaled =>
    {
        // A = (Aᵀ)ᵀ: if Aᵀ = U'·Σ·V'ᵀ then A = V'·Σ·U'ᵀ.
        (Matrix u, double[] s, Matrix v) = scaled.Rows >= scaled.Columns ? Tall(scaled) : Swap(Tall(scaled.Transpose()));
        SignConvention.Apply(u, v);
        return new SvdResult(u, s, v);
    });

    /// <summary>The thin SVD of a tall r×c matrix (r ≥ c) through the square c×c factor: U: r×c, S: c, V: c×c.</summary>
    private static (Matrix U, double[] S, Matrix V) Tall(Matrix a)
    {
        int c = a.Columns;
        var m = MathNetMatrix.Build.DenseOfRowMajor(a.Rows, c, a.Data);
        QR<double>? qr = a.Rows > c ? m.QR(QRMethod.Thin) : null; // Q: (r, c), R: (c, c)
        Svd<double> svd = (qr?.R ?? m).Svd(computeVectors: true); // U, Vᵀ: (c, c)
        MathNetMatrix u = qr is null ? svd.U : qr.Q * svd.U; // (r, c)·(c, c) → (r, c)
        var um = new Matrix(a.Rows, c, u.ToRowMajorArray());
        var v = new Matrix(c, c, svd.VT.Transpose().ToRowMajorArray());
        return (um, svd.S.ToArray(), v);
    }

    private static (Matrix U, double[] S, Matrix V) Swap((Matrix U, double[] S, Matrix V) svd) => (svd.V, svd.S, svd.U);
}
