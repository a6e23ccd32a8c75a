using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.TestSupport;
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
        var reconstructed = new Matrix(7, 5, u.matmul(diag(s)).matmul(vh).data<double>().ToArray()); // (7,5)·(5,5)·(5,5) → (7,5)
        ParityAssert.Passes(CoreChecks.TorchSvdVsMathNet, new Comparison("torch", "mathnet")
            .Add("σ", singular, oracle, scale: oracle[0])
            .Add("U·Σ·Vᴴ vs A", reconstructed, a, scale: oracle[0]));
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
        var comparison = new Comparison("torch", "closed form");
        for (int i = 0; i < xs.Length; i++)
        {
            double expected = 3 * xs[i] * xs[i] * ws[i];
            comparison.Add("∂y/∂x", gradient[i], expected, scale: Math.Abs(expected));
        }
        ParityAssert.Passes(CoreChecks.TorchAutogradClosedForm, comparison);
    }
}
