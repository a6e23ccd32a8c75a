using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.NeuralNet.FromScratch;
using ReferenceSolutions.NeuralNet.Torch;

namespace ReferenceSolutions.NeuralNet.Tests;

/// <summary>
/// Identity: the hand-written optimizers are torch.optim's update rules, so the two twins, started from the same weights and
/// fed the same 240 mini-batches in the same order, follow the same trajectory (tanh and cross-entropy, plus ReLU with MSE and sigmoid): every per-step loss and every final
/// parameter agree within <see cref="Tolerance.Float64Trajectory"/> (1e-8). Per step the twins differ by reordered
/// float64 sums (~1e-15); over a few hundred steps of a non-expansive descent that grows at most about linearly.
/// A rule mismatch (momentum convention, ε placement, bias correction, coupled vs decoupled decay) shows up as ≥ 1e-4.
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
        MlpDescription net = Generators.Network(11, 12, [16, 8], 3, activation, loss);
        (var data, int[] labels) = Generators.Batch(12, 256, 12, 3);
        using var scratch = new FromScratchTwin(net, settings);
        using var torch = new TorchTwin(net, settings);
        var rng = new Rng(13);
        double maxLossDiff = 0.0;
        for (int step = 0; step < Steps; step++)
        {
            int[] rows = Enumerable.Range(0, 16).Select(_ => rng.NextInt(data.Rows)).ToArray();
            var x = new ReferenceSolutions.Core.LinearAlgebra.Matrix(rows.Length, data.Columns);
            for (int i = 0; i < rows.Length; i++)
            {
                data.Row(rows[i]).CopyTo(x.Row(i));
            }
            int[] y = rows.Select(r => labels[r]).ToArray();
            double lr = settings.LearningRate * (1.0 - (0.5 * step / Steps));
            maxLossDiff = Math.Max(maxLossDiff, Math.Abs(scratch.TrainStep(x, y, lr) - torch.TrainStep(x, y, lr)));
        }
        double tolerance = Tolerance.Float64Trajectory.Value;
        Assert.True(maxLossDiff <= tolerance, $"per-step loss max |diff| {maxLossDiff:E3}");
        (double max, string where) = Generators.Compare(scratch.Snapshot(), torch.Snapshot());
        Assert.True(max <= tolerance, $"parameters max |diff| {max:E3} at {where}");
        (double moved, _) = Generators.Compare(scratch.Snapshot(), net);
        Assert.True(moved > 1e-2, $"training barely moved the weights ({moved:E3}), so the comparison would prove nothing");
    }
}
