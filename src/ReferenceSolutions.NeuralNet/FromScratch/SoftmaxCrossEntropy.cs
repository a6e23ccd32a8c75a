namespace ReferenceSolutions.NeuralNet.FromScratch;

/// <summary>
/// Softmax and cross-entropy fused: L = (1/N) Σₙ (logΣ_c e^{z_nc} − z_{n,yₙ}) for logits Z: N×C and classes
/// y ∈ {0..C−1}ᴺ, with log-sum-exp taken as m + log Σ e^{z−m}, m = max_c z, so no exponent overflows.
/// Derivation: docs/neural-net.md#softmax-cross-entropy.
/// </summary>
public static class SoftmaxCrossEntropy
{
    /// <summary>The mean loss; writes the row-wise softmax P: N×C (each row sums to 1) into <paramref name="p"/>.</summary>
    public static double Forward(Matrix logits, ReadOnlySpan<int> labels, Matrix p)
    {
        ArgumentNullException.ThrowIfNull(logits);
        CheckLabels(logits, labels);
        logits.RequireSameShape(p, nameof(p));
        double total = 0.0;
        for (int n = 0; n < logits.Rows; n++)
        {
            Span<double> z = logits.Row(n);
            Span<double> pn = p.Row(n);
            double max = System.Numerics.Tensors.TensorPrimitives.Max<double>(z);
            double sum = 0.0;
            for (int c = 0; c < z.Length; c++)
            {
                pn[c] = Math.Exp(z[c] - max);
                sum += pn[c];
            }
            for (int c = 0; c < z.Length; c++)
            {
                pn[c] /= sum;
            }
            total += max + Math.Log(sum) - z[labels[n]];
        }
        return total / logits.Rows;
    }

    /// <summary>∂L/∂Z = (P − Y)/N into <paramref name="dLdZ"/>, with Y the one-hot N×C matrix of the labels. <paramref name="dLdZ"/> may be P itself.</summary>
    public static void Backward(Matrix probabilities, ReadOnlySpan<int> labels, Matrix dLdZ)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        CheckLabels(probabilities, labels);
        probabilities.RequireSameShape(dLdZ, nameof(dLdZ));
        int batch = probabilities.Rows;
        System.Numerics.Tensors.TensorPrimitives.Multiply(probabilities.Data, 1.0 / batch, dLdZ.Data);
        for (int n = 0; n < batch; n++)
        {
            dLdZ[n, labels[n]] -= 1.0 / batch;
        }
    }

    internal static void CheckLabels(Matrix outputs, ReadOnlySpan<int> labels)
    {
        if (labels.Length != outputs.Rows)
        {
            throw new ArgumentException($"{labels.Length} labels for a batch of {outputs.Rows} rows", nameof(labels));
        }
        foreach (int label in labels)
        {
            if ((uint)label >= (uint)outputs.Columns)
            {
                throw new ArgumentOutOfRangeException(nameof(labels), $"class {label} is outside 0..{outputs.Columns - 1}");
            }
        }
    }
}
