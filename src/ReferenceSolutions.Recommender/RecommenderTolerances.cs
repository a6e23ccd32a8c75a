using ReferenceSolutions.Core.Reporting;

namespace ReferenceSolutions.Recommender;

/// <summary>
/// The named tolerances of the recommender's parity and consistency checks. Each is derived (an arithmetic bound,
/// stated in its reason) or set from a survey (<c>ReferenceSolutions.Benchmarks survey NAME</c>, the largest value
/// over 20 seeds × a stated factor; the surveys are in tests/ReferenceSolutions.Benchmarks/Surveys/RecommenderSurveys.cs).
/// </summary>
public static class RecommenderTolerances
{
    /// <summary>IEEE float32 unit roundoff, 2⁻²⁴ (ML.NET's PCA computes in float32).</summary>
    public const double Float32UnitRoundoff = 5.9604644775390625e-8;

    /// <summary>Singular values of two backward-stable float64 SVDs, relative to σ₁.</summary>
    public static Tolerance SingularValues { get; } = new(nameof(SingularValues), 1e-10,
        "derived: both SVDs are backward stable in float64, so each computes the exact σ of A + E with ‖E‖₂ ≤ c·p·ε·‖A‖₂, and Weyl's inequality moves every σ by at most ‖E‖₂: with p ≤ 1000 and c ≤ 10 that is ≤ 2.2e-12·σ₁ per SVD; 1e-10 leaves a factor 20 for c, and a wrong rotation or shift moves σ by O(σ)");

    /// <summary>‖A − UΣVᵀ‖_max and ‖UᵀU − I‖_max, ‖VᵀV − I‖_max relative to ‖A‖₂ = σ₁.</summary>
    public static Tolerance Reconstruction { get; } = new(nameof(Reconstruction), 1e-12,
        "derived: every rotation or reflection is orthogonal to within a few ε and moves entries by O(ε)·‖A‖₂; s sweeps of p rotations per column accumulate O(√(s·p)·ε), ≈ 1e-14..1e-13 for p ≤ 200 and s ≤ 20 (measured 4e-14 on 200×120); a wrong update moves them by O(1)");

    /// <summary>The blocked Golub–Kahan SVD against the readable one and its definition, in units of max(r, c)·ε (σ and A relative to σ₁).</summary>
    public static Tolerance BlockedSvdBackwardError { get; } = new(nameof(BlockedSvdBackwardError), 10,
        "derived: Householder reflections, Givens rotations and their WY accumulation are each orthogonal to O(ε) and the backward error of the whole SVD is ‖E‖ ≤ c·max(r, c)·ε·‖A‖₂ with c a modest constant (Higham, Accuracy and Stability of Numerical Algorithms, §19.3), so σ (Weyl), A − UΣVᵀ and UᵀU − I, VᵀV − I are all within c·max(r, c)·ε; c = 10, where 300 shapes up to 200×200 (Gaussian, rank-deficient, scaled by 1e-200) measured at most 1.0; a wrong reflection or rotation moves them by O(1/(max(r, c)·ε)) ≥ 10¹²");

    /// <summary>Left and right singular vectors of two float64 SVDs with distinct σ, in the shared sign convention.</summary>
    public static Tolerance SingularVectors { get; } = new(nameof(SingularVectors), 1e-12,
        "derived: by Wedin's sin θ theorem a backward error ‖E‖₂ ≤ c·p·ε·σ₁ turns each singular vector by at most ‖E‖₂/gap; for the test matrix (σ = 10, 8, 6, 4, 2, 1, then 0; p = 25, gap ≥ 1) that is ≤ c·25·2.2e-16·10 ≈ 5.5e-14·c per SVD, so two SVDs with c ≤ 9 stay below 1e-12");

    /// <summary>PCA axes of the float64 twins (distinct, well-separated variances).</summary>
    public static Tolerance PcaAxes { get; } = new(nameof(PcaAxes), 1e-9,
        "derived: the axes are right singular vectors of X_c; each SVD's backward error c·p·ε·σ₁ turns them by at most that over the gap (Wedin); on the planted data the gap is ≥ 0.1·σ₁, so ≤ c·p·ε·10 ≈ 1e-13 for p ≤ 40; 1e-9 also covers a user's data in verify pca with gaps down to 1e-4·σ₁");

    /// <summary>Explained variances σᵢ²/(N − 1) of two float64 computations, relative to λ₁.</summary>
    public static Tolerance ExplainedVariance { get; } = new(nameof(ExplainedVariance), 1e-12,
        "derived: λ = σ²/(N − 1) and Weyl's bound on each σ give |Δλ|/λ₁ ≤ 2|Δσ|/σ₁ ≤ 2·2·c·p·ε ≈ 1e-13 for p ≤ 100, c ≤ 1; forming X_cᵀX_c/(N − 1) in float64 for an eigen-solver adds ≤ N·ε·λ₁-ish rounding, 4e-14 for N = 200; 1e-12 leaves a factor ≥ 10");

    /// <summary>MF factors of the from-scratch SGD and its TorchSharp twin, after every epoch.</summary>
    public static Tolerance SgdFactorsPerEpoch { get; } = Tolerance.FromSurvey(nameof(SgdFactorsPerEpoch), 5.551115123125783e-16, 10, 20, "mf-sgd-twin-per-epoch",
        "same initial factors, rating order, η and λ, float64; each step rounds differently (FactorDot's fused multiply-adds vs torch's dot, the update's operation order), and SGD on the non-convex MF objective does not contract those differences: over 50 epochs of the twins' sample (17× the run's 3) the largest grew from 5.6e-17 after epoch 1 to 1.1e-16 at 3, 3.3e-16 at 20 and 5.6e-16 at 50 (docs/recommender.md#twin-tolerances-measured-not-argued)");

    /// <summary>MF factors of the from-scratch ALS (Cholesky) and its TorchSharp twin (LU), after every epoch.</summary>
    public static Tolerance AlsFactorsPerEpoch { get; } = Tolerance.FromSurvey(nameof(AlsFactorsPerEpoch), 1.5365486660812167e-13, 10, 20, "als-twin-per-epoch",
        "the same weighted-ridge solutions in float64, from scratch by Cholesky (on the nₐ×nₐ push-through system for a row with fewer than k + 1 ratings, as every row of the twins' sample has) and by LU on the (k+1)×(k+1) normal equations in torch: the differences follow each system's conditioning, largest for the grid's smallest λ (0.02: 1.5e-13 at epoch 2), and do not grow over 20 epochs (ALS settles to its fixed point; the largest at epoch 20 was 4.9e-14)");

    /// <summary>ML.NET's PCA: the largest principal angle to the exact K-subspace, in units of √N·u₃₂·λ₁/(λ_K − λ_{K+1}).</summary>
    public static Tolerance MLNetSubspace { get; } = Tolerance.FromSurvey(nameof(MLNetSubspace), 0.4694, 10, 20, "pca-subspace-mlnet",
        "ML.NET accumulates C·Ω and C·Q over the N rows in float32 (relative error ≈ √N·u₃₂ in C, u₃₂ = 2⁻²⁴), and by Davis–Kahan a perturbation E of C turns the K-subspace by sin θ ≤ ‖E‖₂/(λ_K − λ_{K+1}); the angle is measured in units of √N·u₃₂·λ₁/(λ_K − λ_{K+1}), so the tolerance follows the data's eigen-gap, and the constant is measured on the run's and the tests' planted data (N = 100 and 500, d = 6 and 40), handed to ML.NET centred and scaled to a largest entry in [2¹⁰, 2¹¹); it models rounding only, and on wide data (d ≫ N) ML.NET's range finder without power iterations misses by far more");

    /// <summary>ML.NET's PCA: explained variances, in units of √N·u₃₂·λ₁.</summary>
    public static Tolerance MLNetVariance { get; } = Tolerance.FromSurvey(nameof(MLNetVariance), 0.808, 10, 20, "pca-variance-mlnet",
        "ML.NET projects in float32 and its covariance sketch carries a relative error ≈ √N·u₃₂; by Weyl each eigenvalue moves by at most ‖E‖₂, so the difference is measured in units of √N·u₃₂·λ₁ and the constant on the run's and the tests' planted data");

    /// <summary>The vectorized factor inner product against the plain loop, relative to Σ_f |p_f·q_f|.</summary>
    public static Tolerance FactorDot { get; } = new(nameof(FactorDot), 1e-12,
        "derived: both sum the same k products in another order (the fast one fusing multiply and add), each rounding at most k times, so |fast − plain| ≤ 2k·u·Σ|p_f·q_f| with u = 2⁻⁵³: ≤ 4.4e-14·Σ|p_f·q_f| for k ≤ 200");

    /// <summary>Two computations that perform the same IEEE operations in the same order.</summary>
    public static Tolerance BitForBit { get; } = new(nameof(BitForBit), 0.0,
        "derived: the same IEEE-754 operations on the same operands in the same order give the same bits; any difference is a different formula or order");

    /// <summary>An SGD step against −η times the central-difference gradient of ℓᵤᵢ, relative to max(|g|, 1).</summary>
    public static Tolerance CentralDifference { get; } = new(nameof(CentralDifference), 1e-7,
        "derived: with h = 1e-6 the central difference has truncation error h²·|ℓ'''|/6 ≲ 1e-12 and rounding error ≤ ε·|ℓ|/h ≲ 2.2e-16·10/1e-6 ≈ 2.2e-9 for |ℓ| ≤ 10; relative to max(|g|, 1) both stay below 1e-8, so 1e-7 leaves a factor 10; a wrong sign or factor moves the step by O(|g|)");

    /// <summary>A quantity computed two ways that both round only a few times, relative to its scale.</summary>
    public static Tolerance ClosedForm { get; } = new(nameof(ClosedForm), 1e-12,
        "derived: each side rounds O(10) times at relative error ε = 2.2e-16, so the two agree to ≈ 1e-15 relative; 1e-12 leaves a factor ≥ 100 while a wrong formula moves the result by O(1)");

    /// <summary>Randomized SVD: (‖A − Ãₖ‖₂ − σₖ₊₁) in units of f·σₖ₊₁, f = (1 + 9·√(k+p)·√min(r, c))^{1/(2q+1)}.</summary>
    public static Tolerance RandomizedSvdBound { get; } = new(nameof(RandomizedSvdBound), 1.0,
        "derived: Halko, Martinsson & Tropp (2011), §10.3 (Gaussian test matrix; power scheme §10.4): with p ≥ 4, ‖A − QQᵀA‖₂ ≤ (1 + 9·√(k+p)·√min(r, c))^{1/(2q+1)}·σₖ₊₁ except with probability ≤ 3·p⁻ᵖ (3e-10 at p = 10), and truncating QᵀA to rank k adds at most σₖ₊₁ (§9.4), so ‖A − Ãₖ‖₂ − σₖ₊₁ ≤ f·σₖ₊₁, f = (1 + 9·√(k+p)·√min(r, c))^{1/(2q+1)}: the bound is 1 in units of f·σₖ₊₁");

    /// <summary>A saved MF-SGD twin pair's predictions, in units of the per-row bound that the per-epoch factor tolerance implies.</summary>
    public static Tolerance SgdTwinScores { get; } = new(nameof(SgdTwinScores), 1.0,
        "derived from SgdFactorsPerEpoch (δ = 5.6e-15): if μ, bᵤ, bᵢ, P, Q differ by at most δ, then |r̂ − r̂'| ≤ δ·(3 + ‖pᵤ‖₁ + ‖q'ᵢ‖₁) exactly, each side's float64 sum of k + 3 terms adds γ_{k+3}·S, and clipping to one range is 1-Lipschitz (Models/TwinScores.cs); each row is measured in units of that bound, so 1 holds whenever the factor check held");

    /// <summary>A saved ALS twin pair's predictions, in units of the per-row bound that the per-epoch factor tolerance implies.</summary>
    public static Tolerance AlsTwinScores { get; } = new(nameof(AlsTwinScores), 1.0,
        "derived from AlsFactorsPerEpoch (δ = 1.5e-12): the same bound as SgdTwinScores, δ·(3 + ‖pᵤ‖₁ + ‖q'ᵢ‖₁) + γ_{k+3}·(S + S') per row (Models/TwinScores.cs); 1 holds whenever the factor check held");

    /// <summary>A float32 probability in [0, 1] computed twice by one model, absolutely.</summary>
    public static Tolerance Float32Probability { get; } = new(nameof(Float32Probability), Float32UnitRoundoff,
        "derived: the zip holds the trained float32 weights bit for bit, so the loaded FFM computes the same float32 operations; were a kernel to sum in another order, a probability in [0, 1] could move by about one float32 unit roundoff, 2⁻²⁴ ≈ 6e-8 (measured: 0)");
}
