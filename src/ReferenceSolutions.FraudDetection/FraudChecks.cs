using ReferenceSolutions.Core.Reporting;

namespace ReferenceSolutions.FraudDetection;

/// <summary>
/// The registry of this solution's parity and consistency checks (runs, verify and tests); every run-time
/// <see cref="ParityCheck"/> of the solution is made from one of these, every test of one asserts through
/// <c>ParityAssert</c>, and docs/parity.md is generated from them.
/// </summary>
public static class FraudChecks
{
    private const string RunFraud = "run fraud";
    private const string VerifyLogReg = "verify logreg";
    private const string VerifyMetrics = "verify metrics";
    private const string ScoreFraud = "score fraud";

    private static Tolerance SumOfRatios { get; } = new("SumOfRatios", 1e-13,
        "sums of K ≤ 120 terms (ratios of exact counts, each ≤ 1) formed in two orders: ≤ (K + 3)·ε ≈ 1.4e-14 apart in the worst case");

    private static Tolerance EigenBackwardStable { get; } = new("EigenBackwardStable", 1e-12,
        "both decompositions are backward stable, errors ≤ c·d·ε·‖A‖_F; by Weyl's inequality eigenvalues move by no more, and d ≤ 30 gives d·ε ≈ 3.3e-15, so 1e-12 allows c ≤ 300");

    private static Tolerance StandardErrorBound { get; } = new("StandardErrors", FraudTolerances.StandardErrors,
        "a simulated or estimated quantity against its expectation, in units of its standard error: beyond 4 SE a correct implementation lands with probability ≈ 6e-5 per comparison, while an implementation error moves it by far more");

    /// <summary>θ of the TorchSharp float64 Newton twin against the from-scratch Newton θ.</summary>
    public static CheckDefinition ThetaTorch { get; } = Library("logreg-theta-torch", "logreg θ: torch vs from-scratch",
        "argmin Σ logloss + (λ/2)‖w‖², float64 Newton on both sides: max |θ_torch − θ_scratch|", FraudTolerances.NewtonFloat64,
        [RunFraud, VerifyLogReg],
        "LogisticRegressionParityTests.Torch_float64_Newton_matches_from_scratch",
        "LogisticRegressionParityTests.Theta_and_objective_checks_fail_on_a_NaN_from_either_side",
        "VerificationTests.Verify_logreg_compares_theta_and_objectives_of_every_twin",
        "VerificationTests.Verify_logreg_fails_on_a_NaN_from_a_twin");

    /// <summary>θ of ML.NET's float32 L-BFGS against the from-scratch θ, relative to ‖θ_scratch‖∞.</summary>
    public static CheckDefinition ThetaMLNet { get; } = Library("logreg-theta-mlnet", "logreg θ: mlnet vs from-scratch",
        "the same argmin with L2Regularization = λ (ML.NET minimises f/n): max |θ_mlnet − θ_scratch| / ‖θ_scratch‖∞", FraudTolerances.Float32LbfgsRelative,
        [RunFraud, VerifyLogReg],
        "LogisticRegressionParityTests.MLNet_lbfgs_with_L2_equal_to_lambda_matches_from_scratch",
        "LogisticRegressionParityTests.MLNet_with_L2_scaled_by_n_lands_elsewhere_so_the_scaling_matters",
        "LogisticRegressionParityTests.Theta_and_objective_checks_fail_on_a_NaN_from_either_side",
        "VerificationTests.Verify_logreg_compares_theta_and_objectives_of_every_twin",
        "VerificationTests.Verify_logreg_fails_on_a_NaN_from_a_twin");

    /// <summary>The objective at ML.NET's θ against the optimum's, both evaluated in float64.</summary>
    public static CheckDefinition ObjectiveMLNet { get; } = Library("logreg-objective-mlnet", "logreg objective: mlnet vs from-scratch",
        "f(θ_mlnet) against f(θ_scratch), f evaluated in float64 by LogisticObjective: |Δf| / f(θ_scratch)", FraudTolerances.Float32Objective,
        [RunFraud, VerifyLogReg],
        "LogisticRegressionParityTests.MLNet_lbfgs_with_L2_equal_to_lambda_matches_from_scratch",
        "LogisticRegressionParityTests.Theta_and_objective_checks_fail_on_a_NaN_from_either_side",
        "VerificationTests.Verify_logreg_compares_theta_and_objectives_of_every_twin",
        "VerificationTests.Verify_logreg_fails_on_a_NaN_from_a_twin");

    /// <summary>Standard errors from TorchSharp's autograd Hessian, inverted by torch.linalg, against the from-scratch ones.</summary>
    public static CheckDefinition StandardErrorsTorch { get; } = Library("logreg-se-torch", "logreg standard errors: torch autograd Hessian vs from-scratch",
        "seⱼ = √(H⁻¹)ⱼⱼ at each twin's own θ̂, H = ∇²f: from scratch X̃ᵀWX̃ + λ·diag(0, 1, …, 1) inverted through Core's Cholesky; torch ∇²f by double backward through autograd, inverted by torch.linalg.inv: max |Δse| / se_scratch", FraudTolerances.StandardErrorsFloat64,
        [RunFraud, VerifyLogReg],
        "CoefficientInferenceTests.Torch_autograd_Hessian_gives_the_same_standard_errors",
        "CoefficientInferenceTests.Standard_error_checks_fail_on_a_NaN",
        "VerificationTests.Verify_logreg_compares_theta_and_objectives_of_every_twin",
        "VerificationTests.Verify_logreg_fails_on_a_NaN_from_a_twin");

    /// <summary>Standard errors against MathNet inverting a Hessian the test builds itself.</summary>
    public static CheckDefinition StandardErrorsMathNet { get; } = Library("logreg-se-mathnet", "logreg standard errors: MathNet inverse vs from-scratch",
        "seⱼ from scratch vs √(H⁻¹)ⱼⱼ with H = X̃ᵀ·diag(pᵢ(1 − pᵢ))·X̃ + λ·diag(0, 1, …, 1) assembled by the test with MathNet matrices at θ̂ and inverted by MathNet's Inverse(): max |Δse| / se_scratch", FraudTolerances.StandardErrorsFloat64,
        [],
        "CoefficientInferenceTests.MathNet_inverse_of_an_independently_built_Hessian_gives_the_same_standard_errors",
        "CoefficientInferenceTests.Standard_error_checks_fail_on_a_NaN");

    /// <summary>Standard errors against the textbook closed form for one binary feature.</summary>
    public static CheckDefinition StandardErrorsClosedForm { get; } = Consistency("logreg-se-closed-form", "logreg standard errors and prediction intervals vs the 2×2-table closed form",
        "one binary feature, λ = 0, counts n₀₀, n₀₁, n₁₀, n₁₁ (feature, label): b̂ = ln(n₀₁/n₀₀), ŵ = ln(n₁₁n₀₀/(n₁₀n₀₁)), se(b̂) = √(1/n₀₀ + 1/n₀₁), se(ŵ) = √(1/n₀₀ + 1/n₀₁ + 1/n₁₀ + 1/n₁₁) (Woolf's log odds ratio), and the delta method's Var(b̂ + ŵx) = 1/n_x0 + 1/n_x1 (the group's log odds) with the 95 % probability interval σ(ln(n_x1/n_x0) ± z₀.₉₇₅·√(1/n_x0 + 1/n_x1)) for x = 0, 1: max relative |Δ| over estimates, standard errors, variances and interval ends",
        new Tolerance("NewtonAndInverse", 1e-10, "Newton stops at t·‖Δ‖∞ ≤ 1e-13·(1 + ‖θ‖∞) and a 2×2 inverse adds a few ε·κ(H) with κ(H) < 10 here; the closed forms are ≤ 10 operations, so ≈ 1e-13 is expected and 1e-10 leaves room while a wrong factor is off by O(1)"),
        [],
        "CoefficientInferenceTests.Standard_errors_match_the_two_by_two_table_closed_form");

    /// <summary>The raw-unit inference mapped from a standardised fit against a fit on the raw features.</summary>
    public static CheckDefinition StandardErrorsRawUnits { get; } = Consistency("logreg-se-raw-units", "logreg raw-unit coefficients and standard errors vs a raw fit",
        "at λ = 0, θ_raw = A·θ̂ and Cov_raw = A·H⁻¹·Aᵀ (b_raw = b − Σⱼwⱼμⱼ/sⱼ, w_raw = w/s) from the fit on z = (x − μ)/s, against θ̂ and √(H⁻¹)ⱼⱼ of Newton fitted on x itself (the MLE is invariant under the affine map and so is its observed information): max relative |Δ| over θ and se",
        new Tolerance("TwoFitsOneOptimum", 1e-9, "two float64 Newton solves of one problem in two parameterisations, each stopped at t·‖Δ‖∞ ≤ 1e-13·(1 + ‖θ‖∞); the raw problem's κ(H) is ≤ s_max²/s_min² ≈ 1e2 times the standardised one's for the scales used (s ∈ [0.5, 5]), so differences of ≈ 1e-12 are expected; a wrong map (a missing μ term, se·s instead of se/s) is off by O(1)"),
        [],
        "CoefficientInferenceTests.Raw_unit_inference_equals_a_fit_on_the_raw_features");

    /// <summary>The 95 % Wald and delta-method intervals' coverage of a planted θ against 95 %.</summary>
    public static CheckDefinition WaldCoverage { get; } = Consistency("logreg-wald-coverage", "logreg Wald and delta-method interval coverage",
        "the share of S = 1,000 simulated data sets (n = 1,000 rows, x ~ N(0, I₂), y ~ Bernoulli(σ(−1 + 0.8x₁ − 0.5x₂)), λ = 0) whose 95 % Wald interval covers each planted θⱼ, and whose delta-method interval covers σ(x̃ᵀθ) at x = (1, 1), against 0.95, in standard errors √(0.95·0.05/S); halved intervals (a negative control) must fail", StandardErrorBound,
        [], "CoefficientInferenceTests.Wald_and_delta_method_intervals_cover_a_planted_theta_95_percent_of_the_time");

    /// <summary>The profile-likelihood interval's ends against the 2×2-table likelihood ratio and the deviance's definition.</summary>
    public static CheckDefinition ProfileInterval { get; } = Consistency("logreg-profile-ci", "logreg profile-likelihood interval vs the likelihood-ratio definition",
        "D(β) = 2[min_{θⱼ = β} f(θ) − f(θ̂)] as ProfileLikelihood computes it (constrained Newton fits, Illinois regula falsi on D − χ²): on one binary feature (the 2×2 table), the closed-form likelihood-ratio deviance of the log odds ratio ψ — the constrained MLE solves a quadratic in e^b, r(N − T)u² + (m₀ + m₁r − T(1 + r))u − T = 0 with r = e^ψ — equals χ²₁,₀.₉₅ = z₀.₉₇₅² at both ends of the profile interval and 0 at ψ̂; on generated data, the code's own D is 0 at θ̂ⱼ and χ² at both ends for every θⱼ: max |ΔD| / χ²",
        new Tolerance("ProfileRoot", 1e-8, "the root-finder stops at |D − χ²| ≤ 1e-10, and D is a difference of two objectives of size ≤ n·ln 2 ≈ 1.4e3 each converged to t·‖Δ‖∞ ≤ 1e-13(1 + ‖θ‖∞), so ≤ 1e-10 + a few ε·f ≈ 1e-12 relative to χ² is expected; 1e-8 leaves room, while an end at the Wald value instead is off by ≥ 1e-3"),
        [],
        "CoefficientInferenceTests.Profile_interval_of_the_log_odds_ratio_matches_the_two_by_two_likelihood_ratio",
        "VerificationTests.Verify_logreg_at_lambda_zero_reports_profile_intervals_around_each_estimate",
        "CoefficientInferenceTests.Profile_deviance_is_zero_at_the_estimate_and_chi_square_at_the_interval_ends");

    /// <summary>Percentile-bootstrap prediction intervals against the delta method's, on the logit.</summary>
    public static CheckDefinition BootstrapPredictionIntervals { get; } = Consistency("logreg-prediction-bootstrap-delta", "logreg prediction intervals: percentile bootstrap vs delta method",
        "at 10 rows x, the ends of the 95 % percentile-bootstrap interval of σ(x̃ᵀθ) (B = 1,000 refits on resampled training rows, n = 5,000, x ~ N(0, I₂), y ~ Bernoulli(σ(−1 + 0.8x₁ − 0.5x₂)), λ = 0), mapped back to the logit, against the delta method's ẑ ∓ z₀.₉₇₅·σ, σ = √(x̃ᵀH⁻¹x̃): max |Δ| / σ; the delta interval at half width (a negative control) must fail",
        FraudTolerances.BootstrapPercentile(1000),
        [], "CoefficientInferenceTests.Bootstrap_prediction_intervals_agree_with_the_delta_method_within_their_Monte_Carlo_error");

    /// <summary>The Wald (and profile) interval's coverage over the n × event-rate grid, against 95 % where the asymptotics hold.</summary>
    public static CheckDefinition WaldCoverageGrid { get; } = Consistency("logreg-wald-coverage-grid", "logreg Wald and profile slope-interval coverage over n and event rate",
        "CoverageSimulation.Grid: S = 1,000 data sets per cell (x ~ N(0, I₂), y ~ Bernoulli(σ(b + 0.8x₁ − 0.5x₂)), b set for event rate π, λ = 0); the share of data sets with a finite MLE whose 95 % Wald interval of w₁ covers 0.8, against 0.95 in standard errors √(0.95·0.05/m), m the data sets with a finite MLE — asserted to hold where the asymptotics do (π = 0.5, n = 200 and 1,000: ≥ 100 events), and for the profile-likelihood interval at π = 0.5, n = 200; the small-n, rare-event cells are asserted as findings (outside the band, or most coverage lost to data sets with no MLE)", StandardErrorBound,
        [], "CoefficientInferenceTests.Wald_slope_coverage_holds_for_balanced_classes_and_departs_from_95_percent_with_few_events");

    /// <summary>Our metric code against ML.NET's Evaluate on the same probabilities (the run's from-scratch predictions, or verify's input), ML.NET applying the threshold itself.</summary>
    public static CheckDefinition MetricsOnOurPredictions { get; } = Library("metrics-evaluate", "metrics: from-scratch vs Evaluate on the same probabilities",
        "AUC and lower-trapezoid AUPRC of the probabilities, log-loss (nats; ML.NET's bits × ln 2), and F1, precision, recall, accuracy of p ≥ t — ML.NET deciding by its own rule Score > 0 on Score = p − c, c just below t — on the same float32 values: max |Δ| over the seven",
        FraudTolerances.SameScoresMetrics,
        [RunFraud, VerifyMetrics],
        "MetricsTests.Metrics_match_MLNet_Evaluate_on_the_same_scores",
        "MetricsTests.Metrics_checks_fail_on_a_NaN_from_either_side",
        "VerificationTests.Verify_metrics_agrees_with_MLNet_and_names_its_fields",
        "VerificationTests.Verify_metrics_fails_on_a_NaN_metric");

    /// <summary>Our metric code against ML.NET's Evaluate on ML.NET's own logistic-regression output.</summary>
    public static CheckDefinition MetricsOnMLNetPredictions { get; } = Library("metrics-evaluate-mlnet-predictions", "metrics: from-scratch vs Evaluate on ML.NET's own predictions",
        "ML.NET LbfgsLogisticRegression's own Score, Probability and PredictedLabel: AUC and lower-trapezoid AUPRC of Score, log-loss of Probability, F1, precision, recall, accuracy of Score > 0 — by our code and by Evaluate: max |Δ| over the seven",
        FraudTolerances.SameScoresMetrics,
        [RunFraud],
        "MetricsTests.Metrics_match_MLNet_Evaluate_on_MLNets_own_predictions",
        "MetricsTests.Metrics_checks_fail_on_a_NaN_from_either_side");

    /// <summary>The PCA anomaly score the reported models use, from scratch against ML.NET's RandomizedPca, row by row.</summary>
    public static CheckDefinition AnomalyScores { get; } = Library("pca-scores-mlnet", "PCA anomaly score: mlnet vs from-scratch",
        "s(x) = √((‖r‖² − ‖Uᵀr‖²)/‖r‖²), r = x − μ, U the top-k eigenvectors of the legitimate rows' covariance (Jacobi) vs RandomizedPca's Score at the same k: max |Δs|",
        FraudTolerances.AnomalyScores,
        [RunFraud],
        "AnomalyTests.PCA_score_checks_fail_on_a_NaN_and_on_the_wrong_rank");

    /// <summary>The same comparison on data with a planted, well-separated spectrum, where it can be tight.</summary>
    public static CheckDefinition AnomalyScoresPlanted { get; } = Library("pca-scores-mlnet-planted", "PCA anomaly score: mlnet vs from-scratch, planted spectrum",
        "s(x) from scratch vs RandomizedPca's Score at k = 3 and 5 on rows whose top-5 subspace is separated by clear eigen-gaps: max |Δs|",
        FraudTolerances.AnomalyScoresPlanted,
        [],
        "AnomalyTests.PCA_anomaly_scores_match_MLNet_RandomizedPca_at_the_same_rank",
        "AnomalyTests.PCA_score_checks_fail_on_a_NaN_and_on_the_wrong_rank");

    /// <summary>The bootstrap's AUC variance against its B → ∞ limit from DeLong's components, at the default B.</summary>
    public static CheckDefinition BootstrapVsDeLong { get; } = BootstrapVsDeLongAt(FraudRunOptions.DefaultBootstrapReplicates);

    /// <summary>Σ over tie groups (fast AUC) against the O(P·N) Mann–Whitney count.</summary>
    public static CheckDefinition AucMannWhitney { get; } = Consistency("auc-mann-whitney", "AUC: sort and sweep vs pairwise definition",
        "Σ_g w⁺_g(N − N_above − w⁻_g) + ½w⁺_g·w⁻_g over tie groups = Σᵢ∈pos Σⱼ∈neg [sᵢ > sⱼ] + ½[sᵢ = sⱼ], both over P·N",
        new Tolerance("Exact", 0, "both are sums of integers and halves below 2⁵³ (exact in float64) divided once by P·N, so they agree to the last bit"),
        [], "MetricsTests.Sorted_AUC_equals_the_pairwise_Mann_Whitney_definition");

    /// <summary>The AUC against the trapezoid area under the ROC points.</summary>
    public static CheckDefinition AucTrapezoid { get; } = Consistency("auc-trapezoid", "AUC vs trapezoid area of the ROC points",
        "AUC = Σₖ (FPRₖ − FPRₖ₋₁)(TPRₖ + TPRₖ₋₁)/2 over RocCurve.Points", SumOfRatios,
        [], "MetricsTests.AUC_equals_the_trapezoid_area_under_the_ROC_points");

    /// <summary>Step-wise average precision against its brute-force definitions.</summary>
    public static CheckDefinition AveragePrecisionDefinition { get; } = Consistency("ap-definition", "average precision vs its definitions",
        "AP = (1/P)·Σᵢ∈pos wᵢ·precision(sᵢ), precision(t) = Σ_{y=1, s ≥ t} w / Σ_{s ≥ t} w (ties grouped), = Σₖ (Rₖ − Rₖ₋₁)·Pₖ over distinct thresholds; the AP the run reports has no .NET twin", SumOfRatios,
        [], "MetricsTests.Average_precision_equals_the_mean_precision_at_each_positives_rank",
        "MetricsTests.Average_precision_equals_the_sum_over_distinct_thresholds_of_recall_step_times_precision");

    /// <summary>Integer row weights against repeated rows.</summary>
    public static CheckDefinition WeightsAsRepetitions { get; } = Consistency("weights-as-repetitions", "weighted AUC and AP vs repeated rows",
        "AUC and AP with integer weights wᵢ = AUC and AP of the data with row i repeated wᵢ times (what each bootstrap replicate relies on)",
        new Tolerance("Exact", 0, "both sweeps see the same distinct scores with the same integer counts and do the same operations on them, so the results agree to the last bit"),
        [], "MetricsTests.Integer_weights_equal_repeating_rows");

    /// <summary>One bootstrap replicate's one-pass sweep against the metrics of its weighted rows.</summary>
    public static CheckDefinition BootstrapReplicate { get; } = Consistency("bootstrap-replicate", "bootstrap replicate sweep vs weighted metrics",
        "a replicate's AUC, AP, TPR at each FPR grid value and precision at each recall grid value from BootstrapInterval's one pass over the tie groups = RocCurve.Auc and PrecisionRecallCurve.AveragePrecision with the multiplicities as weights, and the curves by brute force over every threshold with ConfusionMatrix.At",
        new Tolerance("Exact", 0, "integer multiplicities: every count is an exact float64 integer and both sides form the same ratios and sums in the same order, so they agree to the last bit"),
        [], "IntervalsTests.Each_bootstrap_replicate_equals_the_metrics_of_its_weighted_rows");

    /// <summary>Log-loss and Brier against their formulas on four rows worked by hand.</summary>
    public static CheckDefinition ProbabilityScoresFormula { get; } = Consistency("log-loss-brier-formula", "log-loss and Brier vs formula",
        "−(1/n)Σ[y ln p + (1 − y) ln(1 − p)] and (1/n)Σ(p − y)² written out for four rows",
        new Tolerance("FewRoundings", 2e-15, "four terms of magnitude ≤ 3 summed in two orders: |Δ| ≤ 2·4·ε·3 ≈ 5e-15 in the worst case and a few ε·1 in practice; values ≈ 1, so 2e-15 is ≈ 10 ulps"),
        [], "MetricsTests.Log_loss_and_Brier_follow_their_formulas");

    /// <summary>∇f and ∇²f against central differences.</summary>
    public static CheckDefinition FiniteDifferences { get; } = Consistency("logreg-finite-differences", "logreg ∇f, ∇²f vs central differences",
        "∂f/∂θⱼ ≈ (f(θ + h·eⱼ) − f(θ − h·eⱼ))/2h and ∂²f/∂θⱼ∂θₖ from differences of ∇f, h = 1e-6: |Δ| / max(1, |analytic|)",
        new Tolerance("CentralDifference", 1e-6, "central differences err by h²·|f‴|/6 (≈ 1e-12·n here) plus rounding ε·|f|/h: |f| ≤ 200 for n = 200 rows, so ≈ 2.2e-16·200/1e-6 ≈ 4.4e-8; 1e-6 leaves ≥ 20× room, while a wrong derivative is off by O(1)"),
        [], "LogisticRegressionParityTests.Gradient_and_Hessian_match_central_differences");

    /// <summary>The fused one-pass gradient against the readable one.</summary>
    public static CheckDefinition FusedGradient { get; } = Consistency("fused-gradient", "fused ∇f vs readable ∇f",
        "LogisticObjective.GradientAndHessian's ∇f = LogisticObjective.Gradient's, bit for bit",
        new Tolerance("Exact", 0, "the same products added in the same order (the vector body does no fused multiply-add), so the bits must be equal"),
        [], "GradientAndHessianTests.FusedGradientAndHessianEqualTheReadableOnes");

    /// <summary>The one-GEMM Hessian against the row-by-row one.</summary>
    public static CheckDefinition FusedHessian { get; } = Consistency("fused-hessian", "one-GEMM ∇²f vs row-by-row ∇²f",
        "Xᵀ·(SX) with the intercept row and corner = Σᵢ sᵢx̃ᵢx̃ᵢᵀ + λĨ: max |ΔH| / max |H|",
        new Tolerance("ReorderedSums", 1e-12, "each entry is a sum of n ≤ 300 terms in another order (blocked GEMM, FMA); a reordered sum differs by ≤ 2nε·Σ|terms| ≤ 2nε·max|H| (Cauchy–Schwarz bounds Σ|terms| by a diagonal entry) ≈ 7e-14·max|H|"),
        [], "GradientAndHessianTests.FusedGradientAndHessianEqualTheReadableOnes");

    /// <summary>Gradient descent's θ against Newton's, in units of the strong-convexity bound.</summary>
    public static CheckDefinition GradientDescentOptimum { get; } = Consistency("gradient-descent-optimum", "gradient descent vs Newton optimum",
        "|θ_GD − θ_Newton| / (‖∇f(θ_GD)‖₂ / μ), μ = λ_min(∇²f(θ_GD)) (Jacobi)",
        new Tolerance("StrongConvexity", 1, "f is μ-strongly convex, so ‖θ − θ*‖∞ ≤ ‖θ − θ*‖₂ ≤ ‖∇f(θ)‖₂/μ; measured in units of that bound the difference is ≤ 1 (μ is taken at θ_GD, where it differs from its minimum over the segment by O(‖θ − θ*‖), and Newton's own error is ≈ 1e-15)"),
        [], "LogisticRegressionParityTests.Gradient_descent_converges_to_the_Newton_optimum");

    /// <summary>∇f at Newton's θ against zero, in units of the bound Newton's stopping rule leaves.</summary>
    public static CheckDefinition NewtonOptimality { get; } = Consistency("newton-optimality", "∇f = 0 at Newton's θ",
        "‖∇f(θ̂)‖∞ against 0 in units of ‖∇²f‖∞·(τ(1 + ‖θ̂‖∞) + ε‖θ̂‖∞) + γₙ·Σᵢ|pᵢ − yᵢ|·‖x̃ᵢ‖∞ (τ = 1e-13); and, with λ = 1e6 pressing w to ≈ 0, σ(b̂) against ȳ in units of ¼‖ŵ‖₁·max|x| + |∂f/∂b|/n — a penalised intercept would be pressed to 0 too, σ(0) = ½",
        new Tolerance("NewtonStop", 1, "at the stop the last step was ≤ τ(1 + ‖θ‖∞), so ∇f ≈ ∇²f·Δ is at most ‖∇²f‖∞ times that, plus θ's own rounding (ε‖θ‖∞) and the gradient sum's (γₙ = nε/(1 − nε)); and ∂f/∂b = Σᵢ(pᵢ − yᵢ) makes the mean of pᵢ = σ(b + wᵀxᵢ) equal ȳ + (∂f/∂b)/n, from which σ(b) differs by at most ¼·mean|wᵀxᵢ| (σ′ ≤ ¼); each part is ≤ 1 in units of its bound"),
        [], "LogisticRegressionParityTests.Gradient_is_zero_at_the_Newton_optimum_and_intercept_is_not_penalised");

    /// <summary>Jacobi eigenvalues against MathNet's symmetric eigen-decomposition.</summary>
    public static CheckDefinition JacobiMathNet { get; } = Library("jacobi-eigenvalues-mathnet", "Jacobi eigenvalues vs MathNet",
        "λ of A = VΛVᵀ by cyclic Jacobi vs MathNet Evd (symmetric), descending: max |Δλ| / ‖A‖_F", EigenBackwardStable,
        [], "AnomalyTests.Jacobi_eigenvalues_match_MathNet_and_V_diag_VT_rebuilds_A");

    /// <summary>V·diag(λ)·Vᵀ = A and VᵀV = I.</summary>
    public static CheckDefinition JacobiDecomposition { get; } = Consistency("jacobi-decomposition", "Jacobi: VΛVᵀ = A, VᵀV = I",
        "max |VΛVᵀ − A| / ‖A‖_F and max |VᵀV − I|", EigenBackwardStable,
        [], "AnomalyTests.Jacobi_eigenvalues_match_MathNet_and_V_diag_VT_rebuilds_A");

    /// <summary>The PCA error against the residual of the projection written out.</summary>
    public static CheckDefinition PcaResidual { get; } = Consistency("pca-residual", "PCA error vs projection residual",
        "e(x) = ‖r‖² − ‖Uᵀr‖² = ‖r − UUᵀr‖², e = 0 for rows of the data at full rank, and the reported score s(x)² = e(x)/‖r‖²: |Δe| / ‖r‖² and |Δs²|",
        new Tolerance("Cancellation", 1e-12, "‖r‖² − ‖Uᵀr‖² cancels: both are sums of d ≤ 6 squares, so the difference carries ≤ 2dε·‖r‖² ≈ 1.3e-15·‖r‖² of rounding, and the two forms differ by that"),
        [], "AnomalyTests.PCA_error_is_zero_inside_the_subspace_and_equals_the_residual_outside");

    /// <summary>Mahalanobis D² against the quadratic form with MathNet's inverse.</summary>
    public static CheckDefinition MahalanobisMathNet { get; } = Library("mahalanobis-mathnet", "Mahalanobis D² vs MathNet inverse",
        "‖L⁻¹r‖² (Core Cholesky) = rᵀC⁻¹r with MathNet's Inverse(): |ΔD²| / D²",
        new Tolerance("WellConditioned", 1e-12, "both solve with C, κ(C) < 10 here; backward-stable solves leave a relative error ≤ c·d·κ(C)·ε ≈ 1e-14 for d = 4"),
        [], "AnomalyTests.Mahalanobis_matches_the_quadratic_form_with_MathNets_inverse");

    /// <summary>The minimum-cost threshold against brute force over every candidate threshold.</summary>
    public static CheckDefinition CostThresholdBruteForce { get; } = Consistency("cost-threshold-brute-force", "minimum expected cost vs brute force",
        "C(t) = c_FP·FP(t) + c_FN·FN(t) minimised over every distinct score and +∞ by one sweep = min over ConfusionMatrix.At for each t",
        new Tolerance("Exact", 0, "integer costs times integer counts are exact in float64"),
        [], "DecisionsTests.Minimum_expected_cost_threshold_beats_every_candidate_threshold");

    /// <summary>The target-recall threshold against brute force.</summary>
    public static CheckDefinition RecallThresholdBruteForce { get; } = Consistency("recall-threshold-brute-force", "target-recall threshold vs brute force",
        "the largest distinct score t with recall(t) ≥ target, by one sweep and by ConfusionMatrix.At for each t",
        new Tolerance("Exact", 0, "both return one of the input scores, so they are equal or wrong"),
        [], "DecisionsTests.Target_recall_threshold_is_the_largest_that_reaches_the_recall");

    /// <summary>The undersampling correction against Bayes' rule on odds.</summary>
    public static CheckDefinition PriorCorrectionOdds { get; } = Consistency("prior-correction", "prior correction vs Bayes' rule on odds",
        "p/(1 − p) = β·pₛ/(1 − pₛ) for p = βpₛ/(βpₛ − pₛ + 1), and β = 4920/284315 for the ULB sample: relative |Δ|",
        new Tolerance("FewRoundings", 1e-14, "each side is ≤ 6 float64 operations on values of one sign, ≤ 6ε ≈ 1.3e-15 relative"),
        [], "DecisionsTests.Prior_correction_follows_Bayes_rule_for_undersampled_negatives");

    /// <summary>Platt scaling's (a, c) against a planted truth, in standard errors.</summary>
    public static CheckDefinition PlattPlanted { get; } = Consistency("platt-planted", "Platt scaling recovers planted (a, c)",
        "|â − a| and |ĉ − c| in standard errors √((∇²f)⁻¹)ⱼⱼ at the fit, on 20,000 rows drawn from σ(a·s + c)", StandardErrorBound,
        [], "DecisionsTests.Platt_scaling_recovers_a_planted_slope_and_intercept");

    /// <summary>Calibrated probabilities against their observed rates, bin by bin, in standard errors.</summary>
    public static CheckDefinition ReliabilityCalibrated { get; } = Consistency("reliability-calibrated", "reliability curve of calibrated probabilities",
        "|mean p − observed rate| per bin, in standard errors √(p̄(1 − p̄)/count), for p ~ U(0, 1) and y ~ Bernoulli(p)", StandardErrorBound,
        [], "DecisionsTests.Reliability_curve_of_calibrated_probabilities_lies_near_the_diagonal");

    /// <summary>The Wilson interval against its closed form.</summary>
    public static CheckDefinition WilsonClosedForm { get; } = Consistency("wilson-closed-form", "Wilson interval vs closed form",
        "(p̂ + z²/2n ± z√(p̂(1 − p̂)/n + z²/4n²))/(1 + z²/n) written out, z = Φ⁻¹(0.975) from MathNet",
        new Tolerance("FewRoundings", 1e-14, "≤ 10 float64 operations on values ≤ 4, evaluated in another order: ≤ 10·ε·4 ≈ 9e-15"),
        [], "IntervalsTests.Wilson_interval_matches_its_closed_form_and_stays_in_0_1");

    /// <summary>The Wilson interval's simulated coverage against its exact binomial coverage.</summary>
    public static CheckDefinition WilsonCoverage { get; } = Consistency("wilson-coverage", "Wilson coverage: simulation vs exact",
        "the share of S = 4,000 simulated Binomial(n, p) counts whose interval covers p = Σₖ Binom(k; n, p)·[p ∈ Wilson(k, n)], in standard errors √(c(1 − c)/S)", StandardErrorBound,
        [], "IntervalsTests.Wilson_interval_coverage_matches_the_exact_binomial_sum");

    /// <summary>The bootstrap AUC interval's coverage against the nominal 95 %.</summary>
    public static CheckDefinition BootstrapCoverage { get; } = Consistency("bootstrap-coverage", "bootstrap AUC interval coverage",
        "the share of S = 300 simulated binormal data sets (P = 60, N = 240, AUC = Φ(δ/√2)) whose 95 % percentile interval covers the true AUC, against 0.95, in standard errors √(0.95·0.05/S)", StandardErrorBound,
        [], "IntervalsTests.Stratified_bootstrap_AUC_interval_covers_the_true_AUC_about_95_percent_of_the_time");

    /// <summary>DeLong's variance against the Monte-Carlo variance of the AUC.</summary>
    public static CheckDefinition DeLongMonteCarlo { get; } = Consistency("delong-monte-carlo", "DeLong variance vs Monte Carlo",
        "mean DeLong variance / sample variance of the AUC over S = 2,000 simulated data sets, against 1, in standard errors √(2/(S − 1))", StandardErrorBound,
        [], "IntervalsTests.DeLong_variance_matches_the_Monte_Carlo_variance_of_the_AUC");

    /// <summary>DeLong's structural components against the AUC.</summary>
    public static CheckDefinition DeLongComponents { get; } = Consistency("delong-components", "DeLong components average to the AUC",
        "mean V₁₀ = mean V₀₁ = RocCurve.Auc", SumOfRatios,
        [], "IntervalsTests.DeLong_components_average_to_the_AUC");

    /// <summary>DeLong's two-model test's rejection rate under the null against 5 %.</summary>
    public static CheckDefinition DeLongSize { get; } = Consistency("delong-size", "DeLong test size under the null",
        "the share of S = 1,000 null comparisons (two equally noisy copies of one signal) with p < 0.05, against 0.05, in standard errors √(0.05·0.95/S)", StandardErrorBound,
        [], "IntervalsTests.DeLong_test_rejects_about_5_percent_under_the_null_and_detects_a_real_difference");

    /// <summary>Saved logreg-torch against saved logreg-from-scratch on the rows <c>refsol score fraud</c> scores.</summary>
    public static CheckDefinition ScoreTorch { get; } = Library("score-logreg-torch", "score: saved logreg-torch vs saved logreg-from-scratch",
        "the reported (prior-corrected) probabilities of the two loaded models on each scored row z (standardised by the saved μ, s): |p_torch − p_scratch| / (¼·(1 + ‖z‖₁)), since |Δlogit| ≤ ‖Δθ‖∞·(1 + ‖z‖₁), σ′ ≤ ¼ and the prior correction only shifts the logit by ln β",
        new Tolerance("NewtonFloat64PerLogitUnit", FraudTolerances.NewtonFloat64.Value,
            "fraud.logreg-theta-torch holds ‖Δθ‖∞ ≤ NewtonFloat64 in the run that saved the models, and both sides load θ bit for bit; evaluating the logit adds ≤ 2(d + 1)ε·‖θ‖∞·‖z‖₁ (the two summation orders) and σ and the correction a few ε, ≤ 2(d + 1)ε·‖θ‖∞ + 16ε ≈ 7e-14 per unit at d = 30, ‖θ‖∞ = 10 — inside NewtonFloat64's ×10 over its survey; a wrong θ, μ or s, or the two models of different runs, moves p by far more"),
        [ScoreFraud], "SavedModelTests.Score_compares_the_saved_twins_and_fails_on_a_wrong_standardisation");

    /// <summary>Saved logreg-mlnet against saved logreg-from-scratch on the scored rows.</summary>
    public static CheckDefinition ScoreMLNet { get; } = Library("score-logreg-mlnet", "score: saved logreg-mlnet vs saved logreg-from-scratch",
        "the reported probabilities of the two loaded models on each scored row z: |p_mlnet − p_scratch| / (¼·‖θ_scratch‖∞·(1 + ‖z‖₁)), the bound fraud.logreg-theta-mlnet's relative ‖Δθ‖∞ ≤ r·‖θ_scratch‖∞ puts on the probabilities",
        new Tolerance("Float32LbfgsPerLogitUnit", FraudTolerances.Float32LbfgsRelative.Value,
            "fraud.logreg-theta-mlnet holds ‖Δθ‖∞ ≤ Float32LbfgsRelative·‖θ_scratch‖∞ in the run that saved the models; ML.NET's float32 evaluation (z rounded to float32, a float32 sum of d + 1 terms, a float32 probability) adds ≤ (d + 2)·2⁻²⁴·‖θ‖∞·(1 + ‖z‖₁), i.e. ≤ 4(d + 2)·2⁻²⁴ ≈ 7.6e-6 per unit at d = 30, far inside; the bound is a worst case over coefficient directions, so typical differences are orders of magnitude smaller"),
        [ScoreFraud], "SavedModelTests.Score_compares_the_saved_twins_and_fails_on_a_wrong_standardisation");

    /// <summary>Saved pca-anomaly-mlnet's RandomizedPca score against the saved from-scratch PCA score on the scored rows.</summary>
    public static CheckDefinition ScorePcaMLNet { get; } = Library("score-pca-mlnet", "score: saved pca-anomaly-mlnet vs saved pca-anomaly-from-scratch, s(z)",
        "s(z) = √((‖r‖² − ‖Uᵀr‖²)/‖r‖²) of the loaded from-scratch scorer vs the loaded RandomizedPca zip's Score, on every scored row (the .score columns): max |Δs|",
        FraudTolerances.AnomalyScores,
        [ScoreFraud], "SavedModelTests.Score_compares_the_saved_twins_and_fails_on_a_wrong_standardisation");

    /// <summary>The exported logistic-regression graph run by ONNX Runtime against the from-scratch scoring of the same raw rows.</summary>
    public static CheckDefinition OnnxLogReg { get; } = Library("onnx-logreg", "logreg ONNX export: onnxruntime vs from-scratch",
        "p = σ(b + Σⱼ wⱼ·(xⱼ − μⱼ)/sⱼ), then β·p/(β·p − p + 1) with a prior, on held-out raw rows: the float64 graph run by ONNX Runtime against Standardizer.Transform, LogisticModel.Probabilities and PriorCorrection.Correct: max |Δp| / max(|p_onnx|, |p|)", Core.Onnx.OnnxParity.Float64Relative,
        ["score fraud --engine onnx"],
        "LogisticRegressionOnnxTests.OnnxRuntime_scores_held_out_rows_as_the_from_scratch_model_does",
        "LogisticRegressionOnnxTests.OnnxRuntime_scores_the_credit_card_samples_time_split_test_rows_as_the_from_scratch_model_does",
        "LogisticRegressionOnnxTests.A_wrong_initializer_or_a_missing_prior_breaks_parity",
        "LogisticRegressionOnnxTests.A_column_the_standardizer_rescales_by_a_power_of_two_is_exported_exactly");

    /// <summary>ML.NET's logistic regression and FastTree, converted by ML.NET's OnnxConverter, run by ONNX Runtime against ML.NET's own Probability column.</summary>
    public static CheckDefinition OnnxMLNet { get; } = Library("onnx-mlnet", "ML.NET ONNX export: onnxruntime vs ML.NET",
        "p = σ(a·s + c) (ML.NET's Platt calibrator on the score s: b + wᵀx for the logistic regression, bias + Σ leaf values for FastTree), float32 on both sides: |Δp| in units of its per-row rounding bound ¼·(|a|·2γ_{n+1}·S + 4u·(|a·s| + |c|)) + 16u, u = 2⁻²⁴, S = |b| + Σ|wⱼxⱼ| (or |bias| + Σₜ max|leafₜ|), n = d (or the tree count)",
        new Tolerance("Float32RoundingBound", 1.0,
            "both sides compute in float32 from the same float32 features: the score's sum order moves it by ≤ 2γ_{n+1}·S, the calibrator's multiply and add by ≤ 4u·(|a·s| + |c|), σ passes that on × ¼, and the two float32 sigmoid kernels (ORT's MLAS approximation, ML.NET's MathF.Exp) are allowed 8 ulps of a value in [½, 1) each (16u); a ratio ≤ 1 is within the bound"),
        [],
        "MLNetOnnxTests.OnnxRuntime_runs_MLNets_converted_logistic_regression_and_FastTree_as_MLNet_scores_them");

    /// <summary>ML.NET's feature contributions of its logistic regression against wⱼ·zᵢⱼ with its own weights.</summary>
    public static CheckDefinition ContributionsMLNet { get; } = Library("contributions-mlnet", "logreg contributions: ML.NET CalculateFeatureContribution vs wⱼ·zᵢⱼ with its weights",
        "logreg-mlnet's FeatureContributions (all d kept) against fl₃₂(wⱼ·fl₃₂(zᵢⱼ)) with its float32 weights w, both with normalize: false and with normalize: true (the default, which multiplies a row by fl₃₂(1/maxⱼ|cᵢⱼ|)): max |Δc|",
        new Tolerance("Exact", 0, "ML.NET multiplies the float32 w and x once in float32 (LinearModelParameters.GetFeatureContributions, VectorUtils.MulElementWise), and the float64 product of two float32 values is exact (24 + 24 bits ≤ 53), so rounding it to float32 gives the same correctly rounded value; normalising is one float32 division and one float32 product per entry, done the same way on both sides"),
        [RunFraud],
        "ExplanationsTests.MLNet_contributions_equal_its_weights_times_the_features_raw_and_normalised");

    /// <summary>The from-scratch contributions against ML.NET's, bounded by the two fits' θ difference.</summary>
    public static CheckDefinition ContributionsScratchMLNet { get; } = Library("contributions-scratch-mlnet", "logreg contributions: from-scratch vs ML.NET CalculateFeatureContribution",
        "cᵢⱼ = wⱼ^scratch·zᵢⱼ (LinearContributions) against logreg-mlnet's FeatureContributions with normalize: false and all d kept: max |Δc| / (‖θ_scratch‖∞·|zᵢⱼ|)",
        new Tolerance("ThetaMLNetBound", FraudTolerances.Float32LbfgsRelative.Value + ((1 + FraudTolerances.Float32LbfgsRelative.Value) * ((2 * Float32Unit) + (Float32Unit * Float32Unit))),
            "|wⱼ^s·z − fl₃₂(wⱼ^m·fl₃₂(z))| ≤ |wⱼ^s − wⱼ^m|·|z| + |wⱼ^m|·|z|·(2u + u²), u = 2⁻²⁴; the check logreg-theta-mlnet bounds |wⱼ^s − wⱼ^m| ≤ τ·‖θ_scratch‖∞ with τ = Float32LbfgsRelative, so |wⱼ^m| ≤ (1 + τ)·‖θ_scratch‖∞ and the difference in units of ‖θ_scratch‖∞·|z| is ≤ τ + (1 + τ)(2u + u²); a contribution of the wrong feature, sign or scale is off by O(1)"),
        [RunFraud],
        "ExplanationsTests.From_scratch_contributions_match_MLNet_within_the_theta_bound",
        "ExplanationsTests.Contribution_checks_fail_on_a_NaN_and_on_the_intercept_folded_in");

    /// <summary>Our permutation importance of logreg-mlnet against ML.NET's PFI of it.</summary>
    public static CheckDefinition PermutationImportanceLogReg { get; } = PermutationMeans("logreg-mlnet",
        "ExplanationsTests.PFI_agrees_with_MLNet_on_the_credit_card_sample",
        "ExplanationsTests.PFI_agreement_fails_against_a_mislabelled_feature_order");

    /// <summary>The top five features of logreg-mlnet by both PFIs.</summary>
    public static CheckDefinition PermutationTopLogReg { get; } = PermutationTop("logreg-mlnet",
        "ExplanationsTests.PFI_agrees_with_MLNet_on_the_credit_card_sample",
        "ExplanationsTests.PFI_agreement_fails_against_a_mislabelled_feature_order");

    /// <summary>Our permutation importance of fasttree-mlnet against ML.NET's PFI of it.</summary>
    public static CheckDefinition PermutationImportanceFastTree { get; } = PermutationMeans("fasttree-mlnet",
        "ExplanationsTests.PFI_agrees_with_MLNet_on_the_credit_card_sample");

    /// <summary>The top five features of fasttree-mlnet by both PFIs.</summary>
    public static CheckDefinition PermutationTopFastTree { get; } = PermutationTop("fasttree-mlnet",
        "ExplanationsTests.PFI_agrees_with_MLNet_on_the_credit_card_sample");

    /// <summary>Every check of the fraud solution.</summary>
    public static IReadOnlyList<CheckDefinition> All { get; } =
    [
        ThetaTorch, ThetaMLNet, ObjectiveMLNet, StandardErrorsTorch, StandardErrorsMathNet, StandardErrorsClosedForm, StandardErrorsRawUnits, WaldCoverage, WaldCoverageGrid, ProfileInterval, BootstrapPredictionIntervals, MetricsOnOurPredictions, MetricsOnMLNetPredictions, AnomalyScores, AnomalyScoresPlanted, BootstrapVsDeLong,
        AucMannWhitney, AucTrapezoid, AveragePrecisionDefinition, WeightsAsRepetitions, BootstrapReplicate, ProbabilityScoresFormula,
        FiniteDifferences, FusedGradient, FusedHessian, GradientDescentOptimum, NewtonOptimality,
        JacobiMathNet, JacobiDecomposition, PcaResidual, MahalanobisMathNet,
        CostThresholdBruteForce, RecallThresholdBruteForce, PriorCorrectionOdds, PlattPlanted, ReliabilityCalibrated,
        WilsonClosedForm, WilsonCoverage, BootstrapCoverage, DeLongMonteCarlo, DeLongComponents, DeLongSize,
        ScoreTorch, ScoreMLNet, ScorePcaMLNet,
        OnnxLogReg, OnnxMLNet,
        ContributionsMLNet, ContributionsScratchMLNet, PermutationImportanceLogReg, PermutationTopLogReg, PermutationImportanceFastTree, PermutationTopFastTree,
    ];

    /// <summary>The bootstrap-vs-DeLong check with the tolerance for <paramref name="replicates"/> = B.</summary>
    public static CheckDefinition BootstrapVsDeLongAt(int replicates) => Consistency("bootstrap-delong", "AUC variance: bootstrap vs DeLong (B → ∞ limit)",
        "the sample variance of the B stratified-bootstrap AUC replicates vs V∞ = [(N − 1)σ̂₁₀² + (P − 1)σ̂₀₁² + σ̂²_ψ]/(PN) from DeLong's components (the bootstrap's exact limit; DeLong's S₁₀/P + S₀₁/N is V∞·(1 + O(1/P + 1/N))): |Δ| / V∞",
        FraudTolerances.BootstrapVariance(replicates),
        [RunFraud],
        "IntervalsTests.Bootstrap_variance_matches_its_limit_from_DeLongs_components",
        "IntervalsTests.Bootstrap_DeLong_check_fails_on_a_NaN");

    private static CheckDefinition PermutationMeans(string model, params string[] tests) => Library("pfi-mlnet-" + model.Split('-')[0], $"permutation importance of {model}: from scratch vs ML.NET PFI",
        $"per feature, the mean AUC drop AUC − AUC(permuted) over R permutations of the test rows' column, by Explanations.PermutationImportance (our shuffles, {model}'s Probability) and by BinaryClassification.PermutationFeatureImportance (its shuffles, Score; its permuted − baseline negated), on the same rows: max over the d features of |m₁ − m₂| / (k·√(se₁² + se₂²)), se = s/√R on each side, k = t⁻¹_ν(1 − 0.001/(2d)) with ν the Welch–Satterthwaite degrees of freedom (a feature no permutation moved on either side: |m₁ − m₂| / 1e-12)",
        new Tolerance("PfiFamilyWise", 1, "two independent estimates of one expectation (the same model and rows, only the shuffles differ): (m₁ − m₂)/√(se₁² + se₂²) is ≈ Student t with ν degrees of freedom, so k makes the chance that any of the d features of a correct pair exceeds its allowance ≈ 0.1 % (Bonferroni). The issue's 3 combined SE per feature fails a correct pair far too often: P(|t_ν| > 3) ≈ 0.8–1.5 % per feature for ν = 18–9, so ≈ 36–58 % of runs over 2 × 29 features (seen in development runs at seed 42: 3.3 and 3.7 SE on one feature each on the generated data and the credit-card sample, all other features' standardised differences spread as N(0, 1.1²)); at R = 10, d = 29, k ≈ 5.5 (ν = 18) to 7.6 (ν = 9). A mislabelled feature order is off by tens of units"),
        [RunFraud], tests);

    private static CheckDefinition PermutationTop(string model, params string[] tests) => Library("pfi-top5-mlnet-" + model.Split('-')[0], $"permutation importance of {model}: top 5 from scratch vs ML.NET PFI",
        $"the five features of largest mean AUC drop by Explanations.PermutationImportance and by ML.NET's PermutationFeatureImportance on {model} (the same R and rows as the means check), identical up to ties: for every feature j in either set, each side's shortfall gⱼ = max(0, m₅ − mⱼ)/(k·√(se₅² + seⱼ²)) below its own fifth feature's mean (0 inside its set; k as in the means check): max |g₁ⱼ − g₂ⱼ|",
        new Tolerance("TopFiveUpToTies", 1, "the issue asks for identical top-5 sets, but where the fifth and sixth features' mean drops lie within their noise the sets swap between two correct estimates (seen in development runs: fasttree-mlnet on the credit-card sample with V7 and V15 0.6 SE apart on ML.NET's side; logreg-mlnet on the generated data, seed 42, with V3, V6 and V7 within 1 SE); so a feature may be missing from one side's set only if it is within the means check's allowance of that side's fifth. Identical sets give 0; a mislabelled feature order is off by tens"),
        [RunFraud], tests);

    private static double Float32Unit => Math.ScaleB(1.0, -24);

    private static CheckDefinition Library(string id, string title, string identity, Tolerance tolerance, string[] where, params string[] tests) =>
        new("fraud." + id, "fraud", CheckKinds.Library, title, identity, tolerance, where, tests);

    private static CheckDefinition Consistency(string id, string title, string identity, Tolerance tolerance, string[] where, params string[] tests) =>
        new("fraud." + id, "fraud", CheckKinds.Consistency, title, identity, tolerance, where, tests);
}
