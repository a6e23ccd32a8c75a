using System.Globalization;
using ReferenceSolutions.Core.Reporting;

namespace ReferenceSolutions.FraudDetection;

/// <summary>
/// The named tolerances of this solution's checks, each derived (an arithmetic or statistical bound, stated in its
/// reason) or set from measurement by a survey in tests/ReferenceSolutions.Benchmarks/Surveys/FraudSurveys.cs, which
/// reproduces the figure quoted (<c>dotnet run --project tests/ReferenceSolutions.Benchmarks -c Release -- survey NAME</c>).
/// </summary>
public static class FraudTolerances
{
    /// <summary>The number of seeds each survey below ran over.</summary>
    public const int SurveySeeds = 20;

    /// <summary>The factor between the largest surveyed value and a surveyed tolerance.</summary>
    public const double SurveyFactor = 10;

    /// <summary>How many standard errors a statistical check allows.</summary>
    public const double StandardErrors = 4;

    /// <summary>Two float64 Newton solvers at one optimum (θ from scratch vs TorchSharp).</summary>
    public static Tolerance NewtonFloat64 { get; } = Tolerance.FromSurvey(nameof(NewtonFloat64), 1.33e-13, SurveyFactor, SurveySeeds, "fraud-theta-torch",
        "both twins run Newton in float64 from θ = 0 to t·‖Δ‖∞ ≤ 1e-13·(1 + ‖θ‖∞); they share the data and the optimum, so only the order of the float64 sums separates them, amplified by κ(H) (largest at λ = 0.01 on the ULB sample); typically 3e-15");

    /// <summary>ML.NET's float32 L-BFGS against the float64 optimum, relative to ‖θ_scratch‖∞.</summary>
    public static Tolerance Float32LbfgsRelative { get; } = Tolerance.FromSurvey(nameof(Float32LbfgsRelative), 2.15e-3, SurveyFactor, SurveySeeds, "fraud-theta-mlnet",
        "ML.NET stores features and θ in float32 (ε ≈ 1.2e-7) and stops on a mean relative objective improvement below 1e-10, which float32 sums cannot resolve; along flat directions of f a relative objective error δ leaves θ off by ≈ √δ·‖θ‖");

    /// <summary>The objective at ML.NET's θ against the optimum's, relative.</summary>
    public static Tolerance Float32Objective { get; } = Tolerance.FromSurvey(nameof(Float32Objective), 2.44e-7, SurveyFactor, SurveySeeds, "fraud-objective-mlnet",
        "f(θ_mlnet) ≥ f(θ*); ML.NET sums the objective in float32, which resolves f only to ≈ 1e-7 relative, so its L-BFGS cannot descend reliably below that");

    /// <summary>Standard errors √(H⁻¹)ⱼⱼ of two float64 twins, relative.</summary>
    public static Tolerance StandardErrorsFloat64 { get; } = new(nameof(StandardErrorsFloat64), 1e-10,
        "both sides invert a float64 Hessian of the same objective: the entries differ by summation order (≤ nε·max|H| for n ≤ 1e5, ≈ 1e-11 relative) and by the twins' θ̂ (≤ 1.33e-12, NewtonFloat64), and an inverse moves by ≤ κ(H)·‖δH‖/‖H‖; se = √(H⁻¹)ⱼⱼ halves the relative error. Measured: ≤ 2e-15 on the tests' standard-normal features (also with column scales spread over 1–100) and 3.5e-14 / 7.3e-14 on the ULB sample's 30 raw features (Time and Amount unscaled) at λ = 0 / 1 (verify logreg), ≤ 6.3e-14 in the four seed-42 runs of docs/fraud-detection.md; 1e-10 leaves > 1,000× room for worse-conditioned inputs, while a wrong Hessian entry or a mis-indexed inverse is off by O(1)");

    /// <summary>PCA anomaly scores s(x) from scratch (float64, exact eigenvectors) against ML.NET's RandomizedPca (float32), on the run's data.</summary>
    public static Tolerance AnomalyScores { get; } = Tolerance.FromSurvey(nameof(AnomalyScores), 1.41e-2, SurveyFactor, SurveySeeds, "fraud-pca-scores",
        "ML.NET's RandomizedPca works in float32: it sums AΩ over the rows, orthonormalises by Gram–Schmidt and solves the eigenproblem of BᵀB = QᵀA²Q, which squares A's condition number; on the ULB sample's heavy-tailed legitimate rows its top-10 subspace is off by up to 1.3e-2 (projector, measured from its own eigenvectors in float64); the median over seeds is 5.3e-5, and only 3 of 20 seeds exceed 1e-3, all on the sample's stratified split");

    /// <summary>The same comparison on rows with a planted, well-separated spectrum (the parity test).</summary>
    public static Tolerance AnomalyScoresPlanted { get; } = Tolerance.FromSurvey(nameof(AnomalyScoresPlanted), 8.0e-4, SurveyFactor, SurveySeeds, "fraud-pca-scores-planted",
        "3,000 Gaussian rows of a rank-5 signal (factor scales 5, 4, 3, 2, 1.5, random loadings) over isotropic noise: the top-k subspace (k = 3, 5) is determined, so only ML.NET's float32 algorithm separates the scores; the median over seeds is 2.1e-5 and random loadings occasionally narrow a gap (8e-4 at seed 19)");

    /// <summary>Metrics by our code and by ML.NET's evaluator on identical float32 inputs.</summary>
    public static Tolerance SameScoresMetrics { get; } = new(nameof(SameScoresMetrics), 1e-8,
        "both sides see identical float32 inputs, so ranks, tie groups and confusion counts are identical and AUC, precision, recall, F1 and accuracy are the same ratios of exact integer sums (≤ 3 roundings, ≤ 7e-16); the log-loss is a mean of n terms (ML.NET's log₂ × ln 2 against our ln), |Δ| ≤ n·ε·max term ≤ 1e5 · 1.1e-16 · 104 nats (the float32 floor 1.4e-45) ≈ 1.1e-9, and the AUPRC a sum of P ≤ n terms ≤ 1 (≤ 1.1e-11); ML.NET evaluates AUPRC on a reservoir of at most 100,000 rows, so above that it is a sample and the check may fail");

    /// <summary>
    /// Var(AUC) from B bootstrap replicates against its B → ∞ limit, relative: <see cref="StandardErrors"/> × √(2/(B − 1)).
    /// </summary>
    public static Tolerance BootstrapVariance(int replicates)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(replicates, 2);
        double se = Math.Sqrt(2.0 / (replicates - 1));
        return new Tolerance(nameof(BootstrapVariance), StandardErrors * se, string.Create(CultureInfo.InvariantCulture,
            $"the sample variance of B = {replicates} replicates estimates the bootstrap's variance V∞ with relative standard error √(2/(B − 1)) = {se:0.####} (replicates near-normal); {StandardErrors} SE. The bootstrap's finite-sample difference from DeLong's S₁₀/P + S₀₁/N is not an allowance: V∞ is computed exactly from DeLong's components"));
    }

    /// <summary>
    /// An end of a B-replicate percentile-bootstrap interval on the logit against the delta method's, in units of the
    /// delta method's σ = √(x̃ᵀH⁻¹x̃): <see cref="StandardErrors"/> × √(q(1 − q))/φ(z_q)/√B with q = 0.025.
    /// </summary>
    public static Tolerance BootstrapPercentile(int replicates)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(replicates, 40);
        double zq = LogisticRegression.CoefficientInference.Z95;
        double unit = Math.Sqrt(0.025 * 0.975) / (Math.Exp(-0.5 * zq * zq) / Math.Sqrt(2.0 * Math.PI));
        double se = unit / Math.Sqrt(replicates);
        return new Tolerance(nameof(BootstrapPercentile), StandardErrors * se, string.Create(CultureInfo.InvariantCulture,
            $"the 2.5 % (97.5 %) sample quantile of B = {replicates} draws from N(ẑ, σ²) has standard error √(q(1 − q)/B)/f(x_q) = σ·√(0.025·0.975)/φ(1.96)/√B = {unit:0.###}σ/√B = {se:0.####}σ; {StandardErrors} SE. The bootstrap's own O(n^-1/2) departure from N(ẑ, x̃ᵀH⁻¹x̃) is not an allowance: the check runs at n = 5,000, where it is ≈ 1/√n ≈ 0.014σ"));
    }
}
