using ReferenceSolutions.Core.Reporting;

namespace ReferenceSolutions.NeuralNet;

/// <summary>
/// The tolerances of the neural-net checks that Core's <see cref="Tolerance.Float64Twin"/> does not cover, each with its
/// reason. The three trajectory tolerances are measured (no contraction bound exists for SGD, momentum or Adam on a
/// non-convex MLP: docs/neural-net.md#how-far-the-twins-drift-apart) by the surveys of
/// tests/ReferenceSolutions.Benchmarks/Surveys/NeuralNetSurveys.cs; the finite-difference tolerance is derived.
/// </summary>
public static class NeuralNetTolerances
{
    private const string Restarted =
        "the twins compute in float64 from the same inputs and the TorchSharp twin restarts every epoch from the from-scratch twin's state, so this is what one epoch of independent steps makes of ≈ 1e-16 of reordered sums per step; left alone, the difference grows exponentially instead (to 0.1–0.7 in some runs)";

    /// <summary>|Lₜ(from scratch) − Lₜ(torch)| of every step of a run: 10 × the largest over 20 seeds × 9 runs.</summary>
    public static Tolerance TrajectoryLoss { get; } = Tolerance.FromSurvey(nameof(TrajectoryLoss), 4.93e-14, 10, 20, "neuralnet-trajectory-loss", Restarted);

    /// <summary>|θ(from scratch) − θ(torch)| at the end of every epoch of a run: 10 × the largest over 20 seeds × 9 runs.</summary>
    public static Tolerance TrajectoryParameters { get; } = Tolerance.FromSurvey(nameof(TrajectoryParameters), 8.95e-14, 10, 20, "neuralnet-trajectory-parameters", Restarted);

    /// <summary>The test probabilities and log-loss each twin reports at its own reported weights: 10 × the largest over 20 seeds × 9 runs.</summary>
    public static Tolerance TestOutputs { get; } = Tolerance.FromSurvey(nameof(TestOutputs), 5.11e-15, 10, 20, "neuralnet-test-outputs",
        "each twin is evaluated at its own reported weights, at most one epoch of independent steps apart (see TrajectoryParameters); probabilities lie in [0, 1] and the log-loss is O(0.1)");

    /// <summary>The floor of the finite-difference scale: each difference is divided by max(‖g‖∞ of its tensor, this).</summary>
    public const double FiniteDifferenceFloor = 1e-3;

    /// <summary>
    /// |D − g| / max(‖g‖∞, 1e-3) for the central difference D at h = 1e-5: truncation h²·|∂³L|/6 ≲ 1e-10·0.1·3³/6 ≈ 5e-11
    /// plus rounding ≈ √k·ε·3/h ≈ 7e-10 (k ≲ 500 operations per loss), ≲ 8e-7 over the floor. Derivation:
    /// docs/neural-net.md#finite-differences.
    /// </summary>
    public static Tolerance FiniteDifference { get; } = new(nameof(FiniteDifference), 1e-6,
        "central difference at h = 1e-5: truncation h²·|∂³L/∂θ³|/6 ≤ 1e-10·0.1·3³/6 ≈ 5e-11 (log-sum-exp's third derivative along a logit ≤ 1/(6√3), activations and standardised inputs ≲ 3) plus the rounding of two losses of k ≲ 500 operations on terms ≲ 3, ≈ √k·ε·3/h ≈ 7e-10; ≲ 8e-7 of the scale max(‖g‖∞, 1e-3); a wrong derivative is off by O(1) on that scale. Measured ≤ 5.2e-8 (survey 'neuralnet-finite-differences', 20 seeds)");

    /// <summary>
    /// |D − g| / max(‖g‖∞ of the row, 1e-3) for the central difference D of p_c along a raw input at h = 1e-4 (the scaled
    /// input moves h/σ ≤ 1e-4 for σ ≥ 1): truncation h²·|∂³p_c/∂xⱼ³|/6 ≤ 1e-8/6 ≈ 2e-9 (softmax's third derivatives along
    /// a logit are ≤ 1 and ∂z/∂xⱼ ≲ 1 for the tests' networks) plus the rounding of two probabilities of k ≲ 500 operations,
    /// ≈ √k·ε/h ≈ 2.5e-11 (worst case k·ε/h ≈ 5.5e-10); ≲ 2.5e-6 of the floor in the worst case, ≲ 2e-6 typically.
    /// </summary>
    public static Tolerance SaliencyFiniteDifference { get; } = new(nameof(SaliencyFiniteDifference), 5e-6,
        "central difference of p_c along a raw input at h = 1e-4: truncation h²·|∂³p_c/∂x³|/6 ≤ 1e-8/6 ≈ 1.7e-9 (softmax's third derivatives ≤ 1, ∂z/∂x ≲ 1 for tanh networks of Xavier weights on inputs scaled by σ ≥ 1) plus the rounding of two probabilities of k ≲ 500 operations on terms ≲ 1, ≤ k·ε/h ≈ 5.5e-10; together ≤ 2.3e-9, ≤ 2.3e-6 of the scale max(‖g‖∞ of the row, 1e-3); a wrong derivative (the scaling's 1/σ left out, a sign, a missing −p_c·p_k) is off by O(1) on that scale");
}
