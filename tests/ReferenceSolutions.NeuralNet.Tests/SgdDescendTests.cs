using FsCheck;
using FsCheck.Xunit;
using ReferenceSolutions.Core.Native;
using ReferenceSolutions.NeuralNet.FromScratch;

namespace ReferenceSolutions.NeuralNet.Tests;

/// <summary>
/// The vectorized plain-SGD update against the loop of <see cref="Sgd.Step"/>, θ ← θ − η·g with η·g rounded first: the
/// same bits at every <see cref="SimdWidth"/>, for any lengths (vector bodies and scalar tail) and any doubles. A fused
/// multiply-add in the vector body would round once instead of twice and fail on random inputs.
/// </summary>
public class SgdDescendTests
{
    [Property(MaxTest = 200)]
    public void VectorUpdateEqualsThePlainLoopBitForBit(NonEmptyArray<NormalFloat> thetas, int seed, NormalFloat learningRate)
    {
        double[] theta0 = [.. thetas.Get.Select(v => v.Get)];
        var random = new Random(seed);
        double[] gradient = [.. theta0.Select(_ => (random.NextDouble() - 0.5) * Math.Pow(2, random.Next(-30, 30)))];
        double eta = learningRate.Get;
        long[] plain = [.. theta0.Select((v, i) => BitConverter.DoubleToInt64Bits(v - (eta * gradient[i])))];
        foreach (SimdWidth width in new[] { SimdWidth.Vector512, SimdWidth.Vector256, SimdWidth.Scalar })
        {
            double[] theta = (double[])theta0.Clone();
            Sgd.Descend(width, theta, gradient, eta);
            Assert.Equal(plain, theta.Select(BitConverter.DoubleToInt64Bits));
        }
    }

    [Fact]
    public void StepWithoutMomentumOrDecayIsTheVectorUpdate()
    {
        var random = new Random(7);
        double[] value = [.. Enumerable.Range(0, 4_171).Select(_ => random.NextDouble() - 0.5)];
        double[] gradient = [.. value.Select(_ => random.NextDouble() - 0.5)];
        long[] expected = [.. value.Select((v, i) => BitConverter.DoubleToInt64Bits(v - (0.037 * gradient[i])))];
        var sgd = new Sgd([new Parameter("w", value, gradient)], 0.037);
        sgd.Step();
        Assert.Equal(expected, value.Select(BitConverter.DoubleToInt64Bits));
    }
}
