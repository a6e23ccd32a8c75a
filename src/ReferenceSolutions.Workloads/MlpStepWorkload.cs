using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.NeuralNet;
using ReferenceSolutions.NeuralNet.FromScratch;
using ReferenceSolutions.NeuralNet.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace ReferenceSolutions.Workloads;

/// <summary>
/// One SGD step (zero_grad, forward, backward, update; η = 1e-3) of a 64-64-10 ReLU MLP with softmax cross-entropy in
/// float64 on one batch of N rows: the hand-written network against TorchSharp, from the same weights and batch.
/// </summary>
public sealed class MlpStepWorkload : IBenchWorkload
{
    private const double LearningRate = 1e-3;
    private readonly FromScratchTwin _scratch;
    private readonly TorchMlp _torch;
    private readonly optim.Optimizer _optimizer;
    private readonly Matrix _x;
    private readonly int[] _labels;
    private readonly Tensor _tx;
    private readonly Tensor _ty;

    public MlpStepWorkload(int batch)
    {
        var rng = new Rng(1);
        MlpDescription net = MlpDescription.Create(64, [64], 10, Activation.Relu, LossKind.SoftmaxCrossEntropy, rng);
        var settings = new OptimizerSettings(OptimizerKind.Sgd, LearningRate);
        _x = rng.GaussianMatrix(batch, 64);
        _labels = [.. Enumerable.Range(0, batch).Select(_ => rng.NextInt(10))];
        _scratch = new FromScratchTwin(net, settings);
        _torch = new TorchMlp(net);
        _optimizer = TorchTwin.CreateOptimizer(settings, _torch.parameters());
        _tx = tensor(_x.Data, [batch, 64], ScalarType.Float64); // (N,D)
        _ty = tensor(_labels.Select(l => (long)l).ToArray(), ScalarType.Int64); // (N)
        Name = $"mlp-step-b{batch}";
    }

    public string Name { get; }

    public void FromScratch() => _scratch.TrainStep(_x, _labels, LearningRate);

    public void Library()
    {
        using DisposeScope scope = NewDisposeScope();
        _optimizer.zero_grad();
        Tensor loss = nn.functional.cross_entropy(_torch.forward(_tx), _ty); // (N,C) → scalar
        loss.backward();
        _optimizer.step();
    }

    public void Dispose()
    {
        _optimizer.Dispose();
        _torch.Dispose();
        _scratch.Dispose();
        _tx.Dispose();
        _ty.Dispose();
    }
}
