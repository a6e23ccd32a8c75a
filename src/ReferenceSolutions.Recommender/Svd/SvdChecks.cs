using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Reporting;

namespace ReferenceSolutions.Recommender.Svd;

/// <summary>
/// The comparisons every SVD check is made of: σ of one SVD against another's, relative to σ₁, and an SVD against
/// its definition — A = UΣVᵀ relative to σ₁, UᵀU = I and VᵀV = I. σ₁ is the left side's (1 for A = 0, where every
/// σ is exactly 0 and the check is absolute).
/// </summary>
public static class SvdChecks
{
    /// <summary>The side name of the definition in <see cref="Definition"/>.</summary>
    public const string DefinitionSide = "definition";

    /// <summary>|σⱼ − σⱼ'| / σ₁ for every j: <paramref name="left"/>'s σ against <paramref name="right"/>'s.</summary>
    public static Comparison SingularValues(string leftName, SvdResult left, string rightName, SvdResult right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new Comparison(leftName, rightName).Add("σ", left.S, right.S, Scale(left));
    }

    /// <summary>
    /// <paramref name="svd"/> (the side <paramref name="name"/>) against its definition: UΣVᵀ against A relative to
    /// σ₁, UᵀU against I and VᵀV against I.
    /// </summary>
    public static Comparison Definition(string name, Matrix a, SvdResult svd)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(svd);
        (Matrix reconstructed, Matrix scaledA, int exponent) = Scaled(a, svd);
        return new Comparison(name, DefinitionSide)
            .Add("UΣVᵀ vs A", reconstructed, scaledA, Math.ScaleB(Scale(svd), -exponent))
            .Add("UᵀU vs I", Gemm.MultiplyTransposeA(svd.U, svd.U), Matrix.Identity(svd.U.Columns))
            .Add("VᵀV vs I", Gemm.MultiplyTransposeA(svd.V, svd.V), Matrix.Identity(svd.V.Columns));
    }

    /// <summary>‖A − UΣVᵀ‖_max (NaN when a factor holds a NaN), computed on both sides scaled by 2⁻ᵉ (see <see cref="Scaled"/>) and scaled back.</summary>
    public static double ReconstructionError(Matrix a, SvdResult svd)
    {
        ArgumentNullException.ThrowIfNull(svd);
        (Matrix reconstructed, Matrix scaledA, int exponent) = Scaled(a, svd);
        return Math.ScaleB(Norms.MaxAbs((scaledA - reconstructed).Data), exponent);
    }

    /// <summary>
    /// (U·(2⁻ᵉΣ)·Vᵀ, 2⁻ᵉA, e) with 2ᵉ the power of two of max|aᵢⱼ|: both sides scaled exactly, so a matrix with entries
    /// near 1e308 is compared without its reconstruction's sums overflowing; for any other matrix the differences,
    /// relative to 2⁻ᵉσ₁, are bit for bit those of the unscaled sides relative to σ₁.
    /// </summary>
    private static (Matrix Reconstructed, Matrix ScaledA, int Exponent) Scaled(Matrix a, SvdResult svd)
    {
        (Matrix scaledA, int exponent) = PowerOfTwoScaling.Scale(a);
        double[] s = [.. svd.S.Select(x => Math.ScaleB(x, -exponent))];
        return (new SvdResult(svd.U, s, svd.V).Reconstruct(), scaledA, exponent);
    }

    /// <summary>σ₁ when it is a positive number, else 1 (A = 0, or a non-finite σ₁ that the comparison reports itself).</summary>
    private static double Scale(SvdResult svd) => svd.S.Length > 0 && svd.S[0] > 0.0 && double.IsFinite(svd.S[0]) ? svd.S[0] : 1.0;
}
