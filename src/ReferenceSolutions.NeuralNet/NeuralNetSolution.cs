using System.Globalization;
using System.Text;
using ReferenceSolutions.Core.Evaluation;
using ReferenceSolutions.Core.Output;
using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.Core.Solutions;
using ReferenceSolutions.NeuralNet.Data;
using ReferenceSolutions.NeuralNet.Evaluation;
using ReferenceSolutions.NeuralNet.Explanations;
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
/// and writes loss curves, a confusion matrix, the model JSON, test predictions, every model under <c>models/</c> and
/// saliency maps; <see cref="Score"/> scores new rows with the saved models (<see cref="NeuralNetScoring"/>).
/// </summary>
public sealed class NeuralNetSolution : IScoringSolution
{
    /// <summary>The optdigits accuracy target on the official test split (checked when the training file's name contains "optdigits").</summary>
    public const double OptdigitsTarget = 0.970;

    /// <summary>The accuracy the default run must reach on the planted mixture (the Bayes rule reaches ≈ 0.98).</summary>
    public const double PlantedTarget = 0.90;

    /// <summary>The share of the training file held out as validation rows, on which the number of epochs is chosen.</summary>
    public const double ValidationFraction = 0.1;

    /// <inheritdoc/>
    public string Name => "neuralnet";

    /// <inheritdoc/>
    public string Summary => "MLP with hand-derived backprop and optimizers ⇄ TorchSharp autograd and optimizers; ML.NET L-BFGS max-ent baseline.";

    /// <inheritdoc/>
    public RunReport Run(RunContext context) => Run(context, new NeuralNetOptions());

    /// <inheritdoc/>
    public ScoreOutput Score(ScoreRequest request) => NeuralNetScoring.Score(request);

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

    /// <summary>Runs with explicit options (the CLI's <c>run neuralnet</c>); see <see cref="Execute"/>.</summary>
    public RunReport Run(RunContext context, NeuralNetOptions options) => Execute(context, options).Report;

    /// <summary>
    /// The run, with the comparisons behind its parity entries. The training file is split once (seeded) into training
    /// rows and 10 % validation rows (at least one); the input scaling, the augmentation's fill value and the ML.NET
    /// baseline are fitted on the training rows only; the number of epochs is chosen on the validation rows by early
    /// stopping unless given; the test file is scored once, at the end. libtorch runs on one intra-op thread meanwhile:
    /// a step of this size is too small to split, and on a shared 2-core machine a second thread only adds contention.
    /// </summary>
    public NeuralNetRun Execute(RunContext context, NeuralNetOptions options)
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

    private NeuralNetRun RunOnOneThread(RunContext context, NeuralNetOptions options)
    {
        var rng = new Rng(context.Seed);

        context.Progress.Report("load data", 0, 1);
        (LabeledData file, LabeledData rawTest, DatasetInfo dataset, bool optdigits) = LoadData(options, context.Seed);
        context.Progress.Report("load data", 1, 1);
        NeuralNetLimits.RequireNetwork(options.TrainPath ?? "--hidden", file.Features.Columns, options.EffectiveHidden, file.Classes);
        if (file.Rows < 2)
        {
            throw new Core.Data.UserInputException($"{options.TrainPath}: needs at least 2 rows (one to train on, one to validate)");
        }
        (int[] trainRows, int[] validationRows) = Splits.Random(file.Rows, Math.Max(ValidationFraction, 1.0 / file.Rows), rng.Fork());
        LabeledData rawTrain = file.Subset(trainRows);
        if (rawTrain.Labels.Distinct().Take(2).Count() < 2)
        {
            throw new Core.Data.UserInputException($"{options.TrainPath}: the {rawTrain.Rows} training rows (the file less its {validationRows.Length} validation rows) all have class {rawTrain.Labels[0]}: a classifier needs at least two classes to learn from");
        }
        InputScaling scaling = InputScaling.Fit(rawTrain.Features, options.TrainPath ?? "the generated training rows");
        PixelShift? augment = PixelShift.LooksLikeDigits(rawTrain) ? new PixelShift(8, 8, scaling.Apply(0.0)) : null;
        LabeledData train = scaling.Apply(rawTrain);
        LabeledData validation = scaling.Apply(file.Subset(validationRows));
        LabeledData test = scaling.Apply(rawTest);

        MlpDescription initial = MlpDescription.Create(train.Features.Columns, options.EffectiveHidden, train.Classes, options.Activation, LossKind.SoftmaxCrossEntropy, rng.Fork());
        OptimizerSettings settings = options.OptimizerSettings;
        using var scratch = new FromScratchTwin(initial, settings);
        using var torch = new TorchTwin(initial, settings);
        var checks = new List<MeasuredCheck>
        {
            Gradients(NeuralNetChecks.RunGradientsInitial, scratch, torch, validation, $"the {validation.Rows} validation rows, at the initial weights"),
        };

        var training = new TrainingOptions(options.EffectiveEpochs, options.BatchSize, options.EffectiveLearningRate, NeuralNetOptions.Patience, EarlyStopping: options.SelectsEpochs, Resync: options.Resync);
        TrainingHistory history = TwinTrainer.Train([scratch, torch], train, validation, training, augment, rng.Fork(), context.Progress);
        TwinDifferences twins = history.Differences!;
        string restart = options.Resync ? "the TorchSharp twin restarting every epoch from the from-scratch twin's state" : "the TorchSharp twin never restarted";
        checks.Add(new MeasuredCheck(NeuralNetChecks.TrajectoryLoss, twins.StepLoss,
            $"the batch loss of each of the {history.Steps} training steps ({history.EpochsRun} epochs of batches of {options.BatchSize} of the {train.Rows} training rows; {restart})"));
        checks.Add(new MeasuredCheck(NeuralNetChecks.TrajectoryParameters, twins.Parameters,
            $"every weight and bias at the end of each of the {history.EpochsRun} epochs, the reported epoch {history.KeptEpoch} among them ({restart})"));

        context.Progress.Report("ML.NET baseline", 0, 1);
        MLNetModel mlnet = MLNetBaseline.Fit(train, unchecked((int)context.Seed));
        Matrix mlnetProbabilities = mlnet.Predict(test.Features, test.Classes);
        context.Progress.Report("ML.NET baseline", 1, 1);

        Matrix scratchProbabilities = ClassificationMetrics.Softmax(scratch.Outputs(test.Features));
        Matrix torchProbabilities = ClassificationMetrics.Softmax(torch.Outputs(test.Features));
        ModelResult scratchResult = Evaluate(scratch.Name, ModelKinds.FromScratch, scratchProbabilities, test, history, 0);
        ModelResult torchResult = Evaluate(torch.Name, ModelKinds.Torch, torchProbabilities, test, history, 1);
        checks.Add(new MeasuredCheck(NeuralNetChecks.RunTestOutputs,
            new Comparison(scratch.Name, torch.Name)
                .Add("P", scratchProbabilities, torchProbabilities)
                .Add("logLoss", ClassificationMetrics.LogLoss(scratchProbabilities, test.Labels), ClassificationMetrics.LogLoss(torchProbabilities, test.Labels)),
            $"the {test.Rows} test rows, each twin at its reported weights"));
        using (var probe = new TorchTwin(scratch.Snapshot(), settings))
        {
            checks.Add(Gradients(NeuralNetChecks.RunGradientsReported, scratch, probe, test, $"the {test.Rows} test rows, at the reported from-scratch weights (loaded into both)"));
        }
        var models = new List<ModelResult>
        {
            scratchResult,
            torchResult,
            Evaluate(MLNetBaseline.Name, ModelKinds.MLNet, mlnetProbabilities, test, null, 0),
        };

        context.Progress.Report("saliency", 0, 1);
        (MeasuredCheck saliency, SaliencyRows explained) = ExplainRows(scratch, torch.Name, scaling, rawTest, scratchProbabilities);
        checks.Add(saliency);
        context.Progress.Report("saliency", 1, 1);

        WriteOutputs(context.OutputDirectory, scratch.Snapshot(), scaling, history, scratchProbabilities, test);
        SaliencyPlot.Save(Path.Combine(context.OutputDirectory, "saliency.png"), explained.Inputs, explained.Saliency, explained.Labels, explained.Classes, explained.Probabilities,
            explained.Inputs.Columns == 64 ? 8 : 1, explained.Inputs.Columns == 64 ? 8 : explained.Inputs.Columns);
        NeuralNetModels.Save(context.OutputDirectory, context.Seed, scratch.Snapshot(), scratch.Name, torch, mlnet, test.Classes, scaling);

        QualityCheck[] quality = optdigits
            ? [AccuracyTarget("mlp-from-scratch test accuracy on optdigits", scratchResult, OptdigitsTarget)]
            : options.TrainPath is null
                ? [AccuracyTarget($"mlp-from-scratch test accuracy on the {dataset.Name}", scratchResult, PlantedTarget)]
                : [];
        Protocol protocol = NeuralNetProtocol.Create(options, training, history, train.Rows, validation.Rows, test.Rows, scaling, augment is not null);
        var report = new RunReport(Name, context.Seed, dataset, models, [.. checks.Select(c => c.Report())], quality, protocol);
        var probabilities = new Dictionary<string, Matrix>(StringComparer.Ordinal)
        {
            [scratch.Name] = scratchProbabilities,
            [torch.Name] = torchProbabilities,
            [MLNetBaseline.Name] = mlnetProbabilities,
        };
        return new NeuralNetRun(report, checks, history, validationRows, scaling, probabilities, explained);
    }

    /// <summary>
    /// The saliency ∂p_c/∂x of the first test row of each class, c the class the from-scratch twin predicts (its label
    /// when the outputs are not finite), by the hand backward pass and by TorchSharp autograd at the from-scratch
    /// twin's reported weights.
    /// </summary>
    private static (MeasuredCheck Check, SaliencyRows Rows) ExplainRows(FromScratchTwin scratch, string torchName, InputScaling scaling, LabeledData rawTest, Matrix probabilities)
    {
        int[] rows = Saliency.FirstOfEachClass(rawTest.Labels, rawTest.Classes);
        int[] predicted = ClassificationMetrics.Predict(probabilities);
        int[] labels = [.. rows.Select(n => rawTest.Labels[n])];
        int[] classes = [.. rows.Select(n => predicted[n] >= 0 ? predicted[n] : rawTest.Labels[n])];
        Matrix inputs = rawTest.Subset(rows).Features;
        MlpDescription model = scratch.Snapshot();
        Matrix hand = Saliency.FromScratch(model, scaling, inputs, classes);
        Matrix autograd = TorchSaliency.Of(model, scaling, inputs, classes);
        var check = new MeasuredCheck(NeuralNetChecks.Saliency, new Comparison(scratch.Name, torchName).Add("dP/dx", hand, autograd),
            $"the first test row of each of the {rows.Length} classes present (test rows {string.Join(", ", rows)}), c the predicted class, at the reported from-scratch weights (loaded into both)");
        double[] p = [.. rows.Select((n, i) => probabilities[n, classes[i]])];
        return (check, new SaliencyRows(rows, inputs, labels, classes, p, hand));
    }

    private static (LabeledData Train, LabeledData Test, DatasetInfo Info, bool Optdigits) LoadData(NeuralNetOptions options, ulong seed)
    {
        if (options.TrainPath is null || options.TestPath is null)
        {
            (LabeledData train, LabeledData test) = PlantedClusters.Generate(seed);
            return (train, test, new DatasetInfo("planted Gaussian mixture", $"generated (seed {seed})", train.Rows + test.Rows), false);
        }
        LabeledData trainData = LabeledCsv.Read(options.TrainPath);
        LabeledData testData = LabeledCsv.Read(options.TestPath, trainData.Classes, trainData.Features.Columns, $"the training file {options.TrainPath} has");
        bool optdigits = Path.GetFileName(options.TrainPath).Contains("optdigits", StringComparison.OrdinalIgnoreCase);
        string name = optdigits ? "optdigits" : Path.GetFileNameWithoutExtension(options.TrainPath);
        return (trainData, testData, new DatasetInfo(name, $"{options.TrainPath} + {options.TestPath}", trainData.Rows + testData.Rows), optdigits);
    }

    private static MeasuredCheck Gradients(CheckDefinition check, FromScratchTwin scratch, TorchTwin torch, LabeledData data, string measuredOn)
    {
        (double lossScratch, IReadOnlyList<LayerGradient> gScratch) = scratch.LossAndGradients(data.Features, data.Labels);
        (double lossTorch, IReadOnlyList<LayerGradient> gTorch) = torch.LossAndGradients(data.Features, data.Labels);
        return new MeasuredCheck(check, new Comparison(scratch.Name, torch.Name).AddGradients(lossScratch, gScratch, lossTorch, gTorch), measuredOn);
    }

    /// <summary>
    /// The model's test metrics; with <paramref name="history"/>, its training record. Whatever is not finite — the
    /// accuracy, log-loss and confusion matrix when some test outputs are NaN or ±∞, a loss series of a diverged run, the
    /// best epoch when no epoch had a finite validation loss — is a <see cref="NotComputed"/> saying why.
    /// </summary>
    private static ModelResult Evaluate(string name, string kind, Matrix probabilities, LabeledData test, TrainingHistory? history, int twin)
    {
        int[] predicted = ClassificationMetrics.Predict(probabilities);
        int missing = predicted.Count(p => p < 0);
        string diverged = history is { Diverged: > 0 } ? $"; training diverged in epoch {history.Diverged} (the weights of {history.Names[0]} are no longer finite)" : "";
        string outputs = $"the outputs of {missing} of the {test.Rows} test rows are not finite (NaN or ±∞), so they predict no class{diverged}";
        var metrics = new Dictionary<string, object>
        {
            ["accuracy"] = NotComputed.Finite(ClassificationMetrics.Accuracy(probabilities, test.Labels), outputs),
            ["logLoss"] = NotComputed.Finite(ClassificationMetrics.LogLoss(probabilities, test.Labels), outputs),
            ["confusionMatrix"] = missing == 0 ? ClassificationMetrics.ConfusionMatrix(predicted, test.Labels, test.Classes) : new NotComputed(outputs),
        };
        if (history is not null)
        {
            metrics["epochsRun"] = history.EpochsRun;
            metrics["bestEpoch"] = history.BestEpoch > 0
                ? history.BestEpoch
                : new NotComputed($"no epoch ended with finite weights and a finite validation loss{diverged}; the weights of epoch {history.KeptEpoch}, the last, are reported");
            metrics["reportedEpoch"] = history.KeptEpoch;
            metrics["steps"] = history.Steps;
            metrics["trainLoss"] = Series(history.TrainLoss[twin], "the mean training loss is NaN or ±∞", diverged);
            metrics["validationLoss"] = Series(history.ValidationLoss[twin], "the validation log-loss is not computed (some validation outputs are NaN or ±∞)", diverged);
            if (twin == 0)
            {
                metrics["validationAccuracy"] = Series(history.ValidationAccuracy, "the validation accuracy is not computed (some validation outputs are NaN or ±∞ and predict no class)", diverged);
            }
            else if (history.Differences is TwinDifferences differences)
            {
                metrics["stepsPerEpoch"] = history.StepsPerEpoch;
                string side = "; the trajectory checks' failure names the side and the entry";
                metrics["stepLossDiffByEpoch"] = Series(differences.StepLossByEpoch, "the step-loss difference is not computed (a twin's batch loss is NaN or ±∞)", diverged + side);
                metrics["parameterDiffByEpoch"] = Series(differences.ParametersByEpoch, "the parameter difference is not computed (a twin's weights or biases are NaN or ±∞)", diverged + side);
            }
        }
        return new ModelResult(name, kind, metrics);
    }

    /// <summary>The per-epoch values, or a <see cref="NotComputed"/> series saying why and in which epochs they are not finite.</summary>
    private static object Series(IReadOnlyList<double> values, string why, string because)
    {
        int[] epochs = [.. values.Select((v, e) => (v, e)).Where(p => !double.IsFinite(p.v)).Select(p => p.e + 1)];
        if (epochs.Length == 0)
        {
            return values.ToArray();
        }
        string which = epochs.Length == 1 ? $"epoch {epochs[0]}" : $"{epochs.Length} of the {values.Count} epochs, from epoch {epochs[0]}";
        return NotComputed.Finite(values, $"{why} in {which}{because}");
    }

    /// <summary>accuracy ≥ target, or, when the accuracy was not computed, a failing check with 0 standing in and the reason in its text.</summary>
    private static QualityCheck AccuracyTarget(string check, ModelResult result, double target) =>
        result.Metrics["accuracy"] is double accuracy
            ? QualityCheck.AtLeast(check, accuracy, target)
            : QualityCheck.AtLeast($"{check} (not computed, 0 stands in: {((NotComputed)result.Metrics["accuracy"]).Reason})", 0.0, target);

    private static void WriteOutputs(string folder, MlpDescription model, InputScaling scaling, TrainingHistory history, Matrix probabilities, LabeledData test)
    {
        int[] predicted = ClassificationMetrics.Predict(probabilities);
        int missing = predicted.Count(p => p < 0);
        LossCurvesPlot.Save(Path.Combine(folder, "loss-curves.png"), history);
        ConfusionMatrixPlot.Save(Path.Combine(folder, "confusion-matrix.png"),
            missing == 0 ? "mlp-from-scratch on the test set" : $"mlp-from-scratch on the test set ({missing} rows with outputs not finite left out)",
            ClassificationMetrics.ConfusionMatrix(predicted, test.Labels, test.Classes));
        ModelFile.Save(Path.Combine(folder, "model.json"), model, scaling);

        var csv = new StringBuilder("row,label,predicted");
        for (int c = 0; c < test.Classes; c++)
        {
            csv.Append(CultureInfo.InvariantCulture, $",p{c}");
        }
        csv.Append('\n');
        for (int n = 0; n < test.Rows; n++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{n},{test.Labels[n]},");
            if (predicted[n] >= 0)
            {
                csv.Append(predicted[n].ToString(CultureInfo.InvariantCulture));
            }
            foreach (double p in probabilities.Row(n))
            {
                csv.Append(',');
                if (double.IsFinite(p))
                {
                    csv.Append(p.ToString("R", CultureInfo.InvariantCulture));
                }
            }
            csv.Append('\n');
        }
        AtomicFile.WriteAllText(Path.Combine(folder, "predictions.csv"), csv.ToString());
    }
}
