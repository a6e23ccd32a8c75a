using ReferenceSolutions.Core.Reporting;

namespace ReferenceSolutions.Recommender;

/// <summary>
/// The registry of this solution's parity and consistency checks (runs, verify and tests); every run-time
/// <see cref="ParityCheck"/> of the solution is made from one of these, and docs/parity.md is generated from them.
/// </summary>
public static class RecommenderChecks
{
    private const string Solution = "recommender";
    private const string Run = "run recommender";
    private const string VerifySvd = "verify svd";
    private const string VerifyPca = "verify pca";
    private const string RunTest = "RealDataTests.DefaultRunPassesEveryCheckAndRecoversThePlantedRank";
    private const string Score = "score recommender";

    /// <summary>MF-SGD from scratch vs its TorchSharp twin, μ, b, P, Q after every epoch.</summary>
    public static CheckDefinition SgdTwin { get; } = new("recommender.mf-sgd-torch", Solution, CheckKinds.Library,
        "mf-sgd: from-scratch vs torch, every epoch",
        "μ, bᵤ, bᵢ, P, Q after each epoch: MfSgd vs TorchSharp autograd + optim.SGD from the same initial factors, rating order, η and λ",
        RecommenderTolerances.SgdFactorsPerEpoch, [Run],
        [RunTest, "MatrixFactorizationParityTests.SgdTwinMatchesEveryEpoch", "MatrixFactorizationParityTests.NanInEitherSgdTwinFailsNamingItsSide"]);

    /// <summary>ALS by Cholesky vs its TorchSharp twin by torch.linalg.solve, after every epoch.</summary>
    public static CheckDefinition AlsTwin { get; } = new("recommender.als-torch", Solution, CheckKinds.Library,
        "als: from-scratch (Cholesky) vs torch (linalg.solve), every epoch",
        "μ, bᵤ, bᵢ, P, Q after each epoch: Als vs TorchAls from the same initial factors and λ",
        RecommenderTolerances.AlsFactorsPerEpoch, [Run],
        [RunTest, "MatrixFactorizationParityTests.AlsTwinMatchesEveryEpoch", "MatrixFactorizationParityTests.NanInEitherAlsTwinFailsNamingItsSide"]);

    /// <summary>σ of the learned P·Qᵀ (the k×k core R_P·R_Qᵀ) by one-sided Jacobi vs torch.linalg.svd.</summary>
    public static CheckDefinition LearnedSpectrum { get; } = new("recommender.mf-spectrum-torch", Solution, CheckKinds.Library,
        "σ of the learned P·Qᵀ: from-scratch (Jacobi) vs torch",
        "max|σⱼ − σⱼ'| / σ₁ of R_P·R_Qᵀ (thin QRs P = Q_P·R_P, Q = Q_Q·R_Q), for the reported mf-sgd and als models",
        RecommenderTolerances.SingularValues, [Run], [RunTest]);

    /// <summary>Singular values, one-sided Jacobi vs torch.linalg.svd.</summary>
    public static CheckDefinition SingularValuesTorch { get; } = new("recommender.svd-sigma-torch", Solution, CheckKinds.Library,
        "svd σ: from-scratch (Jacobi) vs torch",
        "max|σⱼ − σⱼ'| / σ₁ (σ₁ of the from-scratch side; absolute for A = 0)",
        RecommenderTolerances.SingularValues, [Run, VerifySvd],
        [RunTest, "SvdParityTests.JacobiMatchesTorchOnTheRunMatrix", "SvdParityTests.NanInASingularValueFailsNamingItsSide", "VerificationTests.SvdReportDecidesOnEveryComparison", "VerificationTests.NanInOneSvdFailsVerifyNamingIt"]);

    /// <summary>Singular values of every SVD here (Jacobi, Golub–Kahan, blocked Golub–Kahan, torch) vs MathNet's.</summary>
    public static CheckDefinition SingularValuesMathNet { get; } = new("recommender.svd-sigma-mathnet", Solution, CheckKinds.Library,
        "svd σ: vs MathNet",
        "max|σⱼ − σⱼ(MathNet)| / σ₁ for Jacobi, Golub–Kahan, blocked Golub–Kahan and torch (MathNet on A scaled by an exact power of two)",
        RecommenderTolerances.SingularValues, [VerifySvd],
        ["SvdParityTests.SpecialMatricesMatchTheOracle", "SvdParityTests.RandomShapesMatchTheOracle", "SvdParityTests.NanInASingularValueFailsNamingItsSide", "VerificationTests.SvdReportDecidesOnEveryComparison"]);

    /// <summary>Golub–Kahan vs one-sided Jacobi: two from-scratch SVDs.</summary>
    public static CheckDefinition GolubKahanVsJacobi { get; } = new("recommender.svd-golub-kahan-jacobi", Solution, CheckKinds.Consistency,
        "svd σ: from-scratch Golub–Kahan vs from-scratch Jacobi",
        "max|σⱼ − σⱼ'| / σ₁",
        RecommenderTolerances.SingularValues, [Run],
        [RunTest, "SvdParityTests.GolubKahanMatchesJacobi", "SvdParityTests.NanInGolubKahanFailsTheConsistencyCheck"]);

    /// <summary>The blocked Golub–Kahan SVD against the readable Golub–Kahan and against its definition, in units of max(r, c)·ε.</summary>
    public static CheckDefinition BlockedGolubKahan { get; } = new("recommender.svd-blocked-golub-kahan", Solution, CheckKinds.Consistency,
        "svd: blocked Golub–Kahan vs readable Golub–Kahan and its definition",
        "max of |σⱼ − σⱼ(readable)| / σ₁, ‖UΣVᵀ − A‖_max / σ₁, ‖UᵀU − I‖_max and ‖VᵀV − I‖_max, each in units of max(r, c)·ε (σ₁ the readable side's; 1 for A = 0), at every vector width",
        RecommenderTolerances.BlockedSvdBackwardError, [],
        ["BlockedGolubKahanSvdTests.RandomShapesMatchTheReadableSvdAndTheDefinition", "BlockedGolubKahanSvdTests.SpecialMatricesMatchTheReadableSvdAndTheDefinition", "BlockedGolubKahanSvdTests.AWrongSingularValueOrANanFailsTheCheck"]);

    /// <summary>An SVD against its definition: A = UΣVᵀ, UᵀU = I, VᵀV = I.</summary>
    public static CheckDefinition Reconstruction { get; } = new("recommender.svd-reconstruction", Solution, CheckKinds.Consistency,
        "svd reconstruction and orthonormality",
        "max(‖UΣVᵀ − A‖_max / σ₁, ‖UᵀU − I‖_max, ‖VᵀV − I‖_max) for each implementation",
        RecommenderTolerances.Reconstruction, [Run, VerifySvd],
        [RunTest, "SvdParityTests.SpecialMatricesMatchTheOracle", "SvdParityTests.RandomShapesMatchTheOracle", "SvdParityTests.NanInAFactorFailsTheReconstructionNamingIt", "VerificationTests.SvdReportDecidesOnEveryComparison"]);

    /// <summary>Singular vectors vs MathNet, for distinct σ.</summary>
    public static CheckDefinition SingularVectorsMathNet { get; } = new("recommender.svd-vectors-mathnet", Solution, CheckKinds.Library,
        "svd U, V: vs MathNet (distinct σ, shared sign convention)",
        "max|U − U'|, max|V − V'| over the leading columns",
        RecommenderTolerances.SingularVectors, [],
        ["SvdParityTests.VectorsMatchTheOracleUpToTheSharedSignConvention", "SvdParityTests.NanInASingularVectorFailsNamingItsSide"]);

    /// <summary>PCA axes, from scratch (Jacobi) vs torch.</summary>
    public static CheckDefinition PcaAxesTorch { get; } = new("recommender.pca-axes-torch", Solution, CheckKinds.Library,
        "pca axes: from-scratch vs torch",
        "max|Vₖᵀ − Vₖ'ᵀ| (unit axes, shared sign convention)",
        RecommenderTolerances.PcaAxes, [Run, VerifyPca],
        [RunTest, "PcaParityTests.TorchTwinGivesTheSameAxesAndVariances", "PcaParityTests.NanInTheTorchAxesFailsNamingTorch", "VerificationTests.PcaReportDecidesOnEveryComparison", "VerificationTests.NanInOnePcaFailsVerifyNamingIt"]);

    /// <summary>PCA explained variance, from scratch vs torch.</summary>
    public static CheckDefinition PcaVarianceTorch { get; } = new("recommender.pca-variance-torch", Solution, CheckKinds.Library,
        "pca explained variance: from-scratch vs torch",
        "max|λᵢ − λᵢ'| / λ₁, λᵢ = σᵢ²/(N − 1)",
        RecommenderTolerances.ExplainedVariance, [VerifyPca],
        ["PcaParityTests.TorchTwinGivesTheSameAxesAndVariances", "VerificationTests.PcaReportDecidesOnEveryComparison"]);

    /// <summary>PCA explained variance vs the eigenvalues of the sample covariance by MathNet.</summary>
    public static CheckDefinition PcaVarianceMathNet { get; } = new("recommender.pca-variance-mathnet", Solution, CheckKinds.Library,
        "pca explained variance: from-scratch vs MathNet's eigenvalues of the sample covariance",
        "max|λᵢ − eig(X_cᵀX_c/(N − 1))ᵢ| / λ₁ and the explained-variance ratio λ₁/Σλ",
        RecommenderTolerances.ExplainedVariance, [],
        ["PcaParityTests.ExplainedVarianceIsTheSampleCovarianceSpectrum"]);

    /// <summary>PCA with every component against its definition: orthonormal axes, X̂ = X.</summary>
    public static CheckDefinition PcaRoundTrip { get; } = new("recommender.pca-round-trip", Solution, CheckKinds.Consistency,
        "pca with all components: orthonormal axes and X̂ = X",
        "max(‖VₖVₖᵀ − I‖_max, ‖Z·Vₖᵀ + 1μᵀ − X‖_max / max|X|) with K = d",
        RecommenderTolerances.Reconstruction, [],
        ["PcaParityTests.AxesAreOrthonormalAndSignedAndAllComponentsReconstructTheData"]);

    /// <summary>ML.NET's K-subspace vs the exact one.</summary>
    public static CheckDefinition MLNetSubspace { get; } = new("recommender.pca-subspace-mlnet", Solution, CheckKinds.Library,
        "pca subspace: from-scratch vs ML.NET ProjectToPrincipalComponents",
        "θ / (√N·u₃₂·λ₁/(λ_K − λ_{K+1})): the largest principal angle θ between the K-subspaces, in units of float32 rounding over the eigen-gap (θ in radians is under 'worst')",
        RecommenderTolerances.MLNetSubspace, [Run, VerifyPca],
        [RunTest, "PcaParityTests.MLNetSpansTheSameSubspace", "PcaParityTests.NanInEitherSubspaceFailsNamingItsSide", "VerificationTests.PcaReportDecidesOnEveryComparison", "VerificationTests.NanInOnePcaFailsVerifyNamingIt"]);

    /// <summary>ML.NET's explained variances vs the exact ones.</summary>
    public static CheckDefinition MLNetVariance { get; } = new("recommender.pca-variance-mlnet", Solution, CheckKinds.Library,
        "pca explained variance: from-scratch vs ML.NET",
        "max|λᵢ − λᵢ'| / (√N·u₃₂·λ₁)",
        RecommenderTolerances.MLNetVariance, [VerifyPca],
        ["PcaParityTests.MLNetSpansTheSameSubspace", "VerificationTests.PcaReportDecidesOnEveryComparison"]);

    /// <summary>The principal-angle formula against a rotation by a known angle.</summary>
    public static CheckDefinition SubspaceAngle { get; } = new("recommender.subspace-angle-closed-form", Solution, CheckKinds.Consistency,
        "principal angle: sin θ = ‖B − BAᵀA‖₂ vs a known rotation",
        "|θ − θ_true| for a line rotated by θ_true",
        RecommenderTolerances.ClosedForm, [],
        ["PcaParityTests.SubspaceAngleSeesARotation"]);

    /// <summary>Randomized SVD against its probabilistic error bound.</summary>
    public static CheckDefinition RandomizedSvdBound { get; } = new("recommender.randomized-svd-bound", Solution, CheckKinds.Consistency,
        "randomized svd: error within the Halko–Martinsson–Tropp bound",
        "(‖A − Ãₖ‖₂ − σₖ₊₁) / (f·σₖ₊₁), f = (1 + 9·√(k+p)·√min(r, c))^{1/(2q+1)}; ‖·‖₂ and σ by the exact Jacobi SVD",
        RecommenderTolerances.RandomizedSvdBound, [],
        ["RandomizedSvdTests.ErrorIsWithinTheHalkoMartinssonTroppBound", "RandomizedSvdTests.NanInTheRandomizedFactorsFailsTheBound"]);

    /// <summary>Randomized SVD's top σ on a gapped spectrum vs the planted ones.</summary>
    public static CheckDefinition RandomizedSvdTop { get; } = new("recommender.randomized-svd-top", Solution, CheckKinds.Consistency,
        "randomized svd: top σ of a gapped spectrum vs the planted σ",
        "max|σⱼ − σⱼ(planted)| / σ₁, j ≤ k",
        RecommenderTolerances.SingularValues, [],
        ["RandomizedSvdTests.PowerIterationsRecoverTheTopSingularValuesOfAGappedSpectrum"]);

    /// <summary>σ(P·Qᵀ) from the k×k core vs MathNet's SVD of the full product.</summary>
    public static CheckDefinition LowRankSpectrum { get; } = new("recommender.low-rank-spectrum-mathnet", Solution, CheckKinds.Library,
        "σ of P·Qᵀ: k×k core (from scratch) vs MathNet on the m×n product",
        "max|σⱼ − σⱼ'| / σ₁",
        RecommenderTolerances.SingularValues, [],
        ["LowRankSpectrumTests.SpectrumOfTheFactorsEqualsTheSpectrumOfTheProduct"]);

    /// <summary>The vectorized inner product vs the plain loop.</summary>
    public static CheckDefinition FactorDot { get; } = new("recommender.factor-dot", Solution, CheckKinds.Consistency,
        "pᵤ·qᵢ: vectorized (FMA) vs the plain loop",
        "|fast − plain| / Σ_f |p_f·q_f|",
        RecommenderTolerances.FactorDot, [],
        ["FactorDotTests.AgreesWithThePlainLoopToRoundingOfTheAbsoluteSum"]);

    /// <summary>The fast SGD paths (vectorized step, gathered and prefetched epochs) vs the plain step.</summary>
    public static CheckDefinition SgdFastPath { get; } = new("recommender.mf-sgd-fast-path", Solution, CheckKinds.Consistency,
        "mf-sgd: vectorized step and Train vs the plain Step",
        "e and μ, bᵤ, bᵢ, P, Q after the same steps",
        RecommenderTolerances.BitForBit, [],
        ["MfSgdVectorizedStepTests.VectorizedStepEqualsTheReferenceStepBitForBit", "MfSgdVectorizedStepTests.TrainTakesTheReferenceStepsInOrder"]);

    /// <summary>The SGD step against central differences of ℓᵤᵢ.</summary>
    public static CheckDefinition SgdStepGradient { get; } = new("recommender.mf-sgd-step-finite-difference", Solution, CheckKinds.Consistency,
        "mf-sgd step: −Δθ/η vs central differences of ℓᵤᵢ",
        "|(θ − θ')/η − (ℓ(θ + h) − ℓ(θ − h))/2h| / max(|g|, 1) for bᵤ, bᵢ, pᵤ, qᵢ (h = 1e-6)",
        RecommenderTolerances.CentralDifference, [],
        ["MatrixFactorizationParityTests.SgdStepIsMinusLearningRateTimesTheCentralDifferenceGradient"]);

    /// <summary>A compact re-indexed sample predicts as the full state does.</summary>
    public static CheckDefinition SampleReindexing { get; } = new("recommender.sample-reindexing", Solution, CheckKinds.Consistency,
        "twin sample: re-indexed rows vs the full state",
        "r̂ of each sampled rating under the compact rows and under the full state",
        RecommenderTolerances.BitForBit, [],
        ["LowRankSpectrumTests.CompactSampleKeepsRatingsAndFactorRows"]);

    /// <summary>A cold user or item after training: the prediction equals the baseline terms exactly.</summary>
    public static CheckDefinition ColdStart { get; } = new("recommender.cold-start-baseline", Solution, CheckKinds.Consistency,
        "cold start: r̂ for users/items without training ratings vs the baseline terms",
        "r̂ = μ + bᵢ (cold user), μ + bᵤ (cold item), μ (both), after MF-SGD and after ALS",
        RecommenderTolerances.BitForBit, [],
        ["ColdStartTests.ColdUsersAndItemsGetExactlyTheBaselineTerms"]);

    /// <summary>AUC by average ranks vs the pairwise definition.</summary>
    public static CheckDefinition AucPairwise { get; } = new("recommender.auc-pairwise", Solution, CheckKinds.Consistency,
        "AUC: Mann–Whitney by average ranks vs the pairwise win rate",
        "|AUC − Σ 1[sₐ > s_b] + ½·1[sₐ = s_b] over relevant a, irrelevant b / (#relevant·#irrelevant)|",
        RecommenderTolerances.ClosedForm, [],
        ["RatingMetricsTests.AucIsThePairwiseWinRate"]);

    /// <summary>σ of a 2×2 matrix against its invariants, each relative to itself: tiny σ are resolved, not lost to underflow.</summary>
    public static CheckDefinition Svd2x2Invariants { get; } = new("recommender.svd-2x2-invariants", Solution, CheckKinds.Consistency,
        "svd σ of a 2×2: product and sum of squares",
        "|σ₁σ₂ − |det A|| / |det A| and |σ₁² + σ₂² − ‖A‖²_F| / ‖A‖²_F (relative to each, so a σ₂ of 1e-170 is held to its own digits)",
        RecommenderTolerances.ClosedForm, [],
        ["SvdParityTests.UnderflowingColumnsConvergeToTheirSingularValues"]);

    /// <summary>Every decomposition of 2ᵉ·A against that of A: the exact pre-scaling makes the results scale exactly.</summary>
    public static CheckDefinition PowerOfTwoScaling { get; } = new("recommender.power-of-two-scaling", Solution, CheckKinds.Consistency,
        "svd, pca, low-rank spectrum, randomized svd: of 2ᵉ·A vs of A",
        "σ(2ᵉA)·2⁻ᵉ vs σ(A), PCA axes and λ(2ᵉX)·2⁻²ᵉ vs λ(X), σ(2ᵃP·(2ᵇQ)ᵀ)·2⁻ᵃ⁻ᵇ vs σ(P·Qᵀ), for e up to ±1000",
        RecommenderTolerances.BitForBit, [],
        ["ScalingTests.SingularValuesScaleExactly", "ScalingTests.PcaIsScaleInvariantBitForBit", "ScalingTests.LowRankSpectrumScalesExactly", "ScalingTests.AScaleThatChangesTheResultFailsTheCheck"]);

    /// <summary>Saved MF-SGD state on the twins' sample vs the saved mf-torch, on the rows <c>score recommender</c> is given.</summary>
    public static CheckDefinition SgdTwinScores { get; } = new("recommender.mf-sgd-torch-scores", Solution, CheckKinds.Library,
        "score: saved mf-sgd-from-scratch (twins' sample) vs saved mf-torch",
        "|clip(r̂) − clip(r̂')| per scored row, in units of its bound δ·(3 + ‖pᵤ‖₁ + ‖q'ᵢ‖₁) + γ_{k+3}·(S + S') with δ the per-epoch factor tolerance",
        RecommenderTolerances.SgdTwinScores, [Score],
        ["SavedModelRoundTripTests.SavedTwinsAgreeWithinTheirPredictionBound", "SavedModelRoundTripTests.ScoringAnotherModelFailsTheTwinBound"]);

    /// <summary>Saved ALS state on the twins' sample vs the saved als-torch, on the rows <c>score recommender</c> is given.</summary>
    public static CheckDefinition AlsTwinScores { get; } = new("recommender.als-torch-scores", Solution, CheckKinds.Library,
        "score: saved als-from-scratch (twins' sample) vs saved als-torch",
        "|clip(r̂) − clip(r̂')| per scored row, in units of its bound δ·(3 + ‖pᵤ‖₁ + ‖q'ᵢ‖₁) + γ_{k+3}·(S + S') with δ the per-epoch factor tolerance",
        RecommenderTolerances.AlsTwinScores, [Score],
        ["SavedModelRoundTripTests.SavedTwinsAgreeWithinTheirPredictionBound", "SavedModelRoundTripTests.ScoringAnotherModelFailsTheTwinBound"]);

    /// <summary>Every saved rating model, loaded and scored, against the run's in-memory model.</summary>
    public static CheckDefinition SavedRoundTrip { get; } = new("recommender.saved-round-trip", Solution, CheckKinds.Consistency,
        "saved → loaded → scored vs the run's model (refsol-mf and torch-module)",
        "r̂ᵤᵢ of the loaded model vs the run's, for every test rating, for global-mean, bias-baseline, mf-sgd-from-scratch, als-from-scratch, mf-torch and als-torch",
        RecommenderTolerances.BitForBit, [],
        ["SavedModelRoundTripTests.EveryRatingModelScoresBitForBitAfterLoading"]);

    /// <summary>ML.NET's FFM after Model.Save and Model.Load against the run's.</summary>
    public static CheckDefinition FfmRoundTrip { get; } = new("recommender.ffm-round-trip", Solution, CheckKinds.Library,
        "saved → loaded → scored vs the run's model (ML.NET FFM zip)",
        "|P(r ≥ 4) of the loaded zip − the run's| for every test rating",
        RecommenderTolerances.Float32Probability, [],
        ["SavedModelRoundTripTests.FfmZipScoresWithinFloat32RoundingAfterLoading"]);

    /// <summary>Every check of the recommender solution.</summary>
    public static IReadOnlyList<CheckDefinition> All { get; } =
    [
        SgdTwin, AlsTwin, LearnedSpectrum, SingularValuesTorch, SingularValuesMathNet, GolubKahanVsJacobi, BlockedGolubKahan, Reconstruction,
        SingularVectorsMathNet, PcaAxesTorch, PcaVarianceTorch, PcaVarianceMathNet, PcaRoundTrip, MLNetSubspace, MLNetVariance,
        SubspaceAngle, RandomizedSvdBound, RandomizedSvdTop, LowRankSpectrum, FactorDot, SgdFastPath, SgdStepGradient,
        SampleReindexing, ColdStart, AucPairwise, Svd2x2Invariants, PowerOfTwoScaling, SgdTwinScores, AlsTwinScores, SavedRoundTrip,
        FfmRoundTrip,
    ];
}
