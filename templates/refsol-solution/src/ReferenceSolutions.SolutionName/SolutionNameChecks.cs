using ReferenceSolutions.Core.Reporting;

namespace ReferenceSolutions.SolutionName;

/// <summary>
/// The registry of this solution's parity and consistency checks (runs, score and tests); every run-time
/// <see cref="ParityCheck"/> of the solution is made from one of these, every test of one asserts through
/// <c>ParityAssert</c>, and docs/parity.md is generated from them (<c>bash build/parity-md.sh</c>).
/// </summary>
public static class SolutionNameChecks
{
    private const string RunSolution = "run solutionname";
    private const string ScoreSolution = "score solutionname";

#if (TwinTorch)
    private static Tolerance BackwardStableSolves { get; } = new("BackwardStableSolves", 1e-10,
        "Cholesky and LU with partial pivoting are both backward stable, so the two θ differ by ≤ c·(d + 1)·κ(A)·ε·‖θ‖; the generator's independent N(0, 1) features give κ(X̃ᵀX̃ + λI) ≈ ((1 + √(p/n))/(1 − √(p/n)))² ≈ 1.4 (p = 6, n = 800), so ≈ 1e-14 is expected and 1e-10 leaves room, while a wrong λ (or a λ missing on the diagonal) moves θ by ≈ λ/(n + λ) ≈ 0.1");

    /// <summary>θ of the TorchSharp twin against the from-scratch θ.</summary>
    public static CheckDefinition Twin { get; } = Library("ridge-torch", "ridge θ: torch vs from-scratch",
        "θ = (X̃ᵀX̃ + λI)⁻¹X̃ᵀy, Core's Cholesky against torch.linalg.solve (LU) on the same float64 normal equations: max |θ_torch − θ_scratch| / (1 + ‖θ_scratch‖∞)", BackwardStableSolves,
        [RunSolution],
        "RidgeParityTests.Twin_matches_from_scratch",
        "RidgeParityTests.Twin_without_the_penalty_lands_outside_the_tolerance",
        "RidgeParityTests.Twin_check_fails_on_a_NaN_from_either_side");

    /// <summary>The saved torch twin's predictions against the saved from-scratch model's, on the scored rows.</summary>
    public static CheckDefinition ScoreTwin { get; } = Library("score-ridge-torch", "score: saved ridge-torch vs saved ridge-from-scratch",
        "ŷ = b + x·w of both saved models on the scored rows: |Δŷᵢ| ≤ ‖Δθ‖∞·(1 + ‖xᵢ‖₁), so max |ŷ_torch − ŷ_scratch| / (s·(1 + ‖xᵢ‖₁)) with s = 1 + ‖θ_scratch‖∞ as saved", BackwardStableSolves,
        [ScoreSolution],
        "SavedModelTests.Saved_models_score_the_generated_rows_and_agree");
#else
    private static Tolerance DualityGap { get; } = new("DualityGap", Math.Sqrt(MLNetRidge.ConvergenceTolerance),
        "derived from SDCA's stopping rule: it stops at duality gap G ≤ ε·P(θ) (ε = 1e-5), and P is λ₂-strongly convex, so ‖θ_mlnet − θ*‖₂ ≤ √(2G/λ₂) ≤ √ε·s with s = √(2P(θ_mlnet)/λ₂); the check divides by s, so its tolerance is √ε ≈ 3.2e-3. Float32 rounding of the data and of θ moves θ by ≈ 1e-7·κ, far below. Measured over seeds 1–20 of the built-in data: the matched twin ≤ 7.4e-4; λ₂ = λ (the scaling by n forgotten) ≥ 0.21 and λ₂ = λ/n (SquaredLoss's missing ½ forgotten) ≥ 0.030, both caught (RidgeParityTests.Twin_with_L2_not_scaled_by_n_lands_outside_the_tolerance)");

    /// <summary>θ of ML.NET's SDCA twin against the from-scratch θ.</summary>
    public static CheckDefinition Twin { get; } = Library("ridge-mlnet", "ridge θ: mlnet SDCA vs from-scratch",
        "θ* = argmin ‖X̃θ − y‖² + λ‖θ‖² = argmin (1/n)‖X̃θ − y‖² + (λ₂/2)‖θ‖² with λ₂ = 2λ/n (ML.NET's SquaredLoss has no ½; BiasLearningRate = 0 penalises the bias like our intercept): max |θ_mlnet − θ_scratch| / √(2P(θ_mlnet)/λ₂)", DualityGap,
        [RunSolution],
        "RidgeParityTests.Twin_matches_from_scratch",
        "RidgeParityTests.Twin_with_L2_not_scaled_by_n_lands_outside_the_tolerance",
        "RidgeParityTests.Twin_check_fails_on_a_NaN_from_either_side");

    /// <summary>The saved ML.NET twin's predictions against the saved from-scratch model's, on the scored rows.</summary>
    public static CheckDefinition ScoreTwin { get; } = Library("score-ridge-mlnet", "score: saved ridge-mlnet vs saved ridge-from-scratch",
        "ŷ = b + x·w of both saved models on the scored rows: |Δŷᵢ| ≤ ‖Δθ‖∞·(1 + ‖xᵢ‖₁), so max |ŷ_mlnet − ŷ_scratch| / (s·(1 + ‖xᵢ‖₁)) with s = √(2P(θ_mlnet)/λ₂) as saved", DualityGap,
        [ScoreSolution],
        "SavedModelTests.Saved_models_score_the_generated_rows_and_agree");
#endif

    /// <summary>The from-scratch θ solves the normal equations, rebuilt row by row without Core's GEMM.</summary>
    public static CheckDefinition NormalEquations { get; } = Consistency("normal-equations", "ridge θ solves (X̃ᵀX̃ + λI)θ = X̃ᵀy",
        "∇f(θ)/2 = Σᵢ x̃ᵢ(x̃ᵢ·θ − yᵢ) + λθ = 0 at the from-scratch θ, the sum formed row by row: max |Σᵢ x̃ᵢ(x̃ᵢ·θ) + λθ − Σᵢ x̃ᵢyᵢ| / ((d + 1)·‖A‖max·‖θ‖∞ + ‖X̃ᵀy‖∞)",
        new Tolerance("CholeskyResidual", 1e-12, "a backward-stable solve leaves ‖Aθ − b‖∞ ≤ c·(d + 1)·ε·‖A‖max·‖θ‖∞ and the two ways of summing A and b differ by ≤ γₙ·Σ|terms|, ≈ n·ε relative; d + 1 ≤ 11 and n ≤ 1000 keep both ≤ 1e-13, and a wrong sign or factor on λ leaves a residual of ≈ λ·‖θ‖∞, O(1e-2) of the scale"),
        [RunSolution],
        "RidgePropertyTests.Fitted_theta_solves_the_normal_equations",
        "RidgePropertyTests.A_theta_off_by_its_penalty_fails_the_normal_equations");

    /// <summary>Every check of this solution, in the order docs/parity.md lists them.</summary>
    public static IReadOnlyList<CheckDefinition> All { get; } = [Twin, ScoreTwin, NormalEquations];

    private static CheckDefinition Library(string id, string title, string identity, Tolerance tolerance, string[] where, params string[] tests) =>
        new("solutionname." + id, "solutionname", CheckKinds.Library, title, identity, tolerance, where, tests);

    private static CheckDefinition Consistency(string id, string title, string identity, Tolerance tolerance, string[] where, params string[] tests) =>
        new("solutionname." + id, "solutionname", CheckKinds.Consistency, title, identity, tolerance, where, tests);
}
