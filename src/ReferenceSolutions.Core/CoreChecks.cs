using ReferenceSolutions.Core.Reporting;

namespace ReferenceSolutions.Core;

/// <summary>
/// The registry of Core's own checks: the shared linear algebra against MathNet and against its readable references,
/// and TorchSharp's float64 kernels against closed forms. ε = 2⁻⁵³ (unit round-off), γₖ = kε/(1 − kε).
/// </summary>
public static class CoreChecks
{
    private const string Solution = "core";

    /// <summary>Blocked GEMM = the reference triple loop, element by element, within the rounding bound of both.</summary>
    public static CheckDefinition GemmBlockedVsReference { get; } = new(
        "core.gemm.blocked-vs-reference", Solution, CheckKinds.Consistency,
        "GEMM: blocked kernel vs the reference triple loop",
        "C ← α·op(A)·op(B) + β·C by the blocked, vectorised, multi-threaded kernel = the plain i-k-j loop, every element, on every shape 1..70 and across block edges and thread splits",
        new Tolerance("GemmRoundingBound", 1.0,
            "each element is a length-k dot product plus β·c; each side is within γ_{k+2}·(|α|(|A||B|)ᵢⱼ + |β·cᵢⱼ|) of the exact value (Higham §3.5), so they differ by at most twice that: every difference is divided by 2γ_{k+2}·(|α|(|A||B|)ᵢⱼ + |β·cᵢⱼ|), and the ratio must be ≤ 1"),
        [],
        ["GemmTests.Blocked_kernel_equals_the_reference_loop", "GemmTests.Blocked_kernel_equals_the_reference_across_block_edges_and_threads"]);

    /// <summary>Core's product = MathNet's, element by element, within the rounding bound of both.</summary>
    public static CheckDefinition GemmVsMathNet { get; } = new(
        "core.gemm.mathnet", Solution, CheckKinds.Library,
        "GEMM: Core vs MathNet",
        "A·B by Core's GEMM = MathNet's matrix product, every element, on shapes 1..70",
        new Tolerance("GemmRoundingBound", 1.0,
            "both are length-k dot products in float64, each within γₖ·(|A||B|)ᵢⱼ of the exact value: every difference is divided by 2γₖ·(|A||B|)ᵢⱼ and the ratio must be ≤ 1"),
        [],
        ["GemmTests.Product_equals_MathNet"]);

    /// <summary>The transposed-operand shortcuts multiply the same numbers in the same order as an explicit transpose.</summary>
    public static CheckDefinition GemmTransposedShortcuts { get; } = new(
        "core.gemm.transposed-shortcuts", Solution, CheckKinds.Consistency,
        "GEMM: transposed-operand shortcuts vs explicit transposes",
        "A·Bᵀ by MultiplyTransposeB = A·(Bᵀ) by Multiply, and Aᵀ·B by MultiplyTransposeA = (Aᵀ)·B, bit for bit",
        new Tolerance("Exact", 0.0, "the shortcut reads the same elements in the same summation order as the product of the explicit transpose, so not even rounding differs"),
        [],
        ["GemmTests.Transposed_shortcuts_agree_with_explicit_transposes"]);

    /// <summary>L·Lᵀ reconstructs A.</summary>
    public static CheckDefinition CholeskyReconstruction { get; } = new(
        "core.cholesky.reconstruction", Solution, CheckKinds.Consistency,
        "Cholesky: L·Lᵀ = A",
        "max |(L·Lᵀ − A)ᵢⱼ| / (n·‖A‖_F) for SPD A = BᵀB + n·I, n = 1..40",
        new Tolerance("CholeskyBackwardError", 1e-13,
            "Cholesky is backward stable: L·Lᵀ = A + ΔA with |ΔA| ≤ γ_{n+1}|L||Lᵀ| and ‖|L||Lᵀ|‖ ≤ n‖A‖ (Higham Thm 10.3), so ‖ΔA‖_F/(n‖A‖_F) ≤ γ_{n+1} ≈ 4.6e-15 at n = 40; 1e-13 leaves a factor 20"),
        [],
        ["CholeskyTests.L_times_L_transpose_reconstructs_A_and_matches_MathNet"]);

    /// <summary>Core's Cholesky factor = MathNet's.</summary>
    public static CheckDefinition CholeskyVsMathNet { get; } = new(
        "core.cholesky.mathnet", Solution, CheckKinds.Library,
        "Cholesky: factor vs MathNet",
        "L (positive diagonal, unique) = MathNet's Cholesky factor, entry by entry, relative to max|L|, n = 1..40",
        new Tolerance("WellConditionedFactor", 1e-12,
            "both factors are backward stable; the factor's forward error is ≲ κ(A)·γ_{n+1}·‖L‖ with κ(BᵀB + nI) ≤ (σ₁(B)² + n)/n ≈ 5 here, i.e. ≈ 2e-14 relative at n = 40; 1e-12 leaves a factor 50"),
        [],
        ["CholeskyTests.L_times_L_transpose_reconstructs_A_and_matches_MathNet"]);

    /// <summary>Cholesky solves = MathNet's.</summary>
    public static CheckDefinition CholeskySolveVsMathNet { get; } = new(
        "core.cholesky.solve-mathnet", Solution, CheckKinds.Library,
        "Cholesky: A·x = b vs MathNet",
        "x from L·Lᵀx = b = MathNet's Cholesky solve, relative to 1 + ‖x‖∞; and the residual ‖Ax − b‖₂ ≤ 1e-12·‖A‖_F·‖x‖₂",
        new Tolerance("WellConditionedSolve", 1e-12,
            "a backward-stable solve has forward error ≤ κ(A)·γ_{3n+1}·‖x‖ ≈ 5·1.3e-14 at n = 40 for κ ≈ 5, and its residual ≤ γ_{3n+1}·‖A‖‖x‖; 1e-12 leaves a factor ≥ 15"),
        [],
        ["CholeskyTests.Solve_matches_MathNet_and_leaves_a_small_residual"]);

    /// <summary>log det A from the factor = MathNet's determinant.</summary>
    public static CheckDefinition CholeskyLogDeterminant { get; } = new(
        "core.cholesky.log-determinant-mathnet", Solution, CheckKinds.Library,
        "Cholesky: log det A vs MathNet",
        "2·Σ log Lᵢᵢ = log(MathNet's LU determinant), relative to |log det A|, 12×12 SPD",
        new Tolerance("LogDeterminant", 1e-10,
            "each log Lᵢᵢ carries a relative error ≲ κ(A)·γ_{n+1} ≈ 7e-15 (n = 12), summed over n terms and against an LU determinant whose product of n pivots carries n·ε more: ≈ 1e-13 relative; 1e-10 leaves a factor 1000 for the product's rounding"),
        [],
        ["CholeskyTests.Log_determinant_matches_MathNet"]);

    /// <summary>Householder QR reconstructs A with orthonormal Q.</summary>
    public static CheckDefinition QrReconstruction { get; } = new(
        "core.qr.reconstruction", Solution, CheckKinds.Consistency,
        "QR: Q·R = A",
        "max |(Q·R − A)ᵢⱼ| / ‖A‖_F for the full and the thin factors, m, n = 1..40, full rank and rank-deficient",
        new Tolerance("HouseholderBackwardError", 1e-12,
            "Householder QR is backward stable: Q·R = A + ΔA with ‖ΔA‖_F ≤ γ̃_{mn}‖A‖_F (Higham Thm 19.4), γ̃_{mn} = c·m·n·ε ≤ 2e-13 for m, n ≤ 40 and a small constant c"),
        [],
        ["HouseholderQrTests.Q_is_orthogonal_R_is_upper_triangular_and_QR_reconstructs_A", "HouseholderQrTests.Entries_near_the_ends_of_the_double_range_factor_as_well_as_entries_near_1"]);

    /// <summary>Q has orthonormal columns.</summary>
    public static CheckDefinition QrOrthogonality { get; } = new(
        "core.qr.orthogonality", Solution, CheckKinds.Consistency,
        "QR: QᵀQ = I",
        "max |(QᵀQ − I)ᵢⱼ| / m for the m×m Q accumulated from the reflectors, m = 1..40",
        new Tolerance("HouseholderOrthogonality", 1e-13,
            "a product of n computed Householder reflectors is orthogonal to ‖QᵀQ − I‖ ≤ c·m·n·ε (Higham Lemma 19.3); each entry of QᵀQ is a length-m dot product of unit vectors, rounding ≈ m·ε ≤ 1e-14·m"),
        [],
        ["HouseholderQrTests.Q_is_orthogonal_R_is_upper_triangular_and_QR_reconstructs_A", "HouseholderQrTests.Entries_near_the_ends_of_the_double_range_factor_as_well_as_entries_near_1"]);

    /// <summary>|diag R| = MathNet's.</summary>
    public static CheckDefinition QrVsMathNet { get; } = new(
        "core.qr.mathnet", Solution, CheckKinds.Library,
        "QR: |Rᵢᵢ| vs MathNet",
        "|Rᵢᵢ| of Core's Householder QR = |Rᵢᵢ| of MathNet's QR (signs are a convention), relative to ‖A‖_F, tall shapes up to 40×40",
        new Tolerance("HouseholderBackwardError", 1e-12,
            "|Rᵢᵢ| is the distance of column i from the span of the previous ones, a well-conditioned function of Gaussian A; each backward-stable QR perturbs A by ≈ c·m·n·ε·‖A‖_F ≤ 2e-13·‖A‖_F"),
        [],
        ["HouseholderQrTests.R_diagonal_matches_MathNet_up_to_sign"]);

    /// <summary>QR least squares = MathNet's.</summary>
    public static CheckDefinition QrLeastSquaresVsMathNet { get; } = new(
        "core.qr.least-squares-mathnet", Solution, CheckKinds.Library,
        "QR: least squares vs MathNet",
        "argminₓ ‖Ax − b‖₂ by Core's QR = MathNet's QR solve, relative to 1 + ‖x‖₂, m ≥ n, n ≤ 12",
        new Tolerance("LeastSquaresForwardError", 1e-10,
            "the forward error of a backward-stable least-squares solve is ≲ (κ(A) + κ(A)²·‖r‖/(‖A‖‖x‖))·c·m·n·ε (Higham Thm 20.1); Gaussian A with m ≥ n + 0..29 can have κ ≈ 1e2 when m = n, giving ≈ 1e-11"),
        [],
        ["HouseholderQrTests.Least_squares_solution_matches_MathNet"]);

    /// <summary>Triangular solves = MathNet's.</summary>
    public static CheckDefinition TriangularVsMathNet { get; } = new(
        "core.triangular.mathnet", Solution, CheckKinds.Library,
        "Triangular solves vs MathNet",
        "L·x = b, Lᵀ·x = b and U·x = b by substitution = MathNet's solves, relative to 1 + ‖x‖∞, n = 1..50",
        new Tolerance("WellConditionedSubstitution", 1e-12,
            "substitution solves (T + ΔT)x = b with |ΔT| ≤ γₙ|T| (Higham Thm 8.5); with diagonals in [1, 2) and off-diagonals of size 1/n, κ(T) = O(1) and the forward error is ≈ n·ε ≈ 6e-15 at n = 50"),
        [],
        ["TriangularTests.Lower_upper_and_transposed_solves_match_MathNet"]);

    /// <summary>A matrix right-hand side is solved column by column.</summary>
    public static CheckDefinition TriangularMatrixRightHandSide { get; } = new(
        "core.triangular.matrix-rhs", Solution, CheckKinds.Consistency,
        "Triangular solve with a matrix right-hand side",
        "L·X = B for X from SolveLower(L, B), max |L·X − B|",
        new Tolerance("WellConditionedSubstitution", 1e-13,
            "the residual of a backward-stable substitution is ≤ γₙ|L||X|; for n = 8, |L| ≤ 2 and |X| = O(1) that is ≈ 1e-14"),
        [],
        ["TriangularTests.Matrix_right_hand_sides_are_solved_column_by_column"]);

    /// <summary>Frobenius, 1- and ∞-norms = MathNet's.</summary>
    public static CheckDefinition NormsVsMathNet { get; } = new(
        "core.norms.mathnet", Solution, CheckKinds.Library,
        "Norms vs MathNet",
        "‖A‖_F, ‖A‖₁ and ‖A‖_∞ = MathNet's, relative to MathNet's value, shapes 1..30",
        new Tolerance("NormRounding", 1e-13,
            "each norm is a sum of at most 900 non-negative terms (squares for ‖·‖_F, then one square root), so each side is within γ₉₀₀ ≈ 1e-13 of the exact value relative to it, in the worst case; in practice the errors are ≈ √900·ε ≈ 3e-15"),
        [],
        ["NormsTests.Norms_match_MathNet"]);

    /// <summary>torch.linalg.svd = MathNet's σ, and UΣVᵀ = A.</summary>
    public static CheckDefinition TorchSvdVsMathNet { get; } = new(
        "core.torch.svd-mathnet", Solution, CheckKinds.Library,
        "TorchSharp float64: linalg.svd vs MathNet",
        "σ of torch.linalg.svd (float64) = MathNet's σ, and max|U·diag(σ)·Vᴴ − A|, both relative to σ₁, 7×5 Gaussian",
        new Tolerance("SmallSvd", 1e-13,
            "both SVDs are backward stable: each σ is within O(p·ε)·σ₁ of the exact one (Weyl), p = 5 gives ≈ 1e-15·σ₁, and U·Σ·Vᴴ reproduces A to the same order"),
        [],
        ["TorchSharpTests.Linalg_svd_in_float64_matches_MathNet_and_reconstructs_A"]);

    /// <summary>TorchSharp autograd = the hand derivative of y = Σ wᵢxᵢ³.</summary>
    public static CheckDefinition TorchAutogradClosedForm { get; } = new(
        "core.torch.autograd-closed-form", Solution, CheckKinds.Library,
        "TorchSharp float64: autograd vs the closed-form derivative",
        "∂/∂xᵢ Σⱼ wⱼxⱼ³ by autograd = 3wᵢxᵢ², relative to |3wᵢxᵢ²|",
        new Tolerance("ClosedForm", 1e-15,
            "autograd multiplies the same three float64 factors as the closed form (3·x·x·w, in some order): at most two roundings apart, ≤ 2ε ≈ 2.2e-16 relative"),
        [],
        ["TorchSharpTests.Autograd_in_float64_gives_the_hand_derivative"]);

    /// <summary>Every check of Core.</summary>
    public static IReadOnlyList<CheckDefinition> All { get; } =
    [
        GemmBlockedVsReference, GemmVsMathNet, GemmTransposedShortcuts,
        CholeskyReconstruction, CholeskyVsMathNet, CholeskySolveVsMathNet, CholeskyLogDeterminant,
        QrReconstruction, QrOrthogonality, QrVsMathNet, QrLeastSquaresVsMathNet,
        TriangularVsMathNet, TriangularMatrixRightHandSide, NormsVsMathNet,
        TorchSvdVsMathNet, TorchAutogradClosedForm,
    ];
}
