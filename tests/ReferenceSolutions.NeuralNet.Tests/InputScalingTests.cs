using FsCheck.Xunit;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.NeuralNet.Data;

namespace ReferenceSolutions.NeuralNet.Tests;

/// <summary>
/// μ and σ by sums over x·2⁻ᵏ: on ordinary values the same bits as the plain two-pass formula (a power-of-two scale is
/// exact), and finite near the ends of the double range, where Σx and Σ(x − μ)² of the plain formula overflow.
/// </summary>
public class InputScalingTests
{
    [Property(MaxTest = 100)]
    public void OrdinaryValuesGiveThePlainFormulaBitForBit(int seed, byte count)
    {
        var random = new Random(seed);
        double[] values = [.. Enumerable.Range(0, 1 + count).Select(_ => (random.NextDouble() - 0.3) * Math.Pow(10, random.Next(-3, 4)))];
        double mean = 0.0, squares = 0.0;
        foreach (double v in values)
        {
            mean += v;
        }
        mean /= values.Length;
        foreach (double v in values)
        {
            squares += (v - mean) * (v - mean);
        }
        double sd = Math.Sqrt(squares / values.Length);

        InputScaling scaling = InputScaling.Fit(new Matrix(values.Length, 1, values));

        Assert.Equal(BitConverter.DoubleToInt64Bits(mean), BitConverter.DoubleToInt64Bits(scaling.Mean));
        Assert.Equal(BitConverter.DoubleToInt64Bits(sd > 0 ? sd : 1.0), BitConverter.DoubleToInt64Bits(scaling.Scale));
    }

    [Fact]
    public void ValuesAtTheEndsOfTheDoubleRangeScaleToFiniteNumbers()
    {
        double[] values = [double.MaxValue, -double.MaxValue, double.MaxValue, -double.MaxValue];

        InputScaling scaling = InputScaling.Fit(new Matrix(2, 2, values));

        Assert.Equal(0.0, scaling.Mean);
        Assert.Equal(double.MaxValue, scaling.Scale);
        Assert.Equal(1.0, scaling.Apply(double.MaxValue));
        Assert.Equal(-1.0, scaling.Apply(-double.MaxValue));
    }
}
