using ReferenceSolutions.Core.Reporting;

namespace ReferenceSolutions.Recommender;

/// <summary>The named tolerances of the recommender's parity checks, each with the arithmetic behind it.</summary>
public static class RecommenderTolerances
{
    /// <summary>Singular values of two backward-stable float64 SVDs, relative to σ₁.</summary>
    public static Tolerance SingularValues { get; } = new(nameof(SingularValues), 1e-10,
        "both SVDs are backward stable in float64: each σ is within O(p·ε)·σ₁ of the exact one (Weyl), p ≤ 1000 gives ≤ 2e-13·σ₁");

    /// <summary>‖A − UΣVᵀ‖ and ‖UᵀU − I‖ relative to ‖A‖₂.</summary>
    public static Tolerance Reconstruction { get; } = new(nameof(Reconstruction), 1e-12,
        "each rotation or reflection moves entries by O(ε)·‖A‖; a few sweeps of p rotations per column give O(√p·sweeps·ε) ≈ 1e-14..1e-13 for p ≤ 200");

    /// <summary>PCA axes of the float64 twins (distinct, well-separated variances).</summary>
    public static Tolerance PcaAxes { get; } = new(nameof(PcaAxes), 1e-9,
        "axes are singular vectors; their perturbation is O(ε·σ₁/gap) with gap the distance to the next σ, here ≥ 0.1·σ₁, so ≈ 1e-14, with margin for the gap");

    /// <summary>ML.NET's PCA: the largest principal angle (radians) between its K-subspace and the exact one.</summary>
    public static Tolerance MLNetSubspace { get; } = new(nameof(MLNetSubspace), 1e-3,
        "ML.NET computes in float32 (ε ≈ 1.2e-7) a one-pass randomized range finder on C = X_cᵀX_c/N with 20 oversampling vectors; with the rows centred in float64 first (its raw-moment sums cancel catastrophically on a large mean), rounding over the eigen-gap gives ≈ ε₃₂·λ₁/(λ_K − λ_{K+1}) ≈ 1e-6..1e-4");

    /// <summary>MF factors of the from-scratch trainers and their TorchSharp twins, after every epoch.</summary>
    public static Tolerance FactorsPerEpoch { get; } = new(nameof(FactorsPerEpoch), 1e-9,
        "same initial factors, same rating order, float64: each step differs only by rounding order (≈ 1e-16 relative); a few thousand contracting steps stay ≤ 1e-12");
}
