using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.Core.Solutions;
using ReferenceSolutions.NeuralNet.Data;
using ReferenceSolutions.NeuralNet.Evaluation;
using ReferenceSolutions.NeuralNet.FromScratch;
using ReferenceSolutions.NeuralNet.Training;
using ReferenceSolutions.TestSupport;

namespace ReferenceSolutions.NeuralNet.Tests;

/// <summary>
/// Early stopping keeps the epoch with the lowest validation loss; fixed epochs keep the last; the cosine schedule has its
/// closed form. The setup (SGD at η = 2 on 270 rows) overfits, so the best epoch comes well before the last.
/// </summary>
public class TwinTrainerTests
{
    [Fact]
    public void EarlyStoppingRestoresTheBestEpoch()
    {
        var options = new TrainingOptions(Epochs: 40, BatchSize: 16, LearningRate: 2.0, Patience: 3, CosineSchedule: false);
        (TrainingHistory history, double held) = Train(options);

        IReadOnlyList<double> validation = history.ValidationLoss[0];
        Assert.Equal(history.BestEpoch + options.Patience, validation.Count);
        Assert.Equal(history.BestEpoch, history.KeptEpoch);
        Assert.All(validation, loss => Assert.True(loss >= validation[history.BestEpoch - 1]));
        ParityAssert.Passes(NeuralNetChecks.KeptWeights, new Comparison("held weights", "recorded").Add($"validation loss of epoch {history.BestEpoch}", held, validation[history.BestEpoch - 1]));
    }

    [Fact]
    public void FixedEpochsKeepTheLastWeights()
    {
        var options = new TrainingOptions(Epochs: 12, BatchSize: 16, LearningRate: 2.0, Patience: 3, CosineSchedule: false, EarlyStopping: false);
        (TrainingHistory history, double held) = Train(options);

        Assert.Equal(12, history.EpochsRun);
        Assert.Equal(12, history.KeptEpoch);
        Assert.True(history.BestEpoch < 12, $"the best epoch {history.BestEpoch} is the last, so keeping the last proves nothing");
        ParityAssert.Passes(NeuralNetChecks.KeptWeights, new Comparison("held weights", "recorded").Add("validation loss of epoch 12", held, history.ValidationLoss[0][^1]));
    }

    [Fact]
    public void CosineScheduleStartsAtTheRateAndHalvesAtMidpoint()
    {
        var options = new TrainingOptions(Epochs: 10, BatchSize: 1, LearningRate: 0.4);
        ParityAssert.Passes(NeuralNetChecks.CosineSchedule, new Comparison("schedule", "closed form")
            .Add("η at epoch 0", options.LearningRateAt(0), 0.4)
            .Add("η at epoch 5", options.LearningRateAt(5), 0.2));
        Assert.True(options.LearningRateAt(9) < 0.01);
    }

    private static (TrainingHistory History, double HeldValidationLoss) Train(TrainingOptions options)
    {
        (LabeledData train, LabeledData validation) = PlantedClusters.Generate(3, 300, 200);
        MlpDescription net = MlpDescription.Create(train.Features.Columns, [16], train.Classes, Activation.Relu, LossKind.SoftmaxCrossEntropy, new Rng(4));
        using var twin = new FromScratchTwin(net, new OptimizerSettings(OptimizerKind.Sgd, options.LearningRate));
        TrainingHistory history = TwinTrainer.Train([twin], train, validation, options, null, new Rng(5), SilentProgress.Instance);
        double held = ClassificationMetrics.LogLoss(ClassificationMetrics.Softmax(twin.Outputs(validation.Features)), validation.Labels);
        return (history, held);
    }
}
