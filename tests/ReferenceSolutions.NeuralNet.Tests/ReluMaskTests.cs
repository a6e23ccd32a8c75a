using FsCheck;
using FsCheck.Xunit;
using ReferenceSolutions.Core.Native;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.NeuralNet.FromScratch;
using ReferenceSolutions.TestSupport;

namespace ReferenceSolutions.NeuralNet.Tests;

/// <summary>The vectorized ReLU select against its plain form, z ≤ 0 ? 0 : x (a NaN z passes x): equal values, and the same bits (−0 included), at every <see cref="SimdWidth"/>.</summary>
public class ReluMaskTests
{
    /// <summary>Any lengths (vector body and scalar tail), any doubles: NaN, ±∞ and −0 included.</summary>
    [Property(MaxTest = 200)]
    public void VectorSelectEqualsThePlainLoopBitForBit(NonEmptyArray<double> zs, int seed)
    {
        double[] z = zs.Get;
        var random = new Random(seed);
        double[] x = [.. z.Select(_ => random.NextDouble() - 0.5)];
        AssertSelectsAsThePlainLoop(z, x);
    }

    /// <summary>The special values a generator may miss, each at every lane of a vector and in the tail.</summary>
    [Fact]
    public void SpecialValuesSelectAsThePlainLoop()
    {
        double[] specials = [double.NaN, -0.0, 0.0, double.Epsilon, -double.Epsilon, double.PositiveInfinity, double.NegativeInfinity, 1.0, -1.0];
        double[] z = [.. Enumerable.Range(0, 37).Select(i => specials[i % specials.Length])];
        double[] x = [.. Enumerable.Range(0, 37).Select(i => i % 5 == 0 ? -0.0 : i + 0.5)];
        AssertSelectsAsThePlainLoop(z, x);
    }

    private static void AssertSelectsAsThePlainLoop(double[] z, double[] x)
    {
        double[] plain = [.. z.Select((v, i) => v <= 0.0 ? 0.0 : x[i])];
        foreach (SimdWidth width in new[] { SimdWidth.Vector512, SimdWidth.Vector256, SimdWidth.Scalar })
        {
            double[] fast = new double[z.Length];
            Activations.ReluMask(width, z, x, fast);
            ParityAssert.Passes(NeuralNetChecks.ReluVectorSelect, new Comparison($"vector select ({width})", "plain loop").Add("result", fast, plain));
            Assert.Equal(plain.Select(BitConverter.DoubleToInt64Bits), fast.Select(BitConverter.DoubleToInt64Bits));
        }
        double[] current = new double[z.Length];
        Activations.ReluMask(z, x, current);
        Assert.Equal(plain.Select(BitConverter.DoubleToInt64Bits), current.Select(BitConverter.DoubleToInt64Bits));
    }
}
