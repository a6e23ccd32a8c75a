using ReferenceSolutions.Core.LinearAlgebra;

namespace ReferenceSolutions.Recommender.Svd;

/// <summary>
/// The exact pre-scaling every SVD here uses: A = 2ᵉ·Â with max|âᵢⱼ| ∈ [1, 2), so squares of tiny or huge entries
/// neither underflow nor overflow; σ(A) = 2ᵉ·σ(Â) with no rounding, since multiplying by a power of two is exact
/// (each entry is scaled by <see cref="Math.ScaleB"/> itself, so even a subnormal maximum, whose 2⁻ᵉ is not a double,
/// scales exactly).
/// </summary>
internal static class PowerOfTwoScaling
{
    /// <summary>IEEE double ε = 2⁻⁵².</summary>
    public const double MachineEpsilon = 2.220446049250313e-16;

    /// <summary>Decomposes 2⁻ᵉ·A with <paramref name="decompose"/> and scales σ back by 2ᵉ; NaN or ±∞ in A is refused.</summary>
    public static SvdResult Decompose(Matrix a, Func<Matrix, SvdResult> decompose)
    {
        ArgumentNullException.ThrowIfNull(decompose);
        (Matrix scaled, int exponent) = Scale(a);
        SvdResult result = decompose(scaled);
        for (int j = 0; j < result.S.Length; j++)
        {
            result.S[j] = Math.ScaleB(result.S[j], exponent);
        }
        return result;
    }

    /// <summary>(Â, e) with A = 2ᵉ·Â and max|âᵢⱼ| ∈ [1, 2) (e = 0 for A = 0); NaN or ±∞ in A is refused.</summary>
    public static (Matrix Scaled, int Exponent) Scale(Matrix a)
    {
        ArgumentNullException.ThrowIfNull(a);
        foreach (double x in a.Data)
        {
            if (!double.IsFinite(x))
            {
                throw new ArgumentException("the matrix has a NaN or infinite entry", nameof(a));
            }
        }
        double maxAbs = Norms.MaxAbs(a.Data);
        int exponent = maxAbs > 0.0 ? Math.ILogB(maxAbs) : 0;
        var scaled = new Matrix(a.Rows, a.Columns);
        for (int i = 0; i < a.Data.Length; i++)
        {
            scaled.Data[i] = Math.ScaleB(a.Data[i], -exponent);
        }
        return (scaled, exponent);
    }
}
