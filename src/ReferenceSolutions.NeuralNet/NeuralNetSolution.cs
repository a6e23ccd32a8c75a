using System.Globalization;
using System.Text;
using ReferenceSolutions.Core.Output;
using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.Core.Solutions;
using ReferenceSolutions.NeuralNet.Data;
using ReferenceSolutions.NeuralNet.Evaluation;
using ReferenceSolutions.NeuralNet.FromScratch;
using ReferenceSolutions.NeuralNet.MLNet;
using ReferenceSolutions.NeuralNet.Models;
using ReferenceSolutions.NeuralNet.Torch;
using ReferenceSolutions.NeuralNet.Training;

namespace ReferenceSolutions.NeuralNet;

/// <summary>
/// The neural-net solution: an MLP with hand-derived backpropagation and hand-written optimizers, trained in lock step
/// with its TorchSharp twin (same initial weights, batches, order and hyper-parameters), next to ML.NET's multinomial
/// logistic regression. Reports test accuracy, log-loss and confusion matrices, gradient and trajectory parity,
/// and writes loss curves, a confusion matrix, the model JSON and test predictions.
/// </summary>
public sealed class NeuralNetSolution : ISolution
{
    /// <summary>The optdigits accuracy target on the official test split (checked when the training file's name contains "optdigits").</summary>
    public const double OptdigitsTarget = 0.970;

    /// <summary>The accuracy the default run must reach on the planted mixture (its Bayes accuracy is ≈ 1).</summary>
    public const double PlantedTarget = 0.90;

    /// <summary>The share of the training rows held out for early stopping.</summary>
    public const double ValidationFraction = 0.1;

    /// <summary>Trajectory tolerance of a full run: thousands of steps rather than the unit tests' hundreds (see docs/neural-net.md).</summary>
    public static Tolerance TrainingRun { get; } = new(nameof(TrainingRun), 1e-8,
        "float64 twins in lock step: per-step reordering error ≈ 1e-15 compounds over the run's steps but stays far below the signal");

    /// <inheritdoc/>
    public string Name => "neuralnet";

    /// <inheritdoc/>
    public string Summary => "MLP with hand-derived backprop and optimizers ⇄ TorchSharp autograd + torch.optim; ML.NET L-BFGS max-ent baseline.";

    /// <inheritdoc/>
    public RunReport Run(RunContext context) => Run(context, new NeuralNetOptions());

    /// <inheritdoc/>
    public IReadOnlyList<string> GenerateData(string directory, ulong seed)
    {
        (LabeledData train, LabeledData test) = PlantedClusters.Generate(seed);
        string trainPath = Path.Combine(directory, "neuralnet-train.csv");
        string testPath = Path.Combine(directory, "neuralnet-test.csv");
        LabeledCsv.Write(trainPath, train);
        LabeledCsv.Write(testPath, test);
        return [trainPath, testPath];
    }

    /// <summary>
    /// Runs with explicit options (the CLI's <c>run neuralnet</c>). libtorch runs on one intra-op thread meanwhile: a
    /// step of this size is too small to split, and on a shared 2-core machine a second thread only adds contention.
    /// </summary>
    public RunReport Run(RunContext context, NeuralNetOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        int threads = TorchSharp.torch.get_num_threads();
        TorchSharp.torch.set_num_threads(1);
        try
        {
            return RunOnOneThread(context, options);
        }
        finally
        {
            TorchSharp.torch.set_num_threads(threads);
        }
    }

    private RunReport RunOnOneThread(RunContext context, NeuralNetOptions options)
    {
        var rng = new Rng(context.Seed);

        context.Progress.Report("load data", 0, 1);
        (LabeledData rawTrain, LabeledData rawTest, DatasetInfo dataset, bool optdigits) = LoadData(options, context.Seed);
        context.Progress.Report("load data", 1, 1);
        InputScaling scaling = InputScaling.Fit(rawTrain.Features);
        PixelShift? augment = PixelShift.LooksLikeDigits(rawTrain) ? new PixelShift(8, 8, scaling.Apply(0.0)) : null;
        LabeledData allTrain = scaling.Apply(rawTrain);
        LabeledData test = scaling.Apply(rawTest);
        int[] order = rng.Fork().Permutation(allTrain.Rows);
        int validationRows = Math.Max(1, (int)Math.Round(ValidationFraction * allTrain.Rows));
        if (allTrain.Rows - validationRows < 1)
        {
            throw new Core.Data.UserInputException($"{options.TrainPath}: needs at least 2 rows (one to train on, one to validate)");
        }
        LabeledData validation = allTrain.Subset(order.AsSpan(0, validationRows));
        LabeledData fit = allTrain.Subset(order.AsSpan(validationRows));

        MlpDescription initial = MlpDescription.Create(allTrain.Features.Columns, options.EffectiveHidden, allTrain.Classes, options.Activation, LossKind.SoftmaxCrossEntropy, rng.Fork());
        OptimizerSettings settings = options.OptimizerSettings;
        using var scratch = new FromScratchTwin(initial, settings);
        using var torch = new TorchTwin(initial, settings);
        var parity = new List<ParityCheck>
        {
            GradientParity("gradients at the initial weights (validation set)", scratch, torch, validation),
        };

        var training = new TrainingOptions(options.Epochs, options.BatchSize, options.EffectiveLearningRate);
        TrainingHistory history = TwinTrainer.Train([scratch, torch], fit, validation, training, augment, rng.Fork(), context.Progress);
        parity.Add(ParityCheck.Measure("per-step training loss over the run",
            $"L_t(from scratch) = L_t(torch) for all {history.Steps} steps ({settings.Kind}, same batches and order)", history.MaxStepLossDiff, TrainingRun));
        parity.Add(ParityCheck.Measure("parameters after the last step",
            $"θ_T(from scratch) = θ_T(torch) after {history.Steps} steps of {settings.Kind}", history.FinalParameterDiff, TrainingRun));
        parity.Add(GradientParity("gradients at the trained weights (test set)", scratch, torch, test));

        context.Progress.Report("ML.NET baseline", 0, 1);
        Matrix mlnetProbabilities = MLNetBaseline.FitPredict(allTrain, test, unchecked((int)context.Seed));
        context.Progress.Report("ML.NET baseline", 1, 1);

        Matrix scratchProbabilities = ClassificationMetrics.Softmax(scratch.Outputs(test.Features));
        Matrix torchProbabilities = ClassificationMetrics.Softmax(torch.Outputs(test.Features));
        ModelResult scratchResult = Evaluate(scratch.Name, ModelKinds.FromScratch, scratchProbabilities, test, history, 0);
        var models = new List<ModelResult>
        {
            scratchResult,
            Evaluate(torch.Name, ModelKinds.Torch, torchProbabilities, test, history, 1),
            Evaluate(MLNetBaseline.Name, ModelKinds.MLNet, mlnetProbabilities, test, null, 0),
        };

        WriteOutputs(context.OutputDirectory, scratch.Snapshot(), scaling, history, scratchProbabilities, test, scratchResult);

        double accuracy = (double)scratchResult.Metrics["accuracy"];
        QualityCheck[] quality = optdigits
            ? [QualityCheck.AtLeast("mlp-from-scratch test accuracy on optdigits", accuracy, OptdigitsTarget)]
            : options.TrainPath is null
                ? [QualityCheck.AtLeast($"mlp-from-scratch test accuracy on the {dataset.Name}", accuracy, PlantedTarget)]
                : [];
        return new RunReport(Name, context.Seed, dataset, models, parity, quality);
    }

    private static (LabeledData Train, LabeledData Test, DatasetInfo Info, bool Optdigits) LoadData(NeuralNetOptions options, ulong seed)
    {
        if (options.TrainPath is null || options.TestPath is null)
        {
            (LabeledData train, LabeledData test) = PlantedClusters.Generate(seed);
            return (train, test, new DatasetInfo("planted Gaussian mixture", $"generated (seed {seed})", train.Rows + test.Rows), false);
        }
        LabeledData trainData = LabeledCsv.Read(options.TrainPath);
        LabeledData testData = LabeledCsv.Read(options.TestPath, trainData.Classes, trainData.Features.Columns);
        bool optdigits = Path.GetFileName(options.TrainPath).Contains("optdigits", StringComparison.OrdinalIgnoreCase);
        string name = optdigits ? "optdigits" : Path.GetFileNameWithoutExtension(options.TrainPath);
        return (trainData, testData, new DatasetInfo(name, $"{options.TrainPath} + {options.TestPath}", trainData.Rows + testData.Rows), optdigits);
    }

    private static ParityCheck GradientParity(string check, FromScratchTwin scratch, TorchTwin torch, LabeledData data)
    {
        (double lossScratch, IReadOnlyList<LayerGradient> gScratch) = scratch.LossAndGradients(data.Features, data.Labels);
        (double lossTorch, IReadOnlyList<LayerGradient> gTorch) = torch.LossAndGradients(data.Features, data.Labels);
        double diff = Math.Max(Math.Abs(lossScratch - lossTorch), TwinTrainer.MaxAbsDiff(gScratch, gTorch));
        return ParityCheck.Measure(check, "loss and ∂L/∂W, ∂L/∂b of every layer: hand backward pass = TorchSharp autograd", diff, Tolerance.Float64Twin);
    }

    private static ModelResult Evaluate(string name, string kind, Matrix probabilities, LabeledData test, TrainingHistory? history, int twin)
    {
        int[] predicted = ClassificationMetrics.Predict(probabilities);
        var metrics = new Dictionary<string, object>
        {
            ["accuracy"] = ClassificationMetrics.Accuracy(probabilities, test.Labels),
            ["logLoss"] = ClassificationMetrics.LogLoss(probabilities, test.Labels),
            ["confusionMatrix"] = ClassificationMetrics.ConfusionMatrix(predicted, test.Labels, test.Classes),
        };
        if (history is not null)
        {
            metrics["epochsRun"] = history.TrainLoss[twin].Count;
            metrics["bestEpoch"] = history.BestEpoch;
            metrics["steps"] = history.Steps;
            metrics["trainLoss"] = history.TrainLoss[twin].ToArray();
            metrics["validationLoss"] = history.ValidationLoss[twin].ToArray();
            if (twin == 0)
            {
                metrics["validationAccuracy"] = history.ValidationAccuracy.ToArray();
            }
        }
        return new ModelResult(name, kind, metrics);
    }

    private static void WriteOutputs(string folder, MlpDescription model, InputScaling scaling, TrainingHistory history, Matrix probabilities, LabeledData test, ModelResult result)
    {
        LossCurvesPlot.Save(Path.Combine(folder, "loss-curves.png"), history);
        ConfusionMatrixPlot.Save(Path.Combine(folder, "confusion-matrix.png"), "mlp-from-scratch on the test set", (int[][])result.Metrics["confusionMatrix"]);
        ModelFile.Save(Path.Combine(folder, "model.json"), model, scaling);

        var csv = new StringBuilder("row,label,predicted");
        for (int c = 0; c < test.Classes; c++)
        {
            csv.Append(CultureInfo.InvariantCulture, $",p{c}");
        }
        csv.Append('\n');
        int[] predicted = ClassificationMetrics.Predict(probabilities);
        for (int n = 0; n < test.Rows; n++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{n},{test.Labels[n]},{predicted[n]}");
            foreach (double p in probabilities.Row(n))
            {
                csv.Append(',').Append(p.ToString("R", CultureInfo.InvariantCulture));
            }
            csv.Append('\n');
        }
        AtomicFile.WriteAllText(Path.Combine(folder, "predictions.csv"), csv.ToString());
    }
}
