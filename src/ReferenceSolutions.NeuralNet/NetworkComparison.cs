using System.Numerics.Tensors;
using ReferenceSolutions.Core.Reporting;

namespace ReferenceSolutions.NeuralNet;

/// <summary>
/// Adds whole networks, gradient lists and losses to a <see cref="Comparison"/>, one part per tensor named as PyTorch
/// names it (<c>layers.0.weight</c>, <c>layers.0.bias.grad</c>), so a failure says which tensor, which index and which side.
/// </summary>
public static class NetworkComparison
{
    /// <summary>Every weight Wₗ (H×D) and bias bₗ (H) of two networks of one shape, entry by entry, absolute.</summary>
    public static Comparison AddParameters(this Comparison comparison, MlpDescription left, MlpDescription right, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        RequireSameDepth(comparison, left.Layers.Count, right.Layers.Count);
        for (int l = 0; l < left.Layers.Count; l++)
        {
            comparison.Add($"{prefix}layers.{l}.weight", left.Layers[l].Weight, right.Layers[l].Weight);
            comparison.Add($"{prefix}layers.{l}.bias", left.Layers[l].Bias, right.Layers[l].Bias);
        }
        return comparison;
    }

    /// <summary>The mean loss and ∂L/∂Wₗ, ∂L/∂bₗ of every layer, entry by entry, absolute.</summary>
    public static Comparison AddGradients(this Comparison comparison, double leftLoss, IReadOnlyList<LayerGradient> left, double rightLoss, IReadOnlyList<LayerGradient> right)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        RequireSameDepth(comparison, left.Count, right.Count);
        comparison.Add("loss", leftLoss, rightLoss);
        for (int l = 0; l < left.Count; l++)
        {
            comparison.Add($"layers.{l}.weight.grad", left[l].Weight, right[l].Weight);
            comparison.Add($"layers.{l}.bias.grad", left[l].Bias, right[l].Bias);
        }
        return comparison;
    }

    /// <summary>
    /// ∂L/∂Wₗ, ∂L/∂bₗ of every layer relative to the tensor's own size: each difference is divided by
    /// s = max(‖left tensor‖∞, <paramref name="floor"/>), so a tensor of tiny gradients is compared absolutely at the floor.
    /// </summary>
    public static Comparison AddGradientsRelative(this Comparison comparison, IReadOnlyList<LayerGradient> left, IReadOnlyList<LayerGradient> right, double floor)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        RequireSameDepth(comparison, left.Count, right.Count);
        for (int l = 0; l < left.Count; l++)
        {
            comparison.Add($"layers.{l}.weight.grad", left[l].Weight, right[l].Weight, Scale(left[l].Weight.Data, floor));
            comparison.Add($"layers.{l}.bias.grad", left[l].Bias, right[l].Bias, Scale(left[l].Bias, floor));
        }
        return comparison;
    }

    /// <summary>
    /// max(‖g‖∞, floor); just the floor when g holds a NaN or ±∞, so the comparison fails on that entry, naming its side,
    /// rather than on the scale.
    /// </summary>
    public static double Scale(ReadOnlySpan<double> gradient, double floor)
    {
        double largest = gradient.IsEmpty ? 0.0 : Math.Abs(TensorPrimitives.MaxMagnitude(gradient));
        return double.IsFinite(largest) ? Math.Max(largest, floor) : floor;
    }

    private static void RequireSameDepth(Comparison comparison, int left, int right)
    {
        if (left != right)
        {
            throw new ArgumentException($"{comparison.Left} has {left} layers but {comparison.Right} has {right}");
        }
    }
}
