using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.FraudDetection.LogisticRegression;
using Xunit.Abstractions;

namespace ReferenceSolutions.FraudDetection.Tests;

/// <summary>The three twins minimise f(θ) = Σ logloss + (λ/2)‖w‖², and gradient descent reaches Newton's optimum.</summary>
public class LogisticRegressionParityTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(500, 5, 1.0, 1UL)]
    [InlineData(2000, 30, 0.1, 2UL)]
    [InlineData(300, 12, 10.0, 3UL)]
    public void Torch_float64_Newton_matches_from_scratch_within_1e_8(int n, int d, double lambda, ulong seed)
    {
        (Matrix x, int[] y) = TestData.Logistic(n, d, seed);
        double[] scratch = new NewtonLogisticRegression().Fit(x, y, lambda).Theta;
        double[] torch = new TorchLogisticRegression().Fit(x, y, lambda).Theta;
        double diff = Norms.MaxAbsDiff(scratch, torch);
        output.WriteLine($"n={n} d={d} λ={lambda}: max |θ_scratch − θ_torch| = {diff:e3}");
        Assert.True(diff <= 1e-8, $"max |Δθ| = {diff:e3} > 1e-8");
    }

    [Theory]
    [InlineData(2000, 10, 1.0, 4UL)]
    [InlineData(5000, 30, 1.0, 5UL)]
    public void MLNet_lbfgs_with_L2_equal_to_lambda_matches_from_scratch_within_1e_3_relative(int n, int d, double lambda, ulong seed)
    {
        (Matrix x, int[] y) = TestData.Logistic(n, d, seed);
        double[] scratch = new NewtonLogisticRegression().Fit(x, y, lambda).Theta;
        double[] mlnet = new MLNetLogisticRegression(seed: 1).Fit(x, y, lambda).Theta;
        double relative = Norms.MaxAbsDiff(scratch, mlnet) / Norms.MaxAbs(scratch);
        output.WriteLine($"n={n} d={d}: max |Δθ|/‖θ‖∞ = {relative:e3}");
        Assert.True(relative <= 1e-3, $"relative max |Δθ| = {relative:e3} > 1e-3");
    }

    [Fact]
    public void MLNet_with_L2_scaled_by_n_lands_elsewhere_so_the_scaling_matters()
    {
        (Matrix x, int[] y) = TestData.Logistic(2000, 10, 6);
        double[] scratch = new NewtonLogisticRegression().Fit(x, y, 20.0).Theta;
        double[] wrong = new MLNetLogisticRegression(seed: 1).Fit(x, y, 20.0 / 2000).Theta;
        Assert.True(Norms.MaxAbsDiff(scratch, wrong) / Norms.MaxAbs(scratch) > 1e-2);
    }

    [Fact]
    public void Gradient_descent_converges_to_the_Newton_optimum()
    {
        (Matrix x, int[] y) = TestData.Logistic(400, 6, 7);
        var gd = new GradientDescentLogisticRegression(tolerance: 1e-9);
        double[] newton = new NewtonLogisticRegression().Fit(x, y, 1.0).Theta;
        double[] descent = gd.Fit(x, y, 1.0).Theta;
        double diff = Norms.MaxAbsDiff(newton, descent);
        output.WriteLine($"gradient descent: {gd.Iterations} iterations, max |Δθ| = {diff:e3}");
        Assert.True(diff <= 1e-7, $"max |Δθ| = {diff:e3}");
    }

    [Fact]
    public void Gradient_and_Hessian_match_central_differences()
    {
        (Matrix x, int[] y) = TestData.Logistic(200, 4, 8);
        double[] theta = [0.3, -0.2, 0.5, 0.1, -0.4];
        const double lambda = 2.0, h = 1e-6;
        double[] g = LogisticObjective.Gradient(x, y, lambda, theta);
        Matrix hessian = LogisticObjective.Hessian(x, lambda, theta);
        for (int j = 0; j < theta.Length; j++)
        {
            double[] plus = (double[])theta.Clone(), minus = (double[])theta.Clone();
            plus[j] += h;
            minus[j] -= h;
            double numeric = (LogisticObjective.Value(x, y, lambda, plus) - LogisticObjective.Value(x, y, lambda, minus)) / (2 * h);
            Assert.True(Math.Abs(numeric - g[j]) <= 1e-6 * Math.Max(1, Math.Abs(g[j])), $"∂f/∂θ{j}: analytic {g[j]}, numeric {numeric}");
            double[] gPlus = LogisticObjective.Gradient(x, y, lambda, plus), gMinus = LogisticObjective.Gradient(x, y, lambda, minus);
            for (int k = 0; k < theta.Length; k++)
            {
                double numericH = (gPlus[k] - gMinus[k]) / (2 * h);
                Assert.True(Math.Abs(numericH - hessian[k, j]) <= 1e-6 * Math.Max(1, Math.Abs(hessian[k, j])), $"H[{k},{j}]: analytic {hessian[k, j]}, numeric {numericH}");
            }
        }
    }

    [Fact]
    public void Gradient_is_zero_at_the_Newton_optimum_and_intercept_is_not_penalised()
    {
        (Matrix x, int[] y) = TestData.Logistic(500, 5, 9, intercept: 2.0);
        LogisticModel model = new NewtonLogisticRegression().Fit(x, y, 1e6);
        double[] g = LogisticObjective.Gradient(x, y, 1e6, model.Theta);
        Assert.True(Norms.MaxAbs(g) <= 1e-6, $"‖∇f‖∞ = {Norms.MaxAbs(g)}");
        double rate = y.Average();
        Assert.True(Math.Abs(Sigmoid.Of(model.Intercept) - rate) < 1e-3, "with w ≈ 0 the free intercept must fit the base rate");
    }
}
