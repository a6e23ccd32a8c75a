using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.NeuralNet.FromScratch;

namespace ReferenceSolutions.NeuralNet;

/// <summary>One layer's values: A = f(X·Wᵀ + 𝟙bᵀ) with W: H×D (rows = outputs), b: H and f = <see cref="Activation"/>.</summary>
public sealed record LayerValues(Matrix Weight, double[] Bias, Activation Activation);

/// <summary>∂L/∂W (H×D) and ∂L/∂b (H) of one layer.</summary>
public sealed record LayerGradient(Matrix Weight, double[] Bias);

/// <summary>How initial weights are drawn; biases start at 0.</summary>
public enum Initialization
{
    /// <summary>Xavier/Glorot normal: W ~ N(0, 2/(D + H)), keeps the variance of tanh/sigmoid layers.</summary>
    Xavier,

    /// <summary>He normal: W ~ N(0, 2/D), keeps the variance of ReLU layers.</summary>
    He,
}

/// <summary>
/// A whole multilayer perceptron as plain values: layers D → H₁ → … → C and the loss. Both twins are built from one
/// description, so they start from identical weights without relying on two generators agreeing.
/// </summary>
public sealed record MlpDescription(IReadOnlyList<LayerValues> Layers, LossKind Loss)
{
    /// <summary>D, the number of inputs.</summary>
    public int Inputs => Layers[0].Weight.Columns;

    /// <summary>C, the number of outputs (classes).</summary>
    public int Outputs => Layers[^1].Weight.Rows;

    /// <summary>
    /// R, the rows both twins push through the network at once: R·(D + ΣH) ≤ <see cref="NeuralNetLimits.ChunkEntries"/>
    /// (<see cref="NeuralNetLimits.ChunkRows"/>); a larger batch is processed chunk by chunk.
    /// </summary>
    public int ChunkRows => NeuralNetLimits.ChunkRows(Layers.Select(l => l.Weight.Rows).Prepend(Inputs));

    /// <summary>
    /// A fresh network D → hidden… → C: hidden layers use <paramref name="activation"/> and He init for ReLU, Xavier
    /// otherwise; the output layer is identity (logits) with Xavier init. Weights are drawn row by row from <paramref name="rng"/>.
    /// </summary>
    public static MlpDescription Create(int inputs, IReadOnlyList<int> hidden, int classes, Activation activation, LossKind loss, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(hidden);
        ArgumentNullException.ThrowIfNull(rng);
        var layers = new List<LayerValues>();
        int fanIn = inputs;
        foreach (int width in hidden)
        {
            layers.Add(Draw(fanIn, width, activation, activation == Activation.Relu ? Initialization.He : Initialization.Xavier, rng));
            fanIn = width;
        }
        layers.Add(Draw(fanIn, classes, Activation.Identity, Initialization.Xavier, rng));
        return new MlpDescription(layers, loss);
    }

    private static LayerValues Draw(int fanIn, int fanOut, Activation activation, Initialization init, Rng rng)
    {
        double sd = init == Initialization.He ? Math.Sqrt(2.0 / fanIn) : Math.Sqrt(2.0 / (fanIn + fanOut));
        return new LayerValues(rng.GaussianMatrix(fanOut, fanIn, sd), new double[fanOut], activation);
    }
}
