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
    private readonly Matrix[] _z;
    private readonly Matrix[] _a;

    /// <summary>A network over the weights of <paramref name="description"/> (copied).</summary>
    public Mlp(MlpDescription description)
    {
        ArgumentNullException.ThrowIfNull(description);
        _layers = description.Layers.Select(l => new DenseLayer(l.Weight.Clone(), (double[])l.Bias.Clone())).ToArray();
        _activations = description.Layers.Select(l => l.Activation).ToArray();
        Loss = description.Loss;
        _z = new Matrix[_layers.Length];
        _a = new Matrix[_layers.Length];
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

    /// <summary>The network's output Z_L: N×C (logits for cross-entropy); X: N×D.</summary>
    public Matrix Forward(Matrix x)
    {
        Matrix a = x;
        for (int l = 0; l < _layers.Length; l++)
        {
            _z[l] = _layers[l].Forward(a);
            _a[l] = _activations[l] == Activation.Identity ? _z[l] : Activations.Forward(_activations[l], _z[l]);
            a = _a[l];
        }
        return a;
    }

    /// <summary>The mean loss of the batch, with no gradient.</summary>
    public double ComputeLoss(Matrix x, int[] labels)
    {
        Matrix output = Forward(x);
        return Loss == LossKind.SoftmaxCrossEntropy
            ? SoftmaxCrossEntropy.Forward(output, labels).Loss
            : MeanSquaredError.Forward(output, labels);
    }

    /// <summary>Forward, loss, then the backward pass: fills every layer's gradient buffers; returns the mean loss.</summary>
    public double LossAndGradients(Matrix x, int[] labels)
    {
        Matrix output = Forward(x);
        double loss;
        Matrix dLdA;
        if (Loss == LossKind.SoftmaxCrossEntropy)
        {
            (loss, Matrix probabilities) = SoftmaxCrossEntropy.Forward(output, labels);
            dLdA = SoftmaxCrossEntropy.Backward(probabilities, labels);
        }
        else
        {
            loss = MeanSquaredError.Forward(output, labels);
            dLdA = MeanSquaredError.Backward(output, labels);
        }
        Backward(dLdA);
        return loss;
    }

    /// <summary>Gradient buffers as per-layer copies.</summary>
    public IReadOnlyList<LayerGradient> Gradients() =>
        _layers.Select(l => new LayerGradient(l.WeightGradient.Clone(), (double[])l.BiasGradient.Clone())).ToArray();

    /// <summary>From ∂L/∂A_L (N×C) back to the input: dLdZₗ = dLdAₗ ⊙ fₗ′(Zₗ), then the dense layer's backward gives dLdAₗ₋₁ (not formed for l = 1: A₀ is the data).</summary>
    private void Backward(Matrix dLdA)
    {
        for (int l = _layers.Length - 1; l >= 0; l--)
        {
            Matrix dLdZ = _activations[l] == Activation.Identity ? dLdA : Activations.Backward(_activations[l], _z[l], _a[l], dLdA);
            if (l > 0)
            {
                dLdA = _layers[l].Backward(dLdZ);
            }
            else
            {
                _layers[l].ParameterGradients(dLdZ);
            }
        }
    }
}
