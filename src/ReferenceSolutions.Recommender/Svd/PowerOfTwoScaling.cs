using ReferenceSolutions.Core.LinearAlgebra;

namespace ReferenceSolutions.Recommender.Svd;

/// <summary>
/// The exact pre-scaling both exact SVDs use: A = 2ᵉ·Â with max|âᵢⱼ| ∈ [1, 2), so squares of tiny or huge entries
/// neither underflow nor overflow; σ(A) = 2ᵉ·σ(Â) with no rounding, since multiplying by a power of two is exact.
/// </summary>
internal static class PowerOfTwoScaling
{
    /// <summary>IEEE double ε = 2⁻⁵².</summary>
    public const double MachineEpsilon = 2.220446049250313e-16;

    /// <summary>Decomposes 2⁻ᵉ·A with <paramref name="decompose"/> and scales σ back by 2ᵉ; NaN or ±∞ in A is refused.</summary>
    public static SvdResult Decompose(Matrix a, Func<Matrix, SvdResult> decompose)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(decompose);
        foreach (double x in a.Data)
        {
            if (!double.IsFinite(x))
            {
                throw new ArgumentException("the matrix has a NaN or infinite entry", nameof(a));
            }
        }
        double maxAbs = Norms.MaxAbs(a.Data);
        int exponent = maxAbs > 0.0 ? Math.ILogB(maxAbs) : 0;
        SvdResult result = decompose(Math.ScaleB(1.0, -exponent) * a);
        for (int j = 0; j < result.S.Length; j++)
        {
            result.S[j] = Math.ScaleB(result.S[j], exponent);
        }
        return result;
    }
}
