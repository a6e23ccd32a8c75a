using ReferenceSolutions.NeuralNet.Data;
using ReferenceSolutions.NeuralNet.FromScratch;

namespace ReferenceSolutions.NeuralNet.Explanations;

/// <summary>
/// Saliency of a row: S = ∂p_c/∂x (1×D), the gradient of the probability of class c with respect to the raw inputs x,
/// through the input scaling x′ = (x − μ)/σ, so S = (∂p_c/∂x′)/σ. From scratch by the hand backward pass
/// (<see cref="Mlp.ProbabilityInputGradient"/>); <see cref="Torch.TorchSaliency"/> gives the same by autograd.
/// </summary>
public static class Saliency
{
    /// <summary>S (N×D) of the raw rows <paramref name="rawX"/> for the classes <paramref name="classes"/> (one per row).</summary>
    public static Matrix FromScratch(MlpDescription model, InputScaling scaling, Matrix rawX, int[] classes)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(scaling);
        Matrix gradient = new Mlp(model).ProbabilityInputGradient(scaling.Apply(rawX), classes);
        System.Numerics.Tensors.TensorPrimitives.Divide(gradient.Data, scaling.Scale, gradient.Data);
        return gradient;
    }

    /// <summary>The first row of each class in <paramref name="labels"/>, in class order (classes absent from the rows are skipped).</summary>
    public static int[] FirstOfEachClass(IReadOnlyList<int> labels, int classes)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var first = new int[classes];
        Array.Fill(first, -1);
        for (int n = labels.Count - 1; n >= 0; n--)
        {
            first[labels[n]] = n;
        }
        return [.. first.Where(n => n >= 0)];
    }
}
