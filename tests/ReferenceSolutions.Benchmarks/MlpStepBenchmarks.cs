using BenchmarkDotNet.Attributes;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.NeuralNet;
using ReferenceSolutions.NeuralNet.FromScratch;
using ReferenceSolutions.NeuralNet.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace ReferenceSolutions.Benchmarks;

/// <summary>
/// One SGD training step (zero_grad, forward, backward, update) of a 64-64-10 ReLU MLP with softmax cross-entropy in
/// float64, batch N = 32 and 1024: the hand-written network against TorchSharp (baseline), from the same weights and batch.
/// </summary>
public class MlpStepBenchmarks : IDisposable
{
    private FromScratchTwin _scratch = null!;
    private TorchMlp _torch = null!;
    private optim.Optimizer _optimizer = null!;
    private Matrix _x = null!;
    private int[] _labels = null!;
    private Tensor _tx = null!;
    private Tensor _ty = null!;

    [Params(32, 1024)]
    public int Batch { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Rng(1);
        MlpDescription net = MlpDescription.Create(64, [64], 10, Activation.Relu, LossKind.SoftmaxCrossEntropy, rng);
        var settings = new OptimizerSettings(OptimizerKind.Sgd, 1e-3);
        _x = rng.GaussianMatrix(Batch, 64);
        _labels = Enumerable.Range(0, Batch).Select(_ => rng.NextInt(10)).ToArray();
        _scratch = new FromScratchTwin(net, settings);
        _torch = new TorchMlp(net);
        _optimizer = TorchTwin.CreateOptimizer(settings, _torch.parameters());
        _tx = tensor(_x.Data, [Batch, 64], ScalarType.Float64); // (N,D)
        _ty = tensor(_labels.Select(l => (long)l).ToArray(), ScalarType.Int64); // (N)
    }

    [GlobalCleanup]
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true, Description = "TorchSharp step")]
    public double Torch()
    {
        using var scope = NewDisposeScope();
        _optimizer.zero_grad();
        Tensor loss = nn.functional.cross_entropy(_torch.forward(_tx), _ty); // (N,C) → scalar
        loss.backward();
        _optimizer.step();
        return loss.item<double>();
    }

    [Benchmark(Description = "from-scratch step")]
    public double FromScratch() => _scratch.TrainStep(_x, _labels, 1e-3);

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _optimizer?.Dispose();
            _torch?.Dispose();
            _scratch?.Dispose();
            _tx?.Dispose();
            _ty?.Dispose();
        }
    }
}
