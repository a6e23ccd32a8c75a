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

    /// <summary>max |a − b| over the loss and every gradient entry; reports where the largest difference is.</summary>
    public static (double MaxAbsDiff, string Where) Compare(IReadOnlyList<LayerGradient> a, IReadOnlyList<LayerGradient> b)
    {
        double max = 0.0;
        string where = "nowhere";
        for (int l = 0; l < a.Count; l++)
        {
            Check(a[l].Weight.Data, b[l].Weight.Data, $"layers.{l}.weight");
            Check(a[l].Bias, b[l].Bias, $"layers.{l}.bias");
        }
        return (max, where);

        void Check(double[] x, double[] y, string name)
        {
            Assert.Equal(x.Length, y.Length);
            for (int i = 0; i < x.Length; i++)
            {
                double d = Math.Abs(x[i] - y[i]);
                if (!(d <= max))
                {
                    max = d;
                    where = $"{name}[{i}]: {x[i]:R} vs {y[i]:R}";
                }
            }
        }
    }

    /// <summary>max |a − b| over every weight and bias of two networks of one shape.</summary>
    public static (double MaxAbsDiff, string Where) Compare(MlpDescription a, MlpDescription b) =>
        Compare(a.Layers.Select(l => new LayerGradient(l.Weight, l.Bias)).ToArray(), b.Layers.Select(l => new LayerGradient(l.Weight, l.Bias)).ToArray());
}
