using ReferenceSolutions.Core.LinearAlgebra;

namespace ReferenceSolutions.Recommender.Svd;

/// <summary>The defining properties of an SVD, measured: reconstruction A = UΣVᵀ and orthonormal columns of U and V.</summary>
public static class SvdChecks
{
    /// <summary>‖A − UΣVᵀ‖_max.</summary>
    public static double ReconstructionError(Matrix a, SvdResult svd)
    {
        ArgumentNullException.ThrowIfNull(svd);
        return Norms.MaxAbsDiff(a, svd.Reconstruct());
    }

    /// <summary>‖XᵀX − I‖_max for the columns of <paramref name="x"/>.</summary>
    public static double OrthonormalityError(Matrix x) => Norms.MaxAbsDiff(Gemm.MultiplyTransposeA(x, x), Matrix.Identity(x.Columns));

    /// <summary>
    /// max(‖A − UΣVᵀ‖_max / ‖A‖₂, ‖UᵀU − I‖_max, ‖VᵀV − I‖_max), with ‖A‖₂ = σ₁ (0 for a zero matrix, where the
    /// reconstruction error itself is used).
    /// </summary>
    public static double WorstRelativeError(Matrix a, SvdResult svd)
    {
        ArgumentNullException.ThrowIfNull(svd);
        double scale = svd.S.Length > 0 && svd.S[0] > 0.0 ? svd.S[0] : 1.0;
        return Math.Max(ReconstructionError(a, svd) / scale, Math.Max(OrthonormalityError(svd.U), OrthonormalityError(svd.V)));
    }
}
