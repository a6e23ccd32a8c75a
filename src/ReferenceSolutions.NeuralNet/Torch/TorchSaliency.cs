using ReferenceSolutions.Core.Native;
using ReferenceSolutions.NeuralNet.Data;
using static TorchSharp.torch;

namespace ReferenceSolutions.NeuralNet.Torch;

/// <summary>
/// The saliency ∂p_c/∂x by TorchSharp autograd: x (N×D, float64, requires_grad) → (x − μ)/σ → <see cref="TorchMlp"/> →
/// softmax over the classes → p_{n,cₙ} gathered and summed over the rows → backward; x.grad row n is ∂p_{n,cₙ}/∂xₙ
/// because the rows do not interact. The twin of <see cref="Explanations.Saliency.FromScratch"/>.
/// </summary>
public static class TorchSaliency
{
    /// <summary>S (N×D) of the raw rows <paramref name="rawX"/> for the classes <paramref name="classes"/> (one per row).</summary>
    public static Matrix Of(MlpDescription model, InputScaling scaling, Matrix rawX, int[] classes)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(scaling);
        ArgumentNullException.ThrowIfNull(rawX);
        ArgumentNullException.ThrowIfNull(classes);
        using var pause = CollectorPause.Enter();
        using var scope = NewDisposeScope();
        using var module = new TorchMlp(model);
        Tensor x = tensor(rawX.Data, [rawX.Rows, rawX.Columns], ScalarType.Float64).requires_grad_(true); // (N,D)
        Tensor logits = module.forward(x.sub(scaling.Mean).div(scaling.Scale)); // (N,C)
        Tensor p = nn.functional.softmax(logits, 1); // (N,C)
        Tensor chosen = p.gather(1, tensor(classes.Select(c => (long)c).ToArray(), ScalarType.Int64).unsqueeze(1)).sum(); // (N,1) → ()
        chosen.backward();
        return TorchMlp.ToMatrix(x.grad!);
    }
}
