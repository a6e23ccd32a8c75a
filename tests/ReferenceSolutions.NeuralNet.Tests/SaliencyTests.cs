using FsCheck.Xunit;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.NeuralNet.Data;
using ReferenceSolutions.NeuralNet.Evaluation;
using ReferenceSolutions.NeuralNet.Explanations;
using ReferenceSolutions.NeuralNet.FromScratch;
using ReferenceSolutions.NeuralNet.Torch;
using ReferenceSolutions.TestSupport;

namespace ReferenceSolutions.NeuralNet.Tests;

/// <summary>
/// The saliency ∂p_c/∂x of the hand backward pass (<see cref="Saliency.FromScratch"/>) equals TorchSharp autograd's on
/// random networks, activations, rows and classes (<see cref="Tolerance.Float64Twin"/>: both float64, only the order of
/// the sums differs), and equals central finite differences of the forward pass on tanh networks
/// (<see cref="NeuralNetTolerances.SaliencyFiniteDifference"/>); a NaN fails the check and a saliency that forgets the
/// scaling's 1/σ is caught.
/// </summary>
public class SaliencyTests
{
    private static readonly Activation[] AllActivations = [Activation.Identity, Activation.Relu, Activation.Tanh, Activation.Sigmoid];
    private static readonly InputScaling Scaling = new(4.75, 6.0);

    [Property(MaxTest = 40)]
    public void HandSaliencyEqualsAutograd(ulong seed, byte n, byte d, byte h, byte c, bool deep, byte activation)
    {
        int inputs = Generators.Size(d), classes = 1 + Generators.Size(c), rows = Generators.Size(n);
        int[] hidden = deep ? [Generators.Size(h), Generators.Size((byte)(h + 7))] : [Generators.Size(h)];
        MlpDescription model = Generators.Network(seed, inputs, hidden, classes, AllActivations[activation % 4], LossKind.SoftmaxCrossEntropy);
        (Matrix x, int[] chosen) = Pixels(seed, rows, inputs, classes);

        Matrix hand = Saliency.FromScratch(model, Scaling, x, chosen);
        Matrix autograd = TorchSaliency.Of(model, Scaling, x, chosen);

        ParityAssert.Passes(NeuralNetChecks.Saliency, new Comparison("from-scratch", "torch-autograd").Add("dP/dx", hand, autograd));
    }

    [Fact]
    public void ANaNOnEitherSideFailsTheSaliencyCheck()
    {
        MlpDescription model = Generators.Network(3, 64, [16], 10, Activation.Relu, LossKind.SoftmaxCrossEntropy);
        (Matrix x, int[] chosen) = Pixels(3, 5, 64, 10);
        Matrix hand = Saliency.FromScratch(model, Scaling, x, chosen);
        Matrix autograd = TorchSaliency.Of(model, Scaling, x, chosen);
        Matrix poisoned = autograd.Clone();
        poisoned[2, 17] = double.NaN;

        ParityAssert.Fails(NeuralNetChecks.Saliency, new Comparison("from-scratch", "torch-autograd").Add("dP/dx", hand, poisoned));
        ParityAssert.Fails(NeuralNetChecks.Saliency, new Comparison("from-scratch", "torch-autograd").Add("dP/dx", poisoned, hand));
    }

    [Theory]
    [InlineData(1UL, 1)]
    [InlineData(2UL, 2)]
    [InlineData(5UL, 1)]
    public void HandSaliencyMatchesCentralDifferences(ulong seed, int depth)
    {
        (Matrix hand, Matrix differences, Matrix scale) = HandAndDifferences(seed, depth);

        ParityAssert.Passes(NeuralNetChecks.SaliencyFiniteDifferences, Relative(hand, differences, scale));
    }

    /// <summary>Negative control: ∂p_c/∂x′ (the gradient in scaled units, the 1/σ left out) is σ = 6 times too large and fails.</summary>
    [Fact]
    public void ASaliencyWithoutTheScalingIsCaught()
    {
        (Matrix hand, Matrix differences, Matrix scale) = HandAndDifferences(1, 1);
        Matrix unscaled = hand.Clone();
        System.Numerics.Tensors.TensorPrimitives.Multiply(unscaled.Data, Scaling.Scale, unscaled.Data);

        ParityAssert.Fails(NeuralNetChecks.SaliencyFiniteDifferences, Relative(unscaled, differences, scale));
    }

    [Fact]
    public void TheExplainedRowsAreTheFirstOfEachClassInClassOrder()
    {
        Assert.Equal([1, 0, 5, 4], Saliency.FirstOfEachClass([1, 0, 1, 0, 3, 2, 2], 4));
        Assert.Equal([2, 0], Saliency.FirstOfEachClass([2, 2, 0, 2], 3));
    }

    /// <summary>
    /// The hand saliency of 4 rows of integer pixels 0..16 through a tanh network 64 → 16 (→ 12) → 10, and the central
    /// differences (p_c(x + heⱼ) − p_c(x − heⱼ))/2h, h = 1e-4, of the forward pass and softmax alone; with each row's
    /// scale max(‖g‖∞ of the row, 1e-3) repeated over its entries.
    /// </summary>
    private static (Matrix Hand, Matrix Differences, Matrix Scale) HandAndDifferences(ulong seed, int depth)
    {
        const double h = 1e-4;
        int[] hidden = depth == 1 ? [16] : [16, 12];
        MlpDescription model = Generators.Network(seed, 64, hidden, 10, Activation.Tanh, LossKind.SoftmaxCrossEntropy);
        (Matrix x, int[] chosen) = Pixels(seed, 4, 64, 10);
        Matrix hand = Saliency.FromScratch(model, Scaling, x, chosen);
        var mlp = new Mlp(model);
        var differences = new Matrix(x.Rows, x.Columns);
        var scale = new Matrix(x.Rows, x.Columns);
        for (int n = 0; n < x.Rows; n++)
        {
            double rowScale = Math.Max(Math.Abs(System.Numerics.Tensors.TensorPrimitives.MaxMagnitude<double>(hand.Row(n))), NeuralNetTolerances.FiniteDifferenceFloor);
            for (int j = 0; j < x.Columns; j++)
            {
                var plus = new Matrix(1, x.Columns, x.Row(n).ToArray());
                var minus = new Matrix(1, x.Columns, x.Row(n).ToArray());
                plus[0, j] += h;
                minus[0, j] -= h;
                double pPlus = ClassificationMetrics.Softmax(mlp.Forward(Scaling.Apply(plus)))[0, chosen[n]];
                double pMinus = ClassificationMetrics.Softmax(mlp.Forward(Scaling.Apply(minus)))[0, chosen[n]];
                differences[n, j] = (pPlus - pMinus) / (2 * h);
                scale[n, j] = rowScale;
            }
        }
        return (hand, differences, scale);
    }

    private static Comparison Relative(Matrix hand, Matrix differences, Matrix scale)
    {
        var comparison = new Comparison("backward pass", "central differences");
        for (int n = 0; n < hand.Rows; n++)
        {
            for (int j = 0; j < hand.Columns; j++)
            {
                comparison.Add($"dP/dx[{n}]", hand[n, j], differences[n, j], scale[n, j]);
            }
        }
        return comparison;
    }

    /// <summary>Rows of integer "pixels" 0..16 (optdigits' range) and a class per row uniform on 0..C−1.</summary>
    private static (Matrix X, int[] Classes) Pixels(ulong seed, int rows, int inputs, int classes)
    {
        var rng = new Rng(seed ^ 0x9E3779B97F4A7C15UL);
        var x = new Matrix(rows, inputs);
        for (int i = 0; i < x.Data.Length; i++)
        {
            x.Data[i] = rng.NextInt(17);
        }
        return (x, [.. Enumerable.Range(0, rows).Select(_ => rng.NextInt(classes))]);
    }
}
