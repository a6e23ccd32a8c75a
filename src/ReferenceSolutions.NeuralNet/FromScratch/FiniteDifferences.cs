namespace ReferenceSolutions.NeuralNet.FromScratch;

/// <summary>
/// Central differences ∂L/∂θᵢ ≈ (L(θ + heᵢ) − L(θ − heᵢ)) / 2h for every weight and bias: truncation error
/// h²·L‴/6 plus rounding ε·|L|/h, both ≈ 1e-11 at h = 1e-5 for L = O(1). An independent check of the backward pass
/// that uses only the forward pass. Derivation: docs/neural-net.md#finite-differences.
/// </summary>
public static class FiniteDifferences
{
    /// <summary>The default step h.</summary>
    public const double DefaultStep = 1e-5;

    /// <summary>The central-difference gradient of the mean loss of (X, y) at the weights of <paramref name="description"/>.</summary>
    public static IReadOnlyList<LayerGradient> Gradients(MlpDescription description, Matrix x, int[] labels, double step = DefaultStep)
    {
        ArgumentNullException.ThrowIfNull(description);
        var network = new Mlp(description);
        var gradients = new List<LayerGradient>();
        foreach (DenseLayer layer in network.Layers)
        {
            var dW = new Matrix(layer.Outputs, layer.Inputs);
            var db = new double[layer.Outputs];
            Fill(layer.Weight.Data, dW.Data);
            Fill(layer.Bias, db);
            gradients.Add(new LayerGradient(dW, db));
        }
        return gradients;

        void Fill(double[] theta, double[] gradient)
        {
            for (int i = 0; i < theta.Length; i++)
            {
                double saved = theta[i];
                theta[i] = saved + step;
                double plus = network.ComputeLoss(x, labels);
                theta[i] = saved - step;
                double minus = network.ComputeLoss(x, labels);
                theta[i] = saved;
                gradient[i] = (plus - minus) / (2.0 * step);
            }
        }
    }
}
