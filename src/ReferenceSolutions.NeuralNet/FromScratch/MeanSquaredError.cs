namespace ReferenceSolutions.NeuralNet.FromScratch;

/// <summary>
/// L = (1/(N·C)) Σₙ Σ_c (z_nc − y_nc)² for outputs Z: N×C against the one-hot targets Y of classes y ∈ {0..C−1}ᴺ;
/// the mean runs over all N·C elements, as <c>torch.nn.functional.mse_loss</c>. Derivation: docs/neural-net.md#mse.
/// </summary>
public static class MeanSquaredError
{
    /// <summary>The mean squared error of Z: N×C against one-hot(labels).</summary>
    public static double Forward(Matrix outputs, ReadOnlySpan<int> labels)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        SoftmaxCrossEntropy.CheckLabels(outputs, labels);
        double total = 0.0;
        for (int n = 0; n < outputs.Rows; n++)
        {
            Span<double> z = outputs.Row(n);
            for (int c = 0; c < z.Length; c++)
            {
                double r = z[c] - (c == labels[n] ? 1.0 : 0.0);
                total += r * r;
            }
        }
        return total / ((double)outputs.Rows * outputs.Columns);
    }

    /// <summary>∂L/∂Z = 2(Z − Y)/(N·C), N×C, into <paramref name="dLdZ"/>.</summary>
    public static void Backward(Matrix outputs, ReadOnlySpan<int> labels, Matrix dLdZ)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        SoftmaxCrossEntropy.CheckLabels(outputs, labels);
        outputs.RequireSameShape(dLdZ, nameof(dLdZ));
        double scale = 2.0 / ((double)outputs.Rows * outputs.Columns);
        for (int n = 0; n < outputs.Rows; n++)
        {
            Span<double> z = outputs.Row(n);
            Span<double> d = dLdZ.Row(n);
            for (int c = 0; c < z.Length; c++)
            {
                d[c] = scale * (z[c] - (c == labels[n] ? 1.0 : 0.0));
            }
        }
    }
}
