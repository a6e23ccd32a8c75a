using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.Core.Solutions;
using ReferenceSolutions.NeuralNet.Data;
using ReferenceSolutions.NeuralNet.Evaluation;
using ReferenceSolutions.NeuralNet.FromScratch;
using ReferenceSolutions.NeuralNet.Training;

namespace ReferenceSolutions.NeuralNet.Tests;

/// <summary>Early stopping keeps the epoch with the lowest validation loss; the cosine schedule has its closed form.</summary>
public class TwinTrainerTests
{
    [Fact]
    public void EarlyStoppingRestoresTheBestEpoch()
    {
        (LabeledData train, LabeledData test) = PlantedClusters.Generate(3, 300, 200);
        MlpDescription net = MlpDescription.Create(train.Features.Columns, [16], train.Classes, Activation.Relu, LossKind.SoftmaxCrossEntropy, new Rng(4));
        using var twin = new FromScratchTwin(net, new OptimizerSettings(OptimizerKind.Sgd, 2.0));
        var options = new TrainingOptions(Epochs: 40, BatchSize: 16, LearningRate: 2.0, Patience: 3, CosineSchedule: false);
        TrainingHistory history = TwinTrainer.Train([twin], train, test, options, null, new Rng(5), SilentProgress.Instance);

        IReadOnlyList<double> validation = history.ValidationLoss[0];
        Assert.Equal(history.BestEpoch + options.Patience, validation.Count);
        Assert.Equal(validation.Min(), validation[history.BestEpoch - 1]);
        double restored = ClassificationMetrics.LogLoss(ClassificationMetrics.Softmax(twin.Outputs(test.Features)), test.Labels);
        Assert.Equal(validation[history.BestEpoch - 1], restored);
    }

    [Fact]
    public void CosineScheduleStartsAtTheRateAndHalvesAtMidpoint()
    {
        var options = new TrainingOptions(Epochs: 10, BatchSize: 1, LearningRate: 0.4);
        Assert.Equal(0.4, options.LearningRateAt(0));
        Assert.True(Math.Abs(options.LearningRateAt(5) - 0.2) <= 1e-15);
        Assert.True(options.LearningRateAt(9) < 0.01);
    }
}
