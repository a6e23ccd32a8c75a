namespace ReferenceSolutions.NeuralNet.FromScratch;

/// <summary>
/// Stochastic gradient descent by PyTorch's SGD rule (dampening 0), which TorchSharp's <c>optim.SGD</c> re-implements
/// in C#: g ← ∇θ + λθ; with momentum μ &gt; 0, v ← μv + g from v = 0 (which equals PyTorch's v ← g on the first step,
/// bit for bit); the step direction is d = g + μv (Nesterov) or d = v; θ ← θ − η·d.
/// Derivation: docs/neural-net.md#sgd-and-momentum.
/// </summary>
public sealed class Sgd : IOptimizer
{
    private readonly IReadOnlyList<Parameter> _parameters;
    private readonly double[][] _velocity;
    private readonly double _momentum;
    private readonly bool _nesterov;
    private readonly double _weightDecay;

    /// <summary>SGD over <paramref name="parameters"/>; <paramref name="momentum"/> μ = 0 is plain SGD.</summary>
    public Sgd(IReadOnlyList<Parameter> parameters, double learningRate, double momentum = 0.0, bool nesterov = false, double weightDecay = 0.0)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (nesterov && momentum <= 0.0)
        {
            throw new ArgumentException("Nesterov momentum needs μ > 0", nameof(nesterov));
        }
        _parameters = parameters;
        _velocity = parameters.Select(p => new double[momentum != 0.0 ? p.Value.Length : 0]).ToArray();
        LearningRate = learningRate;
        _momentum = momentum;
        _nesterov = nesterov;
        _weightDecay = weightDecay;
    }

    /// <inheritdoc/>
    public double LearningRate { get; set; }

    /// <inheritdoc/>
    public long Steps { get; private set; }

    /// <inheritdoc/>
    public void Step()
    {
        Steps++;
        for (int p = 0; p < _parameters.Count; p++)
        {
            double[] theta = _parameters[p].Value;
            double[] grad = _parameters[p].Gradient;
            for (int i = 0; i < theta.Length; i++)
            {
                double g = _weightDecay != 0.0 ? grad[i] + (_weightDecay * theta[i]) : grad[i];
                if (_momentum != 0.0)
                {
                    double[] v = _velocity[p];
                    v[i] = (_momentum * v[i]) + g;
                    g = _nesterov ? g + (_momentum * v[i]) : v[i];
                }
                theta[i] -= LearningRate * g;
            }
        }
    }

    /// <summary>The velocities v (one buffer set) with momentum; none without.</summary>
    public IReadOnlyList<IReadOnlyList<double[]>> Buffers() =>
        _momentum != 0.0 ? [[.. _velocity.Select(v => (double[])v.Clone())]] : [];

    /// <inheritdoc/>
    public void Load(long steps, IReadOnlyList<IReadOnlyList<double[]>> buffers)
    {
        ArgumentNullException.ThrowIfNull(buffers);
        if (buffers.Count != (_momentum != 0.0 ? 1 : 0))
        {
            throw new ArgumentException($"SGD {(_momentum != 0.0 ? "with" : "without")} momentum keeps {(_momentum != 0.0 ? 1 : 0)} buffer set, not {buffers.Count}", nameof(buffers));
        }
        for (int k = 0; k < buffers.Count; k++)
        {
            for (int p = 0; p < _velocity.Length; p++)
            {
                buffers[k][p].CopyTo(_velocity[p], 0);
            }
        }
        Steps = steps;
    }
}
