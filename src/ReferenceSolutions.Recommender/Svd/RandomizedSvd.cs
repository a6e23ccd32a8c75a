using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Randomness;

namespace ReferenceSolutions.Recommender.Svd;

/// <summary>
/// Truncated randomized SVD (Halko, Martinsson &amp; Tropp 2011, Algorithms 4.4 and 5.1), from scratch: for an r×c A,
/// rank k and oversampling p, l = min(k + p, r, c): Ω ~ N(0, 1)^{c×l}; Q = orth(A·Ω); q power iterations
/// Q ← orth(A·orth(Aᵀ·Q)); B = Qᵀ·A (l×c); B = Ũ·Σ·Vᵀ exactly (<see cref="JacobiSvd"/>); U = Q·Ũ; keep the first k.
/// The bound the tests check: with p ≥ 4, ‖A − QQᵀA‖₂ ≤ (1 + 9·√(k+p)·√min(r, c))^{1/(2q+1)}·σ_{k+1} except with
/// probability 3·p⁻ᵖ (HMT §10.3, the Gaussian range finder's deviation bound; §10.4 for the power scheme), and
/// truncating to rank k adds at most σ_{k+1} (§9.4). Derivation: docs/recommender.md#randomized-svd.
/// </summary>
public sealed class RandomizedSvd(int rank, int oversampling, int powerIterations, Rng rng)
{
    /// <summary>k.</summary>
    public int RankK { get; } = rank;

    /// <summary>p.</summary>
    public int Oversampling { get; } = oversampling;

    /// <summary>q.</summary>
    public int PowerIterations { get; } = powerIterations;

    /// <summary>
    /// The rank-k factors U: r×k, S: k, V: c×k (same sign convention as the exact SVDs), computed on A scaled by an
    /// exact power of two (<see cref="PowerOfTwoScaling"/>) so that A·Ω neither overflows near 1e308 nor underflows.
    /// </summary>
    public SvdResult Decompose(Matrix a)
    {
        ArgumentNullException.ThrowIfNull(a);
        int p = Math.Min(a.Rows, a.Columns);
        if (RankK < 1 || RankK > p)
        {
            throw new ArgumentOutOfRangeException(nameof(a), $"rank {RankK} must be in 1..min(r, c) = {p}");
        }
        return PowerOfTwoScaling.Decompose(a, DecomposeScaled);
    }

    private SvdResult DecomposeScaled(Matrix a)
    {
        int p = Math.Min(a.Rows, a.Columns);
        int l = Math.Min(RankK + Oversampling, p);
        Matrix omega = rng.GaussianMatrix(a.Columns, l);
        Matrix q = Orthonormal(a * omega);
        for (int i = 0; i < PowerIterations; i++)
        {
            Matrix z = Orthonormal(Gemm.MultiplyTransposeA(a, q));
            q = Orthonormal(a * z);
        }
        Matrix b = Gemm.MultiplyTransposeA(q, a);
        SvdResult small = new JacobiSvd().Decompose(b);
        var full = new SvdResult(q * small.U, small.S, small.V);
        return full.Truncate(RankK);
    }

    /// <summary>
    /// The deviation bound factor for this k, p, q and min(r, c) = <paramref name="minDimension"/> (HMT §10.3 with §10.4's
    /// power-scheme reduction): with probability ≥ 1 − 3·p⁻ᵖ, ‖A − QQᵀA‖₂ ≤ factor·σ_{k+1}, factor = (1 + 9·√(k+p)·√min(r, c))^{1/(2q+1)}.
    /// </summary>
    public double DeviationBoundFactor(int minDimension) =>
        Math.Pow(1.0 + (9.0 * Math.Sqrt(RankK + Oversampling) * Math.Sqrt(minDimension)), 1.0 / ((2 * PowerIterations) + 1));

    private static Matrix Orthonormal(Matrix y) => HouseholderQr.Decompose(y).ThinQ();
}
