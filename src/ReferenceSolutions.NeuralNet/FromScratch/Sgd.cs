using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using ReferenceSolutions.Core.Native;

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
            if (_momentum == 0.0 && _weightDecay == 0.0)
            {
                Descend(theta, grad, LearningRate);
                continue;
            }
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

    /// <summary>
    /// θ ← θ − η·g element by element, plain SGD (μ = 0, λ = 0): the loop of <see cref="Step"/> with g = ∇θ, rounded as
    /// it rounds (the product η·g, then the difference; no fused multiply-add). The vector bodies do the same two
    /// operations eight (Vector512) then four (Vector256) lanes at a time in the process's
    /// <see cref="VectorWidth.Current"/>, the plain loop at the end takes the tail; bit for bit equal to it at every width.
    /// </summary>
    internal static void Descend(Span<double> theta, ReadOnlySpan<double> gradient, double learningRate) =>
        Descend(VectorWidth.Current, theta, gradient, learningRate);

    /// <summary><see cref="Descend(Span{double}, ReadOnlySpan{double}, double)"/> in the given width.</summary>
    internal static void Descend(SimdWidth width, Span<double> theta, ReadOnlySpan<double> gradient, double learningRate)
    {
        if (gradient.Length != theta.Length)
        {
            throw new ArgumentException($"SGD spans differ in length: θ {theta.Length}, gradient {gradient.Length}");
        }
        int i = 0;
        ref double t = ref MemoryMarshal.GetReference(theta);
        ref double g = ref MemoryMarshal.GetReference(gradient);
        if (width == SimdWidth.Vector512)
        {
            Vector512<double> eta = Vector512.Create(learningRate);
            for (; i <= theta.Length - Vector512<double>.Count; i += Vector512<double>.Count)
            {
                Vector512<double> step = Vector512.Multiply(eta, Vector512.LoadUnsafe(ref g, (nuint)i));
                Vector512.StoreUnsafe(Vector512.Subtract(Vector512.LoadUnsafe(ref t, (nuint)i), step), ref t, (nuint)i);
            }
        }
        if (width >= SimdWidth.Vector256)
        {
            Vector256<double> eta = Vector256.Create(learningRate);
            for (; i <= theta.Length - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                Vector256<double> step = Vector256.Multiply(eta, Vector256.LoadUnsafe(ref g, (nuint)i));
                Vector256.StoreUnsafe(Vector256.Subtract(Vector256.LoadUnsafe(ref t, (nuint)i), step), ref t, (nuint)i);
            }
        }
        for (; i < theta.Length; i++)
        {
            theta[i] -= learningRate * gradient[i];
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
