using ReferenceSolutions.Core.LinearAlgebra;
using static TorchSharp.torch;

namespace ReferenceSolutions.Core.Tests.Native;

/// <summary>TorchSharp loads here (with the build's fix) and computes correctly in float64: SVD and autograd.</summary>
public class TorchSharpTests
{
    [Fact]
    public void Linalg_svd_in_float64_matches_MathNet_and_reconstructs_A()
    {
        Matrix a = Generators.Gaussian(17, 7, 5);
        using var scope = NewDisposeScope();
        var t = tensor(a.Data, [7, 5], ScalarType.Float64);
        var (u, s, vh) = linalg.svd(t, fullMatrices: false);
        Assert.Equal(ScalarType.Float64, s.dtype);
        double[] singular = s.data<double>().ToArray();
        double[] oracle = Generators.ToMathNet(a).Svd(computeVectors: false).S.ToArray();
        Assert.True(Norms.MaxAbsDiff(singular, oracle) <= 1e-13 * oracle[0], "σ differ from MathNet");

        var reconstructed = u.matmul(diag(s)).matmul(vh);
        double error = (reconstructed - t).abs().max().item<double>();
        Assert.True(error <= 1e-13 * oracle[0], $"‖UΣVᵀ − A‖max = {error:R}");
    }

    [Fact]
    public void Autograd_in_float64_gives_the_hand_derivative()
    {
        double[] xs = [0.5, -1.25, 2.0, 3.5];
        double[] ws = [1.0, 2.0, -0.5, 0.25];
        using var scope = NewDisposeScope();
        var x = tensor(xs, ScalarType.Float64).requires_grad_();
        var w = tensor(ws, ScalarType.Float64);
        var y = (x.pow(3) * w).sum();
        y.backward();
        double[] gradient = x.grad!.data<double>().ToArray();
        for (int i = 0; i < xs.Length; i++)
        {
            double expected = 3 * xs[i] * xs[i] * ws[i];
            Assert.True(Math.Abs(gradient[i] - expected) <= 1e-15 * Math.Abs(expected), $"∂y/∂x[{i}] = {gradient[i]:R}, expected {expected:R}");
        }
    }
}
