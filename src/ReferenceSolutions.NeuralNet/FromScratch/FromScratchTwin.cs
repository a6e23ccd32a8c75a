namespace ReferenceSolutions.NeuralNet.FromScratch;

/// <summary>The hand-written <see cref="Mlp"/> with a hand-written optimizer, behind <see cref="IMlpTwin"/>.</summary>
public sealed class FromScratchTwin : IMlpTwin
{
    private readonly Mlp _network;
    private readonly IOptimizer _optimizer;

    /// <summary>A network with the weights of <paramref name="initial"/> and the optimizer of <paramref name="settings"/>.</summary>
    public FromScratchTwin(MlpDescription initial, OptimizerSettings settings, string name = "mlp-from-scratch")
    {
        _network = new Mlp(initial);
        _optimizer = Optimizers.Create(settings, _network.Parameters);
        Name = name;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public (double Loss, IReadOnlyList<LayerGradient> Gradients) LossAndGradients(Matrix x, int[] labels)
    {
        double loss = _network.LossAndGradients(x, labels);
        return (loss, _network.Gradients());
    }

    /// <inheritdoc/>
    public double TrainStep(Matrix x, int[] labels, double learningRate)
    {
        double loss = _network.LossAndGradients(x, labels);
        _optimizer.LearningRate = learningRate;
        _optimizer.Step();
        return loss;
    }

    /// <inheritdoc/>
    public Matrix Outputs(Matrix x) => _network.Forward(x);

    /// <inheritdoc/>
    public MlpDescription Snapshot() => _network.Describe();

    /// <inheritdoc/>
    public void Restore(MlpDescription description) => _network.Load(description);

    /// <inheritdoc/>
    public TwinState Capture() => new(_network.Describe(), _optimizer.Steps, _optimizer.Buffers());

    /// <inheritdoc/>
    public void Load(TwinState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        _network.Load(state.Parameters);
        _optimizer.Load(state.Step, state.Buffers);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
    }
}
