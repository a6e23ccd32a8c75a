namespace ReferenceSolutions.NeuralNet;

/// <summary>
/// One implementation of the MLP and its optimizer — from scratch or TorchSharp — as the trainer and the parity tests
/// see it. Batches are X: N×D (float64, row-major) with classes y ∈ {0..C−1}ᴺ.
/// </summary>
public interface IMlpTwin : IDisposable
{
    /// <summary>The model name used in reports.</summary>
    string Name { get; }

    /// <summary>The mean loss of the batch and ∂L/∂W, ∂L/∂b of every layer, at the current parameters (which do not change).</summary>
    (double Loss, IReadOnlyList<LayerGradient> Gradients) LossAndGradients(Matrix x, int[] labels);

    /// <summary>One optimizer step at learning rate η on the batch; returns the batch loss before the step.</summary>
    double TrainStep(Matrix x, int[] labels, double learningRate);

    /// <summary>The network outputs Z: N×C (logits for cross-entropy).</summary>
    Matrix Outputs(Matrix x);

    /// <summary>The current parameters, copied.</summary>
    MlpDescription Snapshot();

    /// <summary>Overwrites the parameters with <paramref name="description"/> (same shapes); optimizer state is kept.</summary>
    void Restore(MlpDescription description);

    /// <summary>The parameters and the optimizer's state, copied.</summary>
    TwinState Capture();

    /// <summary>Overwrites the parameters and the optimizer's state with <paramref name="state"/> (same shapes, same optimizer).</summary>
    void Load(TwinState state);
}
