using ReferenceSolutions.Core.LinearAlgebra;

namespace ReferenceSolutions.Recommender.Svd;

/// <summary>
/// Singular values of a product P·Qᵀ (P: m×k, Q: n×k) without forming it: with thin QRs P = Q_P·R_P and
/// Q = Q_Q·R_Q, P·Qᵀ = Q_P·(R_P·R_Qᵀ)·Q_Qᵀ, and the outer factors have orthonormal columns, so
/// σ(P·Qᵀ) = σ(R_P·R_Qᵀ), a k×k problem. P and Q are first scaled by exact powers of two, P = 2ᵃ·P̂ and Q = 2ᵇ·Q̂ with
/// their largest entries in [1, 2), so nothing in the QRs or the product under- or overflows: σ(P·Qᵀ) = 2ᵃ⁺ᵇ·σ(P̂·Q̂ᵀ).
/// </summary>
public static class LowRankSpectrum
{
    /// <summary>σ(P·Qᵀ), descending; P and Q must be finite.</summary>
    public static double[] Of(Matrix p, Matrix q, ISvd svd)
    {
        ArgumentNullException.ThrowIfNull(svd);
        (Matrix pScaled, int a) = PowerOfTwoScaling.Scale(p);
        (Matrix qScaled, int b) = PowerOfTwoScaling.Scale(q);
        Matrix rp = HouseholderQr.Decompose(pScaled).ThinR();
        Matrix rq = HouseholderQr.Decompose(qScaled).ThinR();
        double[] s = svd.Decompose(Gemm.MultiplyTransposeB(rp, rq)).S;
        for (int j = 0; j < s.Length; j++)
        {
            s[j] = Math.ScaleB(s[j], a + b);
        }
        return s;
    }

    /// <summary>
    /// The rank read off a spectrum at its largest gap: argmax over j of σⱼ/σⱼ₊₁ (j = 1..len−1, σⱼ₊₁ &gt; 0), or the count of
    /// nonzero values when a zero follows.
    /// </summary>
    public static int RankAtLargestGap(IReadOnlyList<double> singularValues)
    {
        ArgumentNullException.ThrowIfNull(singularValues);
        int best = singularValues.Count;
        double bestRatio = 1.0;
        for (int j = 0; j + 1 < singularValues.Count; j++)
        {
            if (singularValues[j + 1] <= 0.0)
            {
                return singularValues[j] > 0.0 ? j + 1 : j;
            }
            double ratio = singularValues[j] / singularValues[j + 1];
            if (ratio > bestRatio)
            {
                bestRatio = ratio;
                best = j + 1;
            }
        }
        return best;
    }
}
