using ReferenceSolutions.Core.Reporting;

namespace ReferenceSolutions.FraudDetection;

/// <summary>The named tolerances of this solution's parity checks, each tied to its arithmetic.</summary>
public static class FraudTolerances
{
    /// <summary>Two float64 Newton solvers at one optimum.</summary>
    public static Tolerance NewtonFloat64 { get; } = new(nameof(NewtonFloat64), 1e-8,
        "both twins run Newton in float64 to ‖Δθ‖∞ ≤ 1e-13·(1 + ‖θ‖∞); the optimum is fixed by the data, so only κ(H)·ε rounding separates them (measured ≈ 1e-15)");

    /// <summary>ML.NET's float32 L-BFGS against a float64 optimum, relative to ‖θ‖∞.</summary>
    public static Tolerance Float32LbfgsRelative { get; } = new(nameof(Float32LbfgsRelative), 1e-3,
        "ML.NET stores features and θ in float32 (ε ≈ 1.2e-7) and stops when the mean relative objective improvement over 5 steps falls below 1e-10, which float32 sums (relative noise ≈ 1e-7) cannot resolve; f is flat near θ*, so a relative objective error δ leaves θ off by ≈ √δ·‖θ‖, 1e-5–2e-4 measured");

    /// <summary>The objective at ML.NET's θ against the optimum, relative.</summary>
    public static Tolerance Float32Objective { get; } = new(nameof(Float32Objective), 1e-6,
        "f(θ_mlnet) ≥ f(θ*); ML.NET sums the objective in float32, which resolves f only to ≈ 1e-7 relative, so it cannot descend further than a few 1e-7 (measured 1e-9–1e-8)");

    /// <summary>Metrics computed by us and by ML.NET's evaluator on the same float32 scores.</summary>
    public static Tolerance SameScoresMetrics { get; } = new(nameof(SameScoresMetrics), 1e-6,
        "both sides see the same float32-rounded scores (clipped to [1e-7, 1 − 1e-7] so that float32 never rounds p to 0 or 1), so ranks and counts are identical; only sums of n ≤ 1e5 float64 terms (n·ε ≈ 2e-11) and ML.NET's log₂ → ln conversion differ");

    /// <summary>Spearman 1 − ρ between PCA anomaly scores of the same subspace.</summary>
    public static Tolerance SubspaceRankAgreement { get; } = new(nameof(SubspaceRankAgreement), 0.01,
        "randomised PCA with oversampling recovers the top-k subspace up to float32 rounding and the eigen-gap at k; scores near each other may swap ranks, so 1 − ρ ≤ 0.01, not 0");
}
