using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.NeuralNet;
using ReferenceSolutions.NeuralNet.FromScratch;

namespace ReferenceSolutions.NeuralNet.Tests;

/// <summary>Seeded random networks and batches: N batch rows, D inputs, H hidden units, C classes.</summary>
internal static class Generators
{
    /// <summary>Maps an FsCheck byte onto a size in 1..64.</summary>
    public static int Size(byte b) => 1 + (b % 64);

    /// <summary>A network D → hidden… → C with Gaussian weights and biases (biases non-zero so their gradients are exercised).</summary>
    public static MlpDescription Network(ulong seed, int inputs, int[] hidden, int classes, Activation activation, LossKind loss)
    {
        var rng = new Rng(seed);
        MlpDescription description = MlpDescription.Create(inputs, hidden, classes, activation, loss, rng);
        foreach (LayerValues layer in description.Layers)
        {
            rng.FillGaussian(layer.Bias, 0.0, 0.1);
        }
        return description;
    }

    /// <summary>A batch X: N×D of N(0, 1) entries and classes uniform on 0..C−1.</summary>
    public static (Matrix X, int[] Labels) Batch(ulong seed, int rows, int inputs, int classes)
    {
        var rng = new Rng(seed ^ 0x5DEECE66DUL);
        Matrix x = rng.GaussianMatrix(rows, inputs);
        int[] labels = Enumerable.Range(0, rows).Select(_ => rng.NextInt(classes)).ToArray();
        return (x, labels);
    }
}
