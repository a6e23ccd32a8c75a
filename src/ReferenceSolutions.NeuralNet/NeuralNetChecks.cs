using ReferenceSolutions.Core.Reporting;

namespace ReferenceSolutions.NeuralNet;

/// <summary>
/// The registry of this solution's parity and consistency checks (runs, verify and tests); every run-time
/// <see cref="ParityCheck"/> of the solution is made from one of these, and docs/parity.md is generated from them.
/// N batch rows, D inputs, H hidden units, C classes; θ every weight and bias; ε = 2⁻⁵³.
/// </summary>
public static class NeuralNetChecks
{
    private const string Solution = "neuralnet";
    private const string Run = "run neuralnet";
    private const string Verify = "verify gradients";

    /// <summary>The hand backward pass = TorchSharp autograd on any network and batch (verify and property tests).</summary>
    public static CheckDefinition GradientsAutograd { get; } = new(
        "neuralnet.gradients.autograd", Solution, CheckKinds.Library,
        "gradients: hand backward pass vs TorchSharp autograd",
        "the mean loss L and ∂L/∂Wₗ (H×D), ∂L/∂bₗ (H) of every layer by the hand-derived backward pass = TorchSharp autograd at the same weights and batch, every entry, absolute; any depth, widths, activation and loss, and a batch taken whole or in chunks of R rows by either side (Σ_c (N_c/N)·L_c)",
        Tolerance.Float64Twin,
        [Verify],
        ["GradientParityTests.HandGradientsEqualAutograd", "GradientParityTests.ChunkedBatchesEqualTheWholeBatch", "GradientParityTests.ANaNOnEitherSideFailsTheCheck", "GradientVerificationTests.ImplementationsAgreeOnARandomModel", "GradientVerificationTests.ANaNInAnyImplementationFailsItsComparison"]);

    /// <summary>The hand gradient = central finite differences of the forward pass.</summary>
    public static CheckDefinition GradientsFiniteDifferences { get; } = new(
        "neuralnet.gradients.finite-differences", Solution, CheckKinds.Consistency,
        "gradients: hand backward pass vs central finite differences",
        $"∂L/∂θᵢ by the backward pass = (L(θ + heᵢ) − L(θ − heᵢ))/2h by the forward pass alone, h = 1e-5, each difference divided by max(‖g‖∞ of its tensor, {NeuralNetTolerances.FiniteDifferenceFloor:0e0}); every coordinate in the tests, a seeded sample (--fd-coordinates, default 64) in verify gradients, where a coordinate whose ±h step moves a ReLU pre-activation across 0 is reported and left out (the quotient is not the derivative at a kink)",
        NeuralNetTolerances.FiniteDifference,
        [Verify],
        ["FiniteDifferenceTests.HandGradientsMatchCentralDifferences", "FiniteDifferenceTests.AWrongGradientIsCaught", "FiniteDifferenceTests.ANaNOnEitherSideFailsTheCheck", "GradientVerificationTests.ImplementationsAgreeOnARandomModel", "GradientVerificationTests.ANaNInAnyImplementationFailsItsComparison"]);

    /// <summary>The gradients of a run at its initial weights.</summary>
    public static CheckDefinition RunGradientsInitial { get; } = new(
        "neuralnet.run.gradients-initial", Solution, CheckKinds.Library,
        "gradients at the initial weights: hand backward pass vs TorchSharp autograd",
        "the mean loss and ∂L/∂Wₗ, ∂L/∂bₗ of every layer on the validation rows at the run's initial weights (the same in both twins): hand backward pass = TorchSharp autograd, every entry, absolute",
        Tolerance.Float64Twin,
        [Run],
        RunTests);

    /// <summary>The gradients of a run at its reported weights.</summary>
    public static CheckDefinition RunGradientsReported { get; } = new(
        "neuralnet.run.gradients-reported", Solution, CheckKinds.Library,
        "gradients at the reported weights: hand backward pass vs TorchSharp autograd",
        "the mean loss and ∂L/∂Wₗ, ∂L/∂bₗ of every layer on the test rows at the from-scratch twin's reported weights, loaded into both (so the inputs are identical): hand backward pass = TorchSharp autograd, every entry, absolute",
        Tolerance.Float64Twin,
        [Run],
        RunTests);

    /// <summary>The two twins' batch losses along a whole training run.</summary>
    public static CheckDefinition TrajectoryLoss { get; } = new(
        "neuralnet.trajectory.loss", Solution, CheckKinds.Library,
        "trajectory: per-step training loss, from scratch vs TorchSharp",
        "the batch loss Lₜ of every step t: from-scratch twin = TorchSharp twin (TorchSharp's C# re-implementations of PyTorch's SGD, Adam, AdamW), trained in lock step on the same batches in the same order at the same learning rates; in a run the TorchSharp twin restarts every epoch from the from-scratch twin's parameters and optimizer state (unless --resync never), in the tests it runs 240 steps from the same initial weights; absolute",
        NeuralNetTolerances.TrajectoryLoss,
        [Run],
        ["TrajectoryParityTests.TwinsFollowTheSameTrajectory", "TrajectoryParityTests.ANaNLossInEitherTwinFailsTheTrajectory", "TrajectoryParityTests.AMismatchedUpdateRuleIsCaught", .. RunTests]);

    /// <summary>The two twins' parameters along a whole training run.</summary>
    public static CheckDefinition TrajectoryParameters { get; } = new(
        "neuralnet.trajectory.parameters", Solution, CheckKinds.Library,
        "trajectory: parameters, from scratch vs TorchSharp",
        "every weight and bias of the from-scratch twin = the TorchSharp twin's after the same steps (in a run at the end of every epoch, before the restart, which includes the reported weights; in the tests after the last of 240 steps), absolute",
        NeuralNetTolerances.TrajectoryParameters,
        [Run],
        ["TrajectoryParityTests.TwinsFollowTheSameTrajectory", "TrajectoryParityTests.ANaNParameterFailsTheTrajectory", "TrajectoryParityTests.AMismatchedUpdateRuleIsCaught", .. RunTests]);

    /// <summary>The TorchSharp twin restarted from the from-scratch twin's state holds it and takes the same step.</summary>
    public static CheckDefinition TwinRestart { get; } = new(
        "neuralnet.trajectory.restart", Solution, CheckKinds.Library,
        "trajectory: restart of the TorchSharp twin from the from-scratch state",
        "the TorchSharp twin loaded with the from-scratch twin's parameters and optimizer state (step t; momentum's velocity v, or Adam's and AdamW's m and v) reads the same values back, and its next step gives the same loss and parameters as the from-scratch step, absolute",
        Tolerance.Float64Twin,
        [],
        ["TrajectoryParityTests.ATwinRestartedFromTheOtherTwinsStateTakesTheSameStep"]);

    /// <summary>The test-set numbers each twin reports.</summary>
    public static CheckDefinition RunTestOutputs { get; } = new(
        "neuralnet.run.test-outputs", Solution, CheckKinds.Library,
        "test-set probabilities and log-loss, from scratch vs TorchSharp",
        "the class probabilities P (N×C) of the test rows and the test log-loss each twin reports, each twin at its own reported weights: from scratch = TorchSharp, absolute",
        NeuralNetTolerances.TestOutputs,
        [Run],
        RunTests);

    /// <summary>The optimizers' closed forms.</summary>
    public static CheckDefinition OptimizerClosedForms { get; } = new(
        "neuralnet.optimizers.closed-forms", Solution, CheckKinds.Consistency,
        "optimizers: update rules vs their closed forms",
        "Adam's first step θ₁ = θ₀ − η·g/(|g| + ε) (the bias corrections undo β₁, β₂ exactly); momentum under a constant g: θ_T = θ₀ − η·g·Σₜ(1 − μᵗ)/(1 − μ) (classic) or with g + μvₜ (Nesterov); AdamW with g = 0: θ_T = θ₀(1 − ηλ)ᵀ; each divided by max(1, |θ₀|)",
        new Tolerance("OptimizerClosedForm", 1e-12,
            "both sides are float64 recurrences of at most 100 steps of a few operations each, whose rounding adds up to ≤ 100·4ε ≈ 1e-13 relative to max(1, |θ|); a wrong bias correction or momentum convention moves θ by O(η) ≥ 1e-3"),
        [],
        ["OptimizerRuleTests.AdamFirstStepIsGOverAbsGPlusEpsilon", "OptimizerRuleTests.MomentumUnderAConstantGradientFollowsTheGeometricSeries", "OptimizerRuleTests.AdamWWithoutGradientDecaysGeometrically"]);

    /// <summary>The cosine schedule's closed form.</summary>
    public static CheckDefinition CosineSchedule { get; } = new(
        "neuralnet.training.cosine-schedule", Solution, CheckKinds.Consistency,
        "training: cosine learning-rate schedule vs its closed form",
        "η₀ at epoch 0 and η₀/2 at epoch E/2 of ηₑ = η₀·½(1 + cos(πe/E)), absolute",
        new Tolerance("CosineClosedForm", 1e-15,
            "one cosine (correctly rounded to within an ulp, cos(π/2) ≈ 6e-17 instead of 0) and three products: a few ulps of η₀ = 0.4, ≤ 2e-16"),
        [],
        ["TwinTrainerTests.CosineScheduleStartsAtTheRateAndHalvesAtMidpoint"]);

    /// <summary>The weights a twin holds after training are those of the epoch the history names.</summary>
    public static CheckDefinition KeptWeights { get; } = new(
        "neuralnet.training.kept-weights", Solution, CheckKinds.Consistency,
        "training: the reported weights are the kept epoch's",
        "under early stopping, the validation loss recomputed at the weights a twin holds after training = the loss recorded at the best epoch; with fixed epochs, the weights = those after the last step; bit for bit",
        new Tolerance("Exact", 0.0, "the same float64 computation on the same weights and rows, in the same order, gives the same bits"),
        [],
        ["TwinTrainerTests.EarlyStoppingRestoresTheBestEpoch", "TwinTrainerTests.FixedEpochsKeepTheLastWeights"]);

    /// <summary>The input scaling sees only the training rows.</summary>
    public static CheckDefinition ScalingOnTrainingRows { get; } = new(
        "neuralnet.scaling.training-rows-only", Solution, CheckKinds.Consistency,
        "protocol: input scaling fitted on the training rows only",
        "the (μ, σ) of a run = (μ, σ) of the same run after every validation row and every test row was replaced by other values, and = InputScaling.Fit of the training rows alone; bit for bit",
        new Tolerance("Exact", 0.0, "the same rows summed in the same order give the same bits; any influence of a validation or test row would move μ or σ"),
        [],
        ["NeuralNetSolutionTests.ScalingIsFittedOnTheTrainingRowsOnly"]);

    /// <summary>The vectorized ReLU select = its plain loop.</summary>
    public static CheckDefinition ReluVectorSelect { get; } = new(
        "neuralnet.relu.vector-select", Solution, CheckKinds.Consistency,
        "ReLU: vectorized select vs the plain loop",
        "z ≤ 0 ? 0 : x (a NaN z passes x, as PyTorch's threshold_backward) by the 256-bit select = the scalar loop, every element, any length and any z (NaN, ±∞, ±0 included)",
        new Tolerance("Exact", 0.0, "a comparison and a select involve no arithmetic, so the results are the same bits (the tests also compare the bits, −0 included)"),
        [],
        ["ReluMaskTests.VectorSelectEqualsThePlainLoopBitForBit", "ReluMaskTests.SpecialValuesSelectAsThePlainLoop"]);

    /// <summary>The model file round-trips every number.</summary>
    public static CheckDefinition ModelFileRoundTrip { get; } = new(
        "neuralnet.model-file.round-trip", Solution, CheckKinds.Consistency,
        "model file: save then load",
        "every weight, bias and the input scaling (μ, σ) read back from model.json (streamed into the arrays) = the values written, for small and 5 MB+ models",
        new Tolerance("Exact", 0.0, "doubles are written in shortest round-trip form and parsed back to the same bits"),
        [],
        ["ModelFileTests.SaveThenLoadGivesTheSameNetwork", "ModelFileTests.ALargeModelLoadsInAllocationProportionalToItsSize"]);

    /// <summary>The saved twins scoring the same rows.</summary>
    public static CheckDefinition ScoreTwins { get; } = new(
        "neuralnet.score.twins", Solution, CheckKinds.Library,
        "score: saved mlp-from-scratch vs saved mlp-torch probabilities",
        "the class probabilities P (N×C) of the scored rows by the from-scratch MLP loaded from models/mlp-from-scratch/model.json and by the TorchSharp module loaded from models/mlp-torch/module.dat, each after its saved input scaling: from scratch = TorchSharp, absolute. Each twin holds its own reported weights, so this is the run's test-output check on other rows; the classes are not compared separately (argmax of probabilities this close differs only on a row whose two largest are within the tolerance)",
        NeuralNetTolerances.TestOutputs,
        ["score neuralnet"],
        ["SavedModelTests.TheSavedTwinsAgreeWhenScoring", "SavedModelTests.ScoringWithATorchModuleOfOtherWeightsFailsTheTwinCheck"]);

    /// <summary>The saved models score as the run did.</summary>
    public static CheckDefinition SavedModelsRoundTrip { get; } = new(
        "neuralnet.saved-models.round-trip", Solution, CheckKinds.Consistency,
        "saved models: saved → loaded → scored = the run's test probabilities",
        "the test probabilities of each model loaded from models/<name>/ and scored by refsol score's code on the raw test file = those the run computed in memory: mlp-from-scratch and mlp-torch bit for bit, mlnet-lbfgs-maxent within float32 rounding",
        new Tolerance("SavedModelRoundTrip", 0.0,
            "the loaded weights and scaling are the same bits (shortest round-trip JSON, TorchSharp's raw little-endian tensor bytes, ML.NET's float32 weights), the same code runs on the same rows cut into the same chunks, so the same bits come out; ML.NET's scores are float32 and would need |Δp| ≤ 2⁻²⁴ ≈ 6e-8 had the arithmetic changed, but it does not (same float32 inputs, same kernels), so its difference is 0 as well"),
        [],
        ["SavedModelTests.EverySavedModelScoresAsTheRunDid", "SavedModelTests.AChangedWeightBreaksTheRoundTrip"]);

    /// <summary>The saliency of the hand backward pass = TorchSharp autograd's.</summary>
    public static CheckDefinition Saliency { get; } = new(
        "neuralnet.saliency.autograd", Solution, CheckKinds.Library,
        "saliency ∂p_c/∂x: hand backward pass vs TorchSharp autograd",
        "∂p_c/∂x (D per row; c the class the from-scratch MLP predicts, x the raw inputs, through x′ = (x − μ)/σ) by the hand backward pass from ∂p_c/∂z = p_c(e_c − p) = TorchSharp autograd of p_c through (x − μ)/σ, the module and softmax, at the same weights and rows, every entry, absolute; in a run the first test row of each class at the from-scratch twin's reported weights",
        Tolerance.Float64Twin,
        [Run],
        ["SaliencyTests.HandSaliencyEqualsAutograd", "SaliencyTests.ANaNOnEitherSideFailsTheSaliencyCheck", .. RunTests]);

    /// <summary>The saliency = central finite differences of the probability.</summary>
    public static CheckDefinition SaliencyFiniteDifferences { get; } = new(
        "neuralnet.saliency.finite-differences", Solution, CheckKinds.Consistency,
        "saliency ∂p_c/∂x: hand backward pass vs central finite differences",
        $"∂p_c/∂xⱼ by the backward pass = (p_c(x + heⱼ) − p_c(x − heⱼ))/2h by the forward pass alone (raw inputs through the scaling, h = 1e-4), each difference divided by max(‖∂p_c/∂x‖∞ of its row, {NeuralNetTolerances.FiniteDifferenceFloor:0e0}); every input of every row, tanh networks (no kinks)",
        NeuralNetTolerances.SaliencyFiniteDifference,
        [],
        ["SaliencyTests.HandSaliencyMatchesCentralDifferences", "SaliencyTests.ASaliencyWithoutTheScalingIsCaught"]);

    /// <summary>The exported MLP graph run by ONNX Runtime against the from-scratch forward pass on the same raw rows.</summary>
    public static CheckDefinition OnnxMlp { get; } = new(
        "neuralnet.onnx-mlp", Solution, CheckKinds.Library,
        "MLP ONNX export: onnxruntime vs from-scratch",
        "P = softmax(f_L(…f_1((X − μ)/σ·W₁ᵀ + b₁)…)) (identity output for mse) on held-out raw rows: the float64 graph run by ONNX Runtime against InputScaling.Apply, Mlp.Forward and ClassificationMetrics.Softmax: max |ΔP| / max(|P_onnx|, |P|) (for mse's identity outputs, / max(|P_onnx|, |P|, 1))",
        Core.Onnx.OnnxParity.Float64Relative,
        ["score neuralnet --engine onnx"],
        ["MlpOnnxTests.OnnxRuntimeGivesTheFromScratchOutputsForEveryActivationAndLoss",
            "MlpOnnxTests.OnnxRuntimeGivesTheProbabilitiesOfANetworkTrainedOnPlantedClusters",
            "MlpOnnxTests.OnnxRuntimeGivesTheProbabilitiesOfANetworkTrainedOnOptdigits",
            "MlpOnnxTests.AWrongWeightBreaksParity"]);

    /// <summary>Every check of the neuralnet solution.</summary>
    public static IReadOnlyList<CheckDefinition> All { get; } =
    [
        GradientsAutograd, GradientsFiniteDifferences, RunGradientsInitial, RunGradientsReported, TrajectoryLoss, TrajectoryParameters,
        TwinRestart, RunTestOutputs, OptimizerClosedForms, CosineSchedule, KeptWeights, ScalingOnTrainingRows, ReluVectorSelect, ModelFileRoundTrip,
        ScoreTwins, SavedModelsRoundTrip, Saliency, SaliencyFiniteDifferences,
        OnnxMlp,
    ];

    private static string[] RunTests => ["NeuralNetSolutionTests.AShortDefaultRunWritesItsOutputsAndIsReproducible", "NeuralNetSolutionTests.OptdigitsReachesTheAccuracyTargetWithEveryParityCheckPassed"];
}
