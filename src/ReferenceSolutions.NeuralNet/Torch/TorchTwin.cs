using ReferenceSolutions.NeuralNet.FromScratch;
using TorchSharp;
using static TorchSharp.torch;

namespace ReferenceSolutions.NeuralNet.Torch;

/// <summary>
/// The TorchSharp twin: <see cref="TorchMlp"/> trained by TorchSharp's <c>optim.SGD</c>, <c>optim.Adam</c> or
/// <c>optim.AdamW</c> (C# re-implementations of PyTorch's rules) with the hyper-parameters of the from-scratch twin; the
/// loss is <c>nn.functional.cross_entropy</c> or <c>mse_loss</c> on one-hot targets, mean reduction. Every step runs in
/// its own <c>torch.NewDisposeScope()</c>.
/// </summary>
public sealed class TorchTwin : IMlpTwin
{
    private readonly TorchMlp _model;
    private readonly optim.Optimizer _optimizer;
    private readonly LossKind _loss;
    private readonly int _classes;

    /// <summary>A twin starting from the weights of <paramref name="initial"/>.</summary>
    public TorchTwin(MlpDescription initial, OptimizerSettings settings, string name = "mlp-torch")
    {
        ArgumentNullException.ThrowIfNull(initial);
        ArgumentNullException.ThrowIfNull(settings);
        using var noCollection = NoCollection.Enter();
        _model = new TorchMlp(initial);
        _loss = initial.Loss;
        _classes = initial.Outputs;
        _optimizer = CreateOptimizer(settings, _model.parameters());
        Name = name;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <summary>TorchSharp's optimizer for <paramref name="settings"/>; β₂ is always passed, since the <c>optim.Adam</c> factory's default (0.99) differs from PyTorch's 0.999.</summary>
    public static optim.Optimizer CreateOptimizer(OptimizerSettings settings, IEnumerable<TorchSharp.Modules.Parameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Kind switch
        {
            OptimizerKind.Sgd => optim.SGD(parameters, settings.LearningRate, momentum: 0.0, weight_decay: settings.WeightDecay),
            OptimizerKind.Momentum => optim.SGD(parameters, settings.LearningRate, momentum: settings.Momentum, nesterov: settings.Nesterov, weight_decay: settings.WeightDecay),
            OptimizerKind.Adam => optim.Adam(parameters, settings.LearningRate, beta1: settings.Beta1, beta2: settings.Beta2, eps: settings.Epsilon, weight_decay: settings.WeightDecay),
            OptimizerKind.AdamW => optim.AdamW(parameters, settings.LearningRate, beta1: settings.Beta1, beta2: settings.Beta2, eps: settings.Epsilon, weight_decay: settings.WeightDecay),
            _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Kind, null),
        };
    }

    /// <inheritdoc/>
    public (double Loss, IReadOnlyList<LayerGradient> Gradients) LossAndGradients(Matrix x, int[] labels)
    {
        using var noCollection = NoCollection.Enter();
        using var scope = NewDisposeScope();
        _model.zero_grad();
        Tensor loss = Loss(x, labels);
        loss.backward();
        return (loss.item<double>(), _model.Gradients());
    }

    /// <inheritdoc/>
    public double TrainStep(Matrix x, int[] labels, double learningRate)
    {
        using var noCollection = NoCollection.Enter();
        using var scope = NewDisposeScope();
        foreach (var group in _optimizer.ParamGroups)
        {
            group.LearningRate = learningRate;
        }
        _optimizer.zero_grad();
        Tensor loss = Loss(x, labels);
        loss.backward();
        _optimizer.step();
        return loss.item<double>();
    }

    /// <inheritdoc/>
    public Matrix Outputs(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        using var noCollection = NoCollection.Enter();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        Tensor output = _model.forward(ToTensor(x)); // (N,D) → (N,C)
        return TorchMlp.ToMatrix(output);
    }

    /// <inheritdoc/>
    public MlpDescription Snapshot() => _model.Describe(_loss);

    /// <inheritdoc/>
    public void Restore(MlpDescription description)
    {
        using var noCollection = NoCollection.Enter();
        _model.Load(description);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _optimizer.Dispose();
        _model.Dispose();
    }

    /// <summary>X: N×D row-major → a float64 tensor (N,D).</summary>
    internal static Tensor ToTensor(Matrix x) => tensor(x.Data, [x.Rows, x.Columns], ScalarType.Float64);

    private Tensor Loss(Matrix x, int[] labels)
    {
        ArgumentNullException.ThrowIfNull(x);
        Tensor output = _model.forward(ToTensor(x)); // (N,D) → (N,C)
        Tensor target = tensor(labels.Select(l => (long)l).ToArray(), ScalarType.Int64); // (N)
        return _loss == LossKind.SoftmaxCrossEntropy
            ? nn.functional.cross_entropy(output, target)
            : nn.functional.mse_loss(output, nn.functional.one_hot(target, _classes).to(ScalarType.Float64)); // (N,C)
    }
}
