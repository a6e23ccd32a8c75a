using FsCheck.Xunit;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.NeuralNet.FromScratch;
using ReferenceSolutions.NeuralNet.Torch;
using ReferenceSolutions.TestSupport;

namespace ReferenceSolutions.NeuralNet.Tests;

/// <summary>
/// Identity: the hand-derived backward pass equals TorchSharp autograd, ∂L/∂θ(from scratch) = ∂L/∂θ(torch), for every
/// weight and bias, on random networks (depth 1–3, widths 1..64), activations, losses and batches (N 1..64).
/// Tolerance <see cref="Tolerance.Float64Twin"/> (1e-10): both sides compute in float64 and differ only in the order of
/// the sums inside the matrix products (≤ 64 terms of O(1) each), which moves a result by ~1e-14.
/// </summary>
public class GradientParityTests
{
    private static readonly Activation[] AllActivations = [Activation.Identity, Activation.Relu, Activation.Tanh, Activation.Sigmoid];

    [Property(MaxTest = 60)]
    public void HandGradientsEqualAutograd(ulong seed, byte n, byte d, byte h1, byte h2, byte c, byte depth, byte activation, bool mse)
    {
        int[] hidden = (depth % 3) switch
        {
            0 => [],
            1 => [Generators.Size(h1)],
            _ => [Generators.Size(h1), Generators.Size(h2)],
        };
        int classes = Generators.Size(c);
        int inputs = Generators.Size(d);
        int rows = Generators.Size(n);
        LossKind loss = mse ? LossKind.MeanSquaredError : LossKind.SoftmaxCrossEntropy;
        MlpDescription net = Generators.Network(seed, inputs, hidden, classes, AllActivations[activation % 4], loss);
        (var x, int[] labels) = Generators.Batch(seed, rows, inputs, classes);
        (double lossScratch, IReadOnlyList<LayerGradient> gScratch, double lossTorch, IReadOnlyList<LayerGradient> gTorch) = Both(net, x, labels);

        ParityAssert.Passes(NeuralNetChecks.GradientsAutograd, GradientVerification.AutogradComparison(lossScratch, gScratch, lossTorch, gTorch));
    }

    /// <summary>A NaN in one twin's loss or in one gradient entry fails the check, and the failure names that twin.</summary>
    [Fact]
    public void ANaNOnEitherSideFailsTheCheck()
    {
        MlpDescription net = Generators.Network(3, 5, [4], 3, Activation.Tanh, LossKind.SoftmaxCrossEntropy);
        (var x, int[] labels) = Generators.Batch(3, 8, 5, 3);
        (double lossScratch, IReadOnlyList<LayerGradient> gScratch, double lossTorch, IReadOnlyList<LayerGradient> gTorch) = Both(net, x, labels);
        ParityAssert.Passes(NeuralNetChecks.GradientsAutograd, GradientVerification.AutogradComparison(lossScratch, gScratch, lossTorch, gTorch));

        gTorch[1].Weight[2, 3] = double.NaN;
        Comparison torchNaN = GradientVerification.AutogradComparison(lossScratch, gScratch, lossTorch, gTorch);
        ParityAssert.Fails(NeuralNetChecks.GradientsAutograd, torchNaN);
        Assert.Equal("torch: layers.1.weight.grad[2, 3] is NaN", torchNaN.NonFinite);

        Comparison scratchNaN = GradientVerification.AutogradComparison(double.NaN, gScratch, lossTorch, gTorch);
        ParityAssert.Fails(NeuralNetChecks.GradientsAutograd, scratchNaN);
        Assert.Equal("from-scratch: loss is NaN", scratchNaN.NonFinite);
    }

    /// <summary>
    /// A batch cut into chunks of R rows (Σ_c (N_c/N)·L_c, gradients summed likewise) in either twin equals the other twin
    /// taking the whole batch at once, and the chunked forward pass gives the whole batch's outputs.
    /// </summary>
    [Property(MaxTest = 30)]
    public void ChunkedBatchesEqualTheWholeBatch(ulong seed, byte n, byte r, bool mse)
    {
        int rows = 2 + (n % 90);
        int chunk = 1 + (r % (rows - 1));
        LossKind loss = mse ? LossKind.MeanSquaredError : LossKind.SoftmaxCrossEntropy;
        MlpDescription net = Generators.Network(seed, 6, [9, 5], 4, Activation.Relu, loss);
        (var x, int[] labels) = Generators.Batch(seed, rows, 6, 4);
        var settings = new OptimizerSettings(OptimizerKind.Sgd, 0.1);

        var chunked = new Mlp(net, chunk);
        double chunkedLoss = chunked.LossAndGradients(x, labels);
        using var whole = new TorchTwin(net, settings, "torch", rows);
        (double wholeLoss, IReadOnlyList<LayerGradient> wholeGradients) = whole.LossAndGradients(x, labels);
        ParityAssert.Passes(NeuralNetChecks.GradientsAutograd, GradientVerification.AutogradComparison(chunkedLoss, chunked.Gradients(), wholeLoss, wholeGradients));

        var wholeScratch = new Mlp(net, rows);
        double scratchLoss = wholeScratch.LossAndGradients(x, labels);
        using var chunkedTorch = new TorchTwin(net, settings, "torch", chunk);
        (double torchLoss, IReadOnlyList<LayerGradient> torchGradients) = chunkedTorch.LossAndGradients(x, labels);
        ParityAssert.Passes(NeuralNetChecks.GradientsAutograd, GradientVerification.AutogradComparison(scratchLoss, wholeScratch.Gradients(), torchLoss, torchGradients));
        ParityAssert.Passes(NeuralNetChecks.GradientsAutograd, new Comparison("chunked", "whole")
            .Add("Z", chunked.Forward(x), wholeScratch.Forward(x))
            .Add("loss", chunked.ComputeLoss(x, labels), scratchLoss));
        ParityAssert.Passes(NeuralNetChecks.GradientsAutograd, new Comparison("chunked torch", "whole torch").Add("Z", chunkedTorch.Outputs(x), whole.Outputs(x)));
    }

    private static (double, IReadOnlyList<LayerGradient>, double, IReadOnlyList<LayerGradient>) Both(MlpDescription net, ReferenceSolutions.Core.LinearAlgebra.Matrix x, int[] labels)
    {
        var settings = new OptimizerSettings(OptimizerKind.Sgd, 0.1);
        using var scratch = new FromScratchTwin(net, settings);
        using var torch = new TorchTwin(net, settings);
        (double lossScratch, IReadOnlyList<LayerGradient> gScratch) = scratch.LossAndGradients(x, labels);
        (double lossTorch, IReadOnlyList<LayerGradient> gTorch) = torch.LossAndGradients(x, labels);
        return (lossScratch, gScratch, lossTorch, gTorch);
    }
}
