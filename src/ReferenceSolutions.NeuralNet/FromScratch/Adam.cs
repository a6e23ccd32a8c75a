namespace ReferenceSolutions.NeuralNet.FromScratch;

/// <summary>
/// Adam by PyTorch's Adam / AdamW rules (amsgrad off), which TorchSharp's <c>optim.Adam</c> / <c>optim.AdamW</c>
/// re-implement in C#. At step t: coupled decay g ← ∇θ + λθ (Adam) or decoupled θ ← θ(1 − ηλ) (AdamW);
/// m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²; θ ← θ − (η/(1−β₁ᵗ))·m / (√v/√(1−β₂ᵗ) + ε).
/// ε is added after the bias correction of √v, as PyTorch does. Derivation: docs/neural-net.md#adam-and-adamw.
/// </summary>
public sealed class Adam : IOptimizer
{
    private readonly IReadOnlyList<Parameter> _parameters;
    private readonly double[][] _m;
    private readonly double[][] _v;
    private readonly double _beta1, _beta2, _epsilon, _weightDecay;
    private readonly bool _decoupled;

    /// <summary>Adam (or AdamW when <paramref name="decoupled"/>) over <paramref name="parameters"/>.</summary>
    public Adam(IReadOnlyList<Parameter> parameters, double learningRate, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8, double weightDecay = 0.0, bool decoupled = false)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _parameters = parameters;
        _m = parameters.Select(p => new double[p.Value.Length]).ToArray();
        _v = parameters.Select(p => new double[p.Value.Length]).ToArray();
        LearningRate = learningRate;
        _beta1 = beta1;
        _beta2 = beta2;
        _epsilon = epsilon;
        _weightDecay = weightDecay;
        _decoupled = decoupled;
    }

    /// <inheritdoc/>
    public double LearningRate { get; set; }

    /// <inheritdoc/>
    public long Steps { get; private set; }

    /// <inheritdoc/>
    public void Step()
    {
        Steps++;
        double biasCorrection1 = 1.0 - Math.Pow(_beta1, Steps);
        double biasCorrection2Sqrt = Math.Sqrt(1.0 - Math.Pow(_beta2, Steps));
        double stepSize = LearningRate / biasCorrection1;
        double shrink = 1.0 - (LearningRate * _weightDecay);
        for (int p = 0; p < _parameters.Count; p++)
        {
            double[] theta = _parameters[p].Value;
            double[] grad = _parameters[p].Gradient;
            double[] m = _m[p], v = _v[p];
            for (int i = 0; i < theta.Length; i++)
            {
                double g = grad[i];
                if (_decoupled)
                {
                    theta[i] *= shrink;
                }
                else if (_weightDecay != 0.0)
                {
                    g += _weightDecay * theta[i];
                }
                m[i] = (_beta1 * m[i]) + ((1.0 - _beta1) * g);
                v[i] = (_beta2 * v[i]) + ((1.0 - _beta2) * g * g);
                double denominator = (Math.Sqrt(v[i]) / biasCorrection2Sqrt) + _epsilon;
                theta[i] -= stepSize * m[i] / denominator;
            }
        }
    }

    /// <summary>The first moments m, then the second moments v.</summary>
    public IReadOnlyList<IReadOnlyList<double[]>> Buffers() =>
        [[.. _m.Select(m => (double[])m.Clone())], [.. _v.Select(v => (double[])v.Clone())]];

    /// <inheritdoc/>
    public void Load(long steps, IReadOnlyList<IReadOnlyList<double[]>> buffers)
    {
        ArgumentNullException.ThrowIfNull(buffers);
        if (buffers.Count != 2)
        {
            throw new ArgumentException($"Adam keeps 2 buffer sets (m, v), not {buffers.Count}", nameof(buffers));
        }
        for (int p = 0; p < _m.Length; p++)
        {
            buffers[0][p].CopyTo(_m[p], 0);
            buffers[1][p].CopyTo(_v[p], 0);
        }
        Steps = steps;
    }
}
