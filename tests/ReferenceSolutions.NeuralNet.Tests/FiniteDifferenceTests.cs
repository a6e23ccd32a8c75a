using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.NeuralNet.FromScratch;
using ReferenceSolutions.TestSupport;

namespace ReferenceSolutions.NeuralNet.Tests;

/// <summary>
/// Identity: the hand gradient equals the central difference of the forward pass, ∂L/∂θᵢ = (L(θ+heᵢ) − L(θ−heᵢ))/2h + O(h²),
/// for every weight and bias of every layer, each activation and each loss, at h = 1e-5. Measure: per parameter tensor,
/// |g_fd − g| / max(‖g‖∞, 1e-3) ≤ <see cref="NeuralNetTolerances.FiniteDifference"/> (derived in docs/neural-net.md#finite-differences);
/// a wrong sign, factor or transposition is off by O(1). ReLU is checked only where no pre-activation lies within 1e-3
/// of its kink, where a difference quotient is not the derivative.
/// </summary>
public class FiniteDifferenceTests
{
    public static TheoryData<Activation, LossKind> Cases()
    {
        var data = new TheoryData<Activation, LossKind>();
        foreach (Activation activation in Enum.GetValues<Activation>())
        {
            foreach (LossKind loss in Enum.GetValues<LossKind>())
            {
                data.Add(activation, loss);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void HandGradientsMatchCentralDifferences(Activation activation, LossKind loss)
    {
        for (ulong seed = 1; seed <= 3; seed++)
        {
            (IReadOnlyList<LayerGradient> hand, IReadOnlyList<LayerGradient> numeric) = BothAwayFromKinks(seed, activation, loss);
            ParityAssert.Passes(NeuralNetChecks.GradientsFiniteDifferences, Compare(hand, numeric));
        }
    }

    [Fact]
    public void AWrongGradientIsCaught()
    {
        (IReadOnlyList<LayerGradient> hand, IReadOnlyList<LayerGradient> numeric) = BothAwayFromKinks(7, Activation.Tanh, LossKind.SoftmaxCrossEntropy);
        ParityAssert.Passes(NeuralNetChecks.GradientsFiniteDifferences, Compare(hand, numeric));
        hand[0].Weight.Data[0] += 1e-3 * Math.Max(1.0, Math.Abs(hand[0].Weight.Data[0]));
        ParityAssert.Fails(NeuralNetChecks.GradientsFiniteDifferences, Compare(hand, numeric));
    }

    /// <summary>A NaN in the finite differences or in the hand gradient fails the check, and the failure names that side.</summary>
    [Fact]
    public void ANaNOnEitherSideFailsTheCheck()
    {
        (IReadOnlyList<LayerGradient> hand, IReadOnlyList<LayerGradient> numeric) = BothAwayFromKinks(5, Activation.Sigmoid, LossKind.MeanSquaredError);
        numeric[0].Bias[1] = double.NaN;
        Comparison numericNaN = Compare(hand, numeric);
        ParityAssert.Fails(NeuralNetChecks.GradientsFiniteDifferences, numericNaN);
        Assert.Equal("finite-difference: layers.0.bias.grad[1] is NaN", numericNaN.NonFinite);

        numeric[0].Bias[1] = 0.0;
        hand[2].Weight[1, 0] = double.NaN;
        Comparison handNaN = Compare(hand, numeric);
        ParityAssert.Fails(NeuralNetChecks.GradientsFiniteDifferences, handNaN);
        Assert.Equal("from-scratch: layers.2.weight.grad[1, 0] is NaN", handNaN.NonFinite);
    }

    private static Comparison Compare(IReadOnlyList<LayerGradient> hand, IReadOnlyList<LayerGradient> numeric) =>
        new Comparison("from-scratch", "finite-difference").AddGradientsRelative(hand, numeric, NeuralNetTolerances.FiniteDifferenceFloor);

    private static (IReadOnlyList<LayerGradient> Hand, IReadOnlyList<LayerGradient> Numeric) BothAwayFromKinks(ulong seed, Activation activation, LossKind loss)
    {
        (MlpDescription net, Matrix x, int[] labels) = AwayFromKinks(seed, activation, loss);
        var network = new Mlp(net);
        network.LossAndGradients(x, labels);
        return (network.Gradients(), FiniteDifferences.Gradients(net, x, labels));
    }

    private static (MlpDescription Net, Matrix X, int[] Labels) AwayFromKinks(ulong seed, Activation activation, LossKind loss)
    {
        for (ulong attempt = 0; attempt < 1000; attempt++)
        {
            ulong s = (seed * 1000) + attempt;
            MlpDescription net = Generators.Network(s, 5, [7, 6], 4, activation, loss);
            (Matrix x, int[] labels) = Generators.Batch(s, 9, 5, 4);
            if (activation != Activation.Relu || MinAbsPreActivation(net, x) > 1e-3)
            {
                return (net, x, labels);
            }
        }
        throw new InvalidOperationException("no seed kept every pre-activation away from the ReLU kink");
    }

    private static double MinAbsPreActivation(MlpDescription net, Matrix x)
    {
        var network = new Mlp(net);
        double min = double.PositiveInfinity;
        Matrix a = x;
        for (int l = 0; l < network.Layers.Count - 1; l++)
        {
            var z = new Matrix(a.Rows, network.Layers[l].Outputs);
            network.Layers[l].Forward(a, z);
            foreach (double v in z.Data)
            {
                min = Math.Min(min, Math.Abs(v));
            }
            a = new Matrix(z.Rows, z.Columns);
            Activations.Forward(net.Layers[l].Activation, z, a);
        }
        return min;
    }
}
