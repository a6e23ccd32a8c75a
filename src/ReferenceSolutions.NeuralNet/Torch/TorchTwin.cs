using ReferenceSolutions.Core.Native;
using ReferenceSolutions.NeuralNet.FromScratch;
using TorchSharp;
using static TorchSharp.torch;

namespace ReferenceSolutions.NeuralNet.Torch;

/// <summary>
/// The TorchSharp twin: <see cref="TorchMlp"/> trained by TorchSharp's <c>optim.SGD</c>, <c>optim.Adam</c> or
/// <c>optim.AdamW</c> (C# re-implementations of PyTorch's rules) with the hyper-parameters of the from-scratch twin; the
/// loss is <c>nn.functional.cross_entropy</c> or <c>mse_loss</c> on one-hot targets, mean reduction. Every step runs in
/// its own <c>torch.NewDisposeScope()</c>. A batch of more than <see cref="MlpDescription.ChunkRows"/> rows goes through
/// in chunks, as in the from-scratch <see cref="FromScratch.Mlp"/>: each chunk's mean loss, weighted by N_c/N, is
/// back-propagated on its own and autograd sums the gradients, so the graph never holds more than one chunk.
/// </summary>
public sealed class TorchTwin : IMlpTwin
{
    private readonly TorchMlp _model;
    private readonly optim.Optimizer _optimizer;
    private readonly LossKind _loss;
    private readonly int _classes;
    private readonly OptimizerKind _kind;
    private readonly int _chunkRows;
    private long _steps;

    /// <summary>A twin starting from the weights of <paramref name="initial"/>.</summary>
    public TorchTwin(MlpDescription initial, OptimizerSettings settings, string name = "mlp-torch")
        : this(initial, settings, name, initial?.ChunkRows ?? throw new ArgumentNullException(nameof(initial)))
    {
    }

    /// <summary>A twin that takes <paramref name="chunkRows"/> rows at a time (tests compare chunked and whole batches).</summary>
    internal TorchTwin(MlpDescription initial, OptimizerSettings settings, string name, int chunkRows)
    {
        ArgumentNullException.ThrowIfNull(initial);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkRows, 1);
        _chunkRows = chunkRows;
        using var pause = CollectorPause.Enter();
        _model = new TorchMlp(initial);
        _loss = initial.Loss;
        _classes = initial.Outputs;
        _optimizer = CreateOptimizer(settings, _model.parameters());
        _kind = settings.Kind;
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
        using var pause = CollectorPause.Enter();
        using var scope = NewDisposeScope();
        _model.zero_grad();
        double loss = Backward(x, labels);
        return (loss, _model.Gradients());
    }

    /// <inheritdoc/>
    public double TrainStep(Matrix x, int[] labels, double learningRate)
    {
        using var pause = CollectorPause.Enter();
        using var scope = NewDisposeScope();
        foreach (var group in _optimizer.ParamGroups)
        {
            group.LearningRate = learningRate;
        }
        _optimizer.zero_grad();
        double loss = Backward(x, labels);
        _optimizer.step();
        _steps++;
        return loss;
    }

    /// <inheritdoc/>
    public Matrix Outputs(Matrix x) => _model.Outputs(x, _chunkRows);

    /// <summary>Writes the module's parameters with TorchSharp's <c>module.save</c> (see <see cref="Models.TorchModelFile"/>).</summary>
    public void Save(string path)
    {
        using var pause = CollectorPause.Enter();
        _model.save(path);
    }

    /// <inheritdoc/>
    public MlpDescription Snapshot()
    {
        using var pause = CollectorPause.Enter();
        using var scope = NewDisposeScope();
        return _model.Describe(_loss);
    }

    /// <inheritdoc/>
    public void Restore(MlpDescription description)
    {
        using var pause = CollectorPause.Enter();
        _model.Load(description);
    }

    /// <summary>
    /// The parameters, the steps taken, and per parameter the optimizer's buffers as TorchSharp keeps them: SGD's
    /// <c>momentum_buffer</c> (zero before the first step, when TorchSharp has none yet — the same first step, bit for
    /// bit, since μ·0 + g = g), Adam's and AdamW's <c>exp_avg</c> and <c>exp_avg_sq</c>.
    /// </summary>
    public TwinState Capture()
    {
        using var pause = CollectorPause.Enter();
        using var scope = NewDisposeScope();
        MlpDescription parameters = _model.Describe(_loss);
        TorchSharp.Modules.Parameter[] tensors = [.. _model.parameters()];
        List<TorchSharp.Modules.OptimizerState> states = ((TorchSharp.Modules.OptimizerHelper)_optimizer).state_dict().State;
        IReadOnlyList<IReadOnlyList<double[]>> buffers = _kind switch
        {
            OptimizerKind.Sgd => [],
            OptimizerKind.Momentum => [[.. states.Select((s, p) => ((TorchSharp.Modules.SGD.State)s).momentum_buffer is Tensor v ? TorchMlp.ToVector(v) : new double[tensors[p].numel()])]],
            OptimizerKind.Adam => [[.. states.Select(s => TorchMlp.ToVector(((TorchSharp.Modules.Adam.State)s).exp_avg))], [.. states.Select(s => TorchMlp.ToVector(((TorchSharp.Modules.Adam.State)s).exp_avg_sq))]],
            _ => [[.. states.Select(s => TorchMlp.ToVector(((TorchSharp.Modules.AdamW.State)s).exp_avg))], [.. states.Select(s => TorchMlp.ToVector(((TorchSharp.Modules.AdamW.State)s).exp_avg_sq))]],
        };
        return new TwinState(parameters, _steps, buffers);
    }

    /// <summary>Overwrites the parameters, the step count and the optimizer's buffers (see <see cref="Capture"/>).</summary>
    public void Load(TwinState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        using var pause = CollectorPause.Enter();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        _model.Load(state.Parameters);
        TorchSharp.Modules.Parameter[] tensors = [.. _model.parameters()];
        List<TorchSharp.Modules.OptimizerState> states = ((TorchSharp.Modules.OptimizerHelper)_optimizer).state_dict().State;
        int expected = _kind switch { OptimizerKind.Sgd => 0, OptimizerKind.Momentum => 1, _ => 2 };
        if (state.Buffers.Count != expected)
        {
            throw new ArgumentException($"{_kind} keeps {expected} buffer sets, not {state.Buffers.Count}", nameof(state));
        }
        for (int p = 0; p < states.Count; p++)
        {
            switch (states[p])
            {
                case TorchSharp.Modules.SGD.State sgd when _kind == OptimizerKind.Momentum:
                    Tensor velocity = Like(tensors[p], state.Buffers[0][p]);
                    if (sgd.momentum_buffer is null)
                    {
                        sgd.momentum_buffer = velocity.DetachFromDisposeScope();
                    }
                    else
                    {
                        sgd.momentum_buffer.copy_(velocity);
                    }
                    break;
                case TorchSharp.Modules.Adam.State adam:
                    adam.step = state.Step;
                    adam.exp_avg.copy_(Like(tensors[p], state.Buffers[0][p]));
                    adam.exp_avg_sq.copy_(Like(tensors[p], state.Buffers[1][p]));
                    break;
                case TorchSharp.Modules.AdamW.State adamw:
                    adamw.step = state.Step;
                    adamw.exp_avg.copy_(Like(tensors[p], state.Buffers[0][p]));
                    adamw.exp_avg_sq.copy_(Like(tensors[p], state.Buffers[1][p]));
                    break;
            }
        }
        _steps = state.Step;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _optimizer.Dispose();
        _model.Dispose();
    }

    /// <summary>Values (row-major) as a float64 tensor of <paramref name="shapeOf"/>'s shape.</summary>
    private static Tensor Like(Tensor shapeOf, double[] values) => tensor(values, shapeOf.shape, ScalarType.Float64);

    /// <summary>X: N×D row-major → a float64 tensor (N,D).</summary>
    internal static Tensor ToTensor(Matrix x) => tensor(x.Data, [x.Rows, x.Columns], ScalarType.Float64);

    /// <summary>Rows start..start+N_c−1 of X → a float64 tensor (N_c,D).</summary>
    internal static Tensor ToTensor(Matrix x, int start, int count) =>
        tensor(x.Data.AsSpan(start * x.Columns, count * x.Columns).ToArray(), [count, x.Columns], ScalarType.Float64);

    /// <summary>
    /// Back-propagates the batch's mean loss into the parameters' <c>grad</c> (which the caller zeroed) and returns it:
    /// the whole batch at once when it fits in one chunk, else Σ_c (N_c/N)·L_c chunk by chunk, each chunk's graph freed
    /// before the next is built.
    /// </summary>
    private double Backward(Matrix x, int[] labels)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(labels);
        if (x.Rows <= _chunkRows)
        {
            Tensor loss = Loss(ToTensor(x), labels);
            loss.backward();
            return loss.item<double>();
        }
        double total = 0.0;
        for (int start = 0; start < x.Rows; start += _chunkRows)
        {
            using var chunkScope = NewDisposeScope();
            int count = Math.Min(_chunkRows, x.Rows - start);
            Tensor loss = Loss(ToTensor(x, start, count), labels[start..(start + count)]).mul(count / (double)x.Rows);
            loss.backward();
            total += loss.item<double>();
        }
        return total;
    }

    private Tensor Loss(Tensor x, int[] labels)
    {
        Tensor output = _model.forward(x); // (N,D) → (N,C)
        Tensor target = tensor(labels.Select(l => (long)l).ToArray(), ScalarType.Int64); // (N)
        return _loss == LossKind.SoftmaxCrossEntropy
            ? nn.functional.cross_entropy(output, target)
            : nn.functional.mse_loss(output, nn.functional.one_hot(target, _classes).to(ScalarType.Float64)); // (N,C)
    }
}
