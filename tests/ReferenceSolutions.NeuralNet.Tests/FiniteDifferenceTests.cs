using ReferenceSolutions.NeuralNet.FromScratch;

namespace ReferenceSolutions.NeuralNet.Tests;

/// <summary>
/// Identity: the hand gradient equals the central difference of the forward pass, ∂L/∂θᵢ = (L(θ+heᵢ) − L(θ−heᵢ))/2h + O(h²),
/// for every weight and bias of every layer, each activation and each loss. Measure: per parameter tensor,
/// ‖g_fd − g‖∞ / max(‖g‖∞, 1e-3) ≤ 1e-6. At h = 1e-5 the difference quotient is off by ≈ 1e-11 (h²L‴/6 truncation plus
/// ε|L|/h rounding), i.e. ≤ 1e-8 relative at the floor; a wrong sign, factor or transposition is off by O(1).
/// ReLU is checked only where no pre-activation lies within 1e-3 of its kink, where a difference quotient is meaningless.
/// </summary>
public class FiniteDifferenceTests
{
    private const double Tolerance = 1e-6;
    private const double Floor = 1e-3;

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
            (MlpDescription net, var x, int[] labels) = AwayFromKinks(seed, activation, loss);
            var network = new Mlp(net);
            network.LossAndGradients(x, labels);
            IReadOnlyList<LayerGradient> hand = network.Gradients();
            IReadOnlyList<LayerGradient> numeric = FiniteDifferences.Gradients(net, x, labels);
            for (int l = 0; l < hand.Count; l++)
            {
                AssertClose(hand[l].Weight.Data, numeric[l].Weight.Data, $"seed {seed} layers.{l}.weight");
                AssertClose(hand[l].Bias, numeric[l].Bias, $"seed {seed} layers.{l}.bias");
            }
        }
    }

    [Fact]
    public void AWrongGradientIsCaught()
    {
        (MlpDescription net, var x, int[] labels) = AwayFromKinks(7, Activation.Tanh, LossKind.SoftmaxCrossEntropy);
        var network = new Mlp(net);
        network.LossAndGradients(x, labels);
        double[] hand = network.Gradients()[0].Weight.Data;
        double[] numeric = FiniteDifferences.Gradients(net, x, labels)[0].Weight.Data;
        hand[0] += 1e-3 * Math.Max(1.0, Math.Abs(hand[0]));
        Assert.True(RelativeError(hand, numeric) > Tolerance);
    }

    private static (MlpDescription Net, ReferenceSolutions.Core.LinearAlgebra.Matrix X, int[] Labels) AwayFromKinks(ulong seed, Activation activation, LossKind loss)
    {
        for (ulong attempt = 0; attempt < 1000; attempt++)
        {
            ulong s = (seed * 1000) + attempt;
            MlpDescription net = Generators.Network(s, 5, [7, 6], 4, activation, loss);
            (var x, int[] labels) = Generators.Batch(s, 9, 5, 4);
            if (activation != Activation.Relu || MinAbsPreActivation(net, x) > 1e-3)
            {
                return (net, x, labels);
            }
        }
        throw new InvalidOperationException("no seed kept every pre-activation away from the ReLU kink");
    }

    private static double MinAbsPreActivation(MlpDescription net, ReferenceSolutions.Core.LinearAlgebra.Matrix x)
    {
        var network = new Mlp(net);
        double min = double.PositiveInfinity;
        var a = x;
        for (int l = 0; l < network.Layers.Count - 1; l++)
        {
            var z = new ReferenceSolutions.Core.LinearAlgebra.Matrix(a.Rows, network.Layers[l].Outputs);
            network.Layers[l].Forward(a, z);
            min = Math.Min(min, z.Data.Min(Math.Abs));
            a = new ReferenceSolutions.Core.LinearAlgebra.Matrix(z.Rows, z.Columns);
            Activations.Forward(net.Layers[l].Activation, z, a);
        }
        return min;
    }

    private static void AssertClose(double[] hand, double[] numeric, string what)
    {
        double error = RelativeError(hand, numeric);
        Assert.True(error <= Tolerance, $"{what}: relative error {error:E3}");
    }

    private static double RelativeError(double[] hand, double[] numeric)
    {
        double diff = 0.0, scale = Floor;
        for (int i = 0; i < hand.Length; i++)
        {
            diff = Math.Max(diff, Math.Abs(hand[i] - numeric[i]));
            scale = Math.Max(scale, Math.Abs(hand[i]));
        }
        return diff / scale;
    }
}
