using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.Core.Solutions;
using ReferenceSolutions.NeuralNet.Data;
using ReferenceSolutions.NeuralNet.FromScratch;
using ReferenceSolutions.NeuralNet.Torch;
using ReferenceSolutions.NeuralNet.Training;
using ReferenceSolutions.TestSupport;

namespace ReferenceSolutions.NeuralNet.Tests;

/// <summary>
/// Identity: the hand-written optimizers apply PyTorch's update rules, as TorchSharp's C# optimizers do, so the two twins,
/// started from the same weights and fed the same 240 mini-batches in the same order at the same learning rates, follow
/// the same trajectory (tanh and cross-entropy, plus ReLU with MSE and sigmoid): every per-step loss and every final
/// parameter agree within <see cref="NeuralNetTolerances.TrajectoryLoss"/> and <see cref="NeuralNetTolerances.TrajectoryParameters"/>,
/// set from the differences measured over whole runs (docs/neural-net.md#how-far-the-twins-drift-apart). A rule
/// mismatch (momentum convention, ε placement, bias correction, coupled vs decoupled decay, a β) shows up as ≥ 1e-4.
/// </summary>
public class TrajectoryParityTests
{
    private const int Steps = 240;

    public static TheoryData<string> Optimizers() =>
    [
        "sgd", "sgd+wd", "momentum", "nesterov+wd", "adam", "adam+wd", "adamw", "momentum/relu/mse", "adam/sigmoid",
    ];

    [Theory]
    [MemberData(nameof(Optimizers))]
    public void TwinsFollowTheSameTrajectory(string name)
    {
        OptimizerSettings settings = name switch
        {
            "sgd" => new(OptimizerKind.Sgd, 0.1),
            "sgd+wd" => new(OptimizerKind.Sgd, 0.1, WeightDecay: 1e-2),
            "momentum" => new(OptimizerKind.Momentum, 0.05, Momentum: 0.9),
            "nesterov+wd" => new(OptimizerKind.Momentum, 0.05, WeightDecay: 1e-3, Momentum: 0.9, Nesterov: true),
            "adam" => new(OptimizerKind.Adam, 1e-2),
            "adam+wd" => new(OptimizerKind.Adam, 1e-2, WeightDecay: 1e-3),
            "adamw" => new(OptimizerKind.AdamW, 1e-2, WeightDecay: 1e-2),
            "momentum/relu/mse" => new(OptimizerKind.Momentum, 0.05, WeightDecay: 1e-3, Momentum: 0.9),
            "adam/sigmoid" => new(OptimizerKind.Adam, 1e-2, WeightDecay: 1e-4),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
        Activation activation = name.EndsWith("/relu/mse", StringComparison.Ordinal) ? Activation.Relu
            : name.EndsWith("/sigmoid", StringComparison.Ordinal) ? Activation.Sigmoid
            : Activation.Tanh;
        LossKind loss = name.EndsWith("/mse", StringComparison.Ordinal) ? LossKind.MeanSquaredError : LossKind.SoftmaxCrossEntropy;
        (Comparison stepLoss, Comparison parameters, double moved) = Trajectory(settings, settings, activation, loss);
        ParityAssert.Passes(NeuralNetChecks.TrajectoryLoss, stepLoss);
        ParityAssert.Passes(NeuralNetChecks.TrajectoryParameters, parameters);
        Assert.True(moved > 1e-2, $"training barely moved the weights ({moved:E3}), so the comparison would prove nothing");
    }

    /// <summary>
    /// What a run does every epoch: the TorchSharp twin, loaded with the state of a from-scratch twin that has trained
    /// for 25 steps (so momentum's v, Adam's m, v and t are all non-trivial), reads that state back and takes the same
    /// next step.
    /// </summary>
    [Theory]
    [InlineData(OptimizerKind.Sgd, false)]
    [InlineData(OptimizerKind.Momentum, false)]
    [InlineData(OptimizerKind.Momentum, true)]
    [InlineData(OptimizerKind.Adam, false)]
    [InlineData(OptimizerKind.AdamW, false)]
    public void ATwinRestartedFromTheOtherTwinsStateTakesTheSameStep(OptimizerKind kind, bool nesterov)
    {
        var settings = new OptimizerSettings(kind, kind is OptimizerKind.Adam or OptimizerKind.AdamW ? 1e-2 : 0.05, WeightDecay: 1e-3, Nesterov: nesterov);
        MlpDescription net = Generators.Network(21, 12, [16, 8], 3, Activation.Tanh, LossKind.SoftmaxCrossEntropy);
        (Matrix data, int[] labels) = Generators.Batch(22, 256, 12, 3);
        using var scratch = new FromScratchTwin(net, settings);
        using var torch = new TorchTwin(net, settings);
        var rng = new Rng(23);
        for (int step = 0; step < 25; step++)
        {
            (Matrix x, int[] y) = Batch(data, labels, rng);
            scratch.TrainStep(x, y, settings.LearningRate);
        }
        TwinState state = scratch.Capture();
        torch.Load(state);
        TwinState loaded = torch.Capture();
        Assert.Equal((25L, state.Buffers.Count), (loaded.Step, loaded.Buffers.Count));
        var comparison = new Comparison("from-scratch", "torch").AddParameters(state.Parameters, loaded.Parameters, "loaded: ");
        for (int k = 0; k < state.Buffers.Count; k++)
        {
            for (int p = 0; p < state.Buffers[k].Count; p++)
            {
                comparison.Add($"loaded: buffer {k} of tensor {p}", state.Buffers[k][p], loaded.Buffers[k][p]);
            }
        }
        (Matrix nextX, int[] nextY) = Batch(data, labels, rng);
        comparison.Add("loss of the next step", scratch.TrainStep(nextX, nextY, settings.LearningRate), torch.TrainStep(nextX, nextY, settings.LearningRate));
        comparison.AddParameters(scratch.Snapshot(), torch.Snapshot(), "after the next step: ");
        ParityAssert.Passes(NeuralNetChecks.TwinRestart, comparison);
    }

    /// <summary>The TorchSharp Adam factory's own β₂ default (0.99, where PyTorch has 0.999) on one side is caught by both checks.</summary>
    [Fact]
    public void AMismatchedUpdateRuleIsCaught()
    {
        var ours = new OptimizerSettings(OptimizerKind.Adam, 1e-2);
        (Comparison stepLoss, Comparison parameters, _) = Trajectory(ours, ours with { Beta2 = 0.99 }, Activation.Tanh, LossKind.SoftmaxCrossEntropy);
        ParityAssert.Fails(NeuralNetChecks.TrajectoryLoss, stepLoss);
        ParityAssert.Fails(NeuralNetChecks.TrajectoryParameters, parameters);
        Assert.True(parameters.MaxAbsDiff > 1e-4, $"{parameters.MaxAbsDiff:E3}");
    }

    /// <summary>A NaN loss from either twin during training fails the per-step check, naming the twin and the step.</summary>
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void ANaNLossInEitherTwinFailsTheTrajectory(int poisoned)
    {
        TrainingHistory history = TrainPair(poisoned, nanLossAtStep: 5, nanParameters: false);
        ParityAssert.Fails(NeuralNetChecks.TrajectoryLoss, history.Differences!.StepLoss);
        Assert.Equal($"{history.Names[poisoned]}: loss at step 5 is NaN", history.Differences.StepLoss.NonFinite);
        Assert.True(double.IsNaN(history.Differences.StepLossByEpoch[0]));
    }

    /// <summary>A NaN parameter in either twin fails the parameter check, naming the twin, the epoch and the entry.</summary>
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void ANaNParameterFailsTheTrajectory(int poisoned)
    {
        TrainingHistory history = TrainPair(poisoned, nanLossAtStep: -1, nanParameters: true);
        ParityAssert.Fails(NeuralNetChecks.TrajectoryParameters, history.Differences!.Parameters);
        Assert.Equal($"{history.Names[poisoned]}: epoch 1: layers.0.bias[0] is NaN", history.Differences.Parameters.NonFinite);
    }

    private static (Comparison StepLoss, Comparison Parameters, double Moved) Trajectory(OptimizerSettings scratchSettings, OptimizerSettings torchSettings, Activation activation, LossKind loss)
    {
        MlpDescription net = Generators.Network(11, 12, [16, 8], 3, activation, loss);
        (Matrix data, int[] labels) = Generators.Batch(12, 256, 12, 3);
        using var scratch = new FromScratchTwin(net, scratchSettings);
        using var torch = new TorchTwin(net, torchSettings);
        var rng = new Rng(13);
        var stepLoss = new Comparison("from-scratch", "torch");
        for (int step = 0; step < Steps; step++)
        {
            (Matrix x, int[] y) = Batch(data, labels, rng);
            double lr = scratchSettings.LearningRate * (1.0 - (0.5 * step / Steps));
            stepLoss.Add($"loss at step {step + 1}", scratch.TrainStep(x, y, lr), torch.TrainStep(x, y, lr));
        }
        Comparison parameters = new Comparison("from-scratch", "torch").AddParameters(scratch.Snapshot(), torch.Snapshot());
        double moved = new Comparison("trained", "initial").AddParameters(scratch.Snapshot(), net).MaxAbsDiff;
        return (stepLoss, parameters, moved);
    }

    /// <summary>16 rows drawn with replacement.</summary>
    private static (Matrix X, int[] Labels) Batch(Matrix data, int[] labels, Rng rng)
    {
        int[] rows = Enumerable.Range(0, 16).Select(_ => rng.NextInt(data.Rows)).ToArray();
        var x = new Matrix(rows.Length, data.Columns);
        for (int i = 0; i < rows.Length; i++)
        {
            data.Row(rows[i]).CopyTo(x.Row(i));
        }
        return (x, rows.Select(r => labels[r]).ToArray());
    }

    private static TrainingHistory TrainPair(int poisoned, int nanLossAtStep, bool nanParameters)
    {
        (LabeledData train, LabeledData validation) = PlantedClusters.Generate(3, 200, 50);
        MlpDescription net = MlpDescription.Create(train.Features.Columns, [8], train.Classes, Activation.Relu, LossKind.SoftmaxCrossEntropy, new Rng(4));
        var settings = new OptimizerSettings(OptimizerKind.Momentum, 0.05);
        using var scratch = new FromScratchTwin(net, settings);
        using var torch = new TorchTwin(net, settings);
        IMlpTwin[] twins = [scratch, torch];
        twins[poisoned] = new PoisonedTwin(twins[poisoned], nanLossAtStep, nanParameters);
        var options = new TrainingOptions(Epochs: 2, BatchSize: 20, LearningRate: 0.05, EarlyStopping: false);
        return TwinTrainer.Train(twins, train, validation, options, null, new Rng(5), SilentProgress.Instance);
    }

    /// <summary>A twin that reports a NaN loss at one step, or a NaN first bias in every snapshot; otherwise its inner twin.</summary>
    private sealed class PoisonedTwin(IMlpTwin inner, int nanLossAtStep, bool nanParameters) : IMlpTwin
    {
        private int _steps;

        public string Name => inner.Name;

        public (double Loss, IReadOnlyList<LayerGradient> Gradients) LossAndGradients(Matrix x, int[] labels) => inner.LossAndGradients(x, labels);

        public double TrainStep(Matrix x, int[] labels, double learningRate)
        {
            double loss = inner.TrainStep(x, labels, learningRate);
            return ++_steps == nanLossAtStep ? double.NaN : loss;
        }

        public Matrix Outputs(Matrix x) => inner.Outputs(x);

        public MlpDescription Snapshot()
        {
            MlpDescription snapshot = inner.Snapshot();
            if (nanParameters)
            {
                snapshot.Layers[0].Bias[0] = double.NaN;
            }
            return snapshot;
        }

        public void Restore(MlpDescription description) => inner.Restore(description);

        public TwinState Capture() => inner.Capture();

        public void Load(TwinState state) => inner.Load(state);

        public void Dispose()
        {
        }
    }
}
