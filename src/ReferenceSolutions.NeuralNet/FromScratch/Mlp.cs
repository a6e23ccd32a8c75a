namespace ReferenceSolutions.NeuralNet.FromScratch;

/// <summary>
/// The multilayer perceptron by hand: A₀ = X (N×D); Zₗ = Aₗ₋₁·Wₗᵀ + 𝟙bₗᵀ, Aₗ = fₗ(Zₗ); the last Z (N×C) feeds the loss.
/// <see cref="Backward"/> runs the chain rule layer by layer in reverse with no tape: each piece's derivative is written
/// out in <see cref="DenseLayer"/>, <see cref="Activations"/>, <see cref="SoftmaxCrossEntropy"/> and <see cref="MeanSquaredError"/>.
/// </summary>
public sealed class Mlp
{
    private readonly DenseLayer[] _layers;
    private readonly Activation[] _activations;
    private MlpWorkspace? _workspace;

    /// <summary>A network over the weights of <paramref name="description"/> (copied).</summary>
    public Mlp(MlpDescription description)
    {
        ArgumentNullException.ThrowIfNull(description);
        _layers = description.Layers.Select(l => new DenseLayer(l.Weight.Clone(), (double[])l.Bias.Clone())).ToArray();
        _activations = description.Layers.Select(l => l.Activation).ToArray();
        Loss = description.Loss;
        Parameters = _layers.SelectMany((l, i) => new[]
        {
            new Parameter($"layers.{i}.weight", l.Weight.Data, l.WeightGradient.Data),
            new Parameter($"layers.{i}.bias", l.Bias, l.BiasGradient),
        }).ToArray();
    }

    /// <summary>The objective.</summary>
    public LossKind Loss { get; }

    /// <summary>The dense layers, input to output.</summary>
    public IReadOnlyList<DenseLayer> Layers => _layers;

    /// <summary>Every weight and bias with its gradient buffer, named as PyTorch would (<c>layers.0.weight</c>, …).</summary>
    public IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>The current values as a description (a deep copy).</summary>
    public MlpDescription Describe() =>
        new(_layers.Select((l, i) => new LayerValues(l.Weight.Clone(), (double[])l.Bias.Clone(), _activations[i])).ToArray(), Loss);

    /// <summary>Copies the values of <paramref name="description"/> (same shapes) into this network.</summary>
    public void Load(MlpDescription description)
    {
        ArgumentNullException.ThrowIfNull(description);
        for (int i = 0; i < _layers.Length; i++)
        {
            description.Layers[i].Weight.Data.CopyTo(_layers[i].Weight.Data, 0);
            description.Layers[i].Bias.CopyTo(_layers[i].Bias, 0);
        }
    }

    /// <summary>The network's output Z_L: N×C (logits for cross-entropy), a new matrix; X: N×D.</summary>
    public Matrix Forward(Matrix x) => Forward(Workspace(x), x).Clone();

    /// <summary>The mean loss of the batch, with no gradient.</summary>
    public double ComputeLoss(Matrix x, int[] labels)
    {
        MlpWorkspace workspace = Workspace(x);
        Matrix output = Forward(workspace, x);
        return Loss == LossKind.SoftmaxCrossEntropy
            ? SoftmaxCrossEntropy.Forward(output, labels, workspace.Probabilities)
            : MeanSquaredError.Forward(output, labels);
    }

    /// <summary>Forward, loss, then the backward pass: fills every layer's gradient buffers; returns the mean loss.</summary>
    public double LossAndGradients(Matrix x, int[] labels)
    {
        MlpWorkspace workspace = Workspace(x);
        Matrix output = Forward(workspace, x);
        Matrix dLdA = workspace.DLdA[^1];
        double loss;
        if (Loss == LossKind.SoftmaxCrossEntropy)
        {
            loss = SoftmaxCrossEntropy.Forward(output, labels, workspace.Probabilities);
            SoftmaxCrossEntropy.Backward(workspace.Probabilities, labels, dLdA);
        }
        else
        {
            loss = MeanSquaredError.Forward(output, labels);
            MeanSquaredError.Backward(output, labels, dLdA);
        }
        Backward(workspace);
        return loss;
    }

    /// <summary>
    /// 𝟙[z &gt; 0] for every pre-activation z of every ReLU layer in the last forward pass (layer by layer, row-major):
    /// where two evaluations differ, the loss has a kink between them.
    /// </summary>
    internal bool[] ReluSigns()
    {
        MlpWorkspace workspace = _workspace ?? throw new InvalidOperationException("ReluSigns needs a forward pass first");
        var signs = new List<bool>();
        for (int l = 0; l < _layers.Length; l++)
        {
            if (_activations[l] == Activation.Relu)
            {
                signs.AddRange(workspace.Z[l].Data.Select(z => z > 0.0));
            }
        }
        return [.. signs];
    }

    /// <summary>Gradient buffers as per-layer copies.</summary>
    public IReadOnlyList<LayerGradient> Gradients() =>
        _layers.Select(l => new LayerGradient(l.WeightGradient.Clone(), (double[])l.BiasGradient.Clone())).ToArray();

    /// <summary>Aₗ = fₗ(Aₗ₋₁·Wₗᵀ + 𝟙bₗᵀ) for l = 1..L from A₀ = X; returns A_L (the workspace's storage).</summary>
    private Matrix Forward(MlpWorkspace workspace, Matrix x)
    {
        Matrix a = x;
        for (int l = 0; l < _layers.Length; l++)
        {
            _layers[l].Forward(a, workspace.Z[l]);
            if (_activations[l] != Activation.Identity)
            {
                Activations.Forward(_activations[l], workspace.Z[l], workspace.A[l]);
            }
            a = workspace.A[l];
        }
        return a;
    }

    /// <summary>From ∂L/∂A_L (N×C) back to the input: dLdZₗ = dLdAₗ ⊙ fₗ′(Zₗ), then the dense layer's backward gives dLdAₗ₋₁ (not formed for l = 1: A₀ is the data).</summary>
    private void Backward(MlpWorkspace workspace)
    {
        for (int l = _layers.Length - 1; l >= 0; l--)
        {
            if (_activations[l] != Activation.Identity)
            {
                Activations.Backward(_activations[l], workspace.Z[l], workspace.A[l], workspace.DLdA[l], workspace.DLdZ[l]);
            }
            if (l > 0)
            {
                _layers[l].Backward(workspace.DLdZ[l], workspace.DLdA[l - 1]);
            }
            else
            {
                _layers[l].ParameterGradients(workspace.DLdZ[l]);
            }
        }
    }

    /// <summary>The buffers for a batch of X's size, made anew only when the batch size changes.</summary>
    private MlpWorkspace Workspace(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (_workspace is null || _workspace.Rows != x.Rows)
        {
            _workspace = new MlpWorkspace(x.Rows, _layers, _activations);
        }
        return _workspace;
    }
}
