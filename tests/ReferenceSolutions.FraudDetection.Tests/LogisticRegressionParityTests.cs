using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.FraudDetection.Anomaly;
using ReferenceSolutions.FraudDetection.LogisticRegression;
using ReferenceSolutions.TestSupport;
using Xunit.Abstractions;

namespace ReferenceSolutions.FraudDetection.Tests;

/// <summary>The three twins minimise f(θ) = Σ logloss + (λ/2)‖w‖², and gradient descent reaches Newton's optimum.</summary>
public class LogisticRegressionParityTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(500, 5, 1.0, 1UL)]
    [InlineData(2000, 30, 0.1, 2UL)]
    [InlineData(300, 12, 10.0, 3UL)]
    public void Torch_float64_Newton_matches_from_scratch(int n, int d, double lambda, ulong seed)
    {
        (Matrix x, int[] y) = TestData.Logistic(n, d, seed);
        NewtonFit scratch = new NewtonLogisticRegression().Solve(x, y, lambda);
        NewtonFit torch = new TorchLogisticRegression().Solve(x, y, lambda);
        Assert.True(scratch.Converged && torch.Converged, $"converged: from scratch {scratch.Converged}, torch {torch.Converged}");
        Comparison comparison = FraudComparisons.Theta(scratch.Model, torch.Model, ModelKinds.Torch);
        output.WriteLine($"n={n} d={d} λ={lambda}: {comparison.Describe(FraudChecks.ThetaTorch.Tolerance.Value)}");
        ParityAssert.Passes(FraudChecks.ThetaTorch, comparison);
    }

    [Theory]
    [InlineData(2000, 10, 1.0, 4UL)]
    [InlineData(5000, 30, 1.0, 5UL)]
    public void MLNet_lbfgs_with_L2_equal_to_lambda_matches_from_scratch(int n, int d, double lambda, ulong seed)
    {
        (Matrix x, int[] y) = TestData.Logistic(n, d, seed);
        LogisticModel scratch = new NewtonLogisticRegression().Fit(x, y, lambda);
        LogisticModel mlnet = new MLNetLogisticRegression(seed: 1).Fit(x, y, lambda);
        Comparison theta = FraudComparisons.ThetaRelative(scratch, mlnet);
        Comparison objective = FraudComparisons.Objective(LogisticObjective.Value(x, y, lambda, scratch.Theta), LogisticObjective.Value(x, y, lambda, mlnet.Theta));
        output.WriteLine($"n={n} d={d}: θ {theta.Describe(FraudChecks.ThetaMLNet.Tolerance.Value)}; f {objective.Describe(FraudChecks.ObjectiveMLNet.Tolerance.Value)}");
        ParityAssert.Passes(FraudChecks.ThetaMLNet, theta);
        ParityAssert.Passes(FraudChecks.ObjectiveMLNet, objective);
    }

    [Fact]
    public void MLNet_with_L2_scaled_by_n_lands_elsewhere_so_the_scaling_matters()
    {
        (Matrix x, int[] y) = TestData.Logistic(2000, 10, 6);
        LogisticModel scratch = new NewtonLogisticRegression().Fit(x, y, 20.0);
        LogisticModel wrong = new MLNetLogisticRegression(seed: 1).Fit(x, y, 20.0 / 2000);
        ParityAssert.Fails(FraudChecks.ThetaMLNet, FraudComparisons.ThetaRelative(scratch, wrong));
    }

    [Fact]
    public void Theta_and_objective_checks_fail_on_a_NaN_from_either_side()
    {
        (Matrix x, int[] y) = TestData.Logistic(300, 4, 10);
        LogisticModel scratch = new NewtonLogisticRegression().Fit(x, y, 1.0);
        LogisticModel poisoned = scratch with { Weights = [.. scratch.Weights[..^1], double.NaN] };
        Comparison torchSide = FraudComparisons.Theta(scratch, poisoned, ModelKinds.Torch);
        ParityAssert.Fails(FraudChecks.ThetaTorch, torchSide);
        Assert.StartsWith("torch: θ[4] is NaN", torchSide.NonFinite, StringComparison.Ordinal);
        Comparison scratchSide = FraudComparisons.Theta(poisoned, scratch, ModelKinds.Torch);
        ParityAssert.Fails(FraudChecks.ThetaTorch, scratchSide);
        Assert.StartsWith("from-scratch:", scratchSide.NonFinite, StringComparison.Ordinal);
        Comparison mlnetSide = FraudComparisons.ThetaRelative(scratch, scratch with { Intercept = double.PositiveInfinity });
        ParityAssert.Fails(FraudChecks.ThetaMLNet, mlnetSide);
        Assert.StartsWith("mlnet: θ[0] is Infinity", mlnetSide.NonFinite, StringComparison.Ordinal);
        double f = LogisticObjective.Value(x, y, 1.0, scratch.Theta);
        ParityAssert.Fails(FraudChecks.ObjectiveMLNet, FraudComparisons.Objective(f, double.NaN));
        ParityAssert.Fails(FraudChecks.ObjectiveMLNet, FraudComparisons.Objective(double.NaN, f));
    }

    [Fact]
    public void Newton_reports_that_it_did_not_converge_on_separable_classes_without_a_penalty()
    {
        var x = new Matrix(40, 1, [.. Enumerable.Range(0, 40).Select(i => (i - 19.5) / 10)]);
        int[] y = [.. Enumerable.Range(0, 40).Select(i => i >= 20 ? 1 : 0)];
        NewtonFit separable = new NewtonLogisticRegression().Solve(x, y, 0.0);
        output.WriteLine($"λ = 0: {separable.Iterations} iterations, converged {separable.Converged}, θ = [{string.Join(", ", separable.Model.Theta)}]");
        Assert.False(separable.Converged);
        Assert.InRange(separable.Iterations, 1, 100);
        NewtonFit penalised = new NewtonLogisticRegression().Solve(x, y, 0.1);
        Assert.True(penalised.Converged, $"λ = 0.1 has a unique finite minimiser; stopped after {penalised.Iterations} iterations");
    }

    [Fact]
    public void Gradient_descent_converges_to_the_Newton_optimum()
    {
        (Matrix x, int[] y) = TestData.Logistic(400, 6, 7);
        var gd = new GradientDescentLogisticRegression(tolerance: 1e-9);
        double[] newton = new NewtonLogisticRegression().Fit(x, y, 1.0).Theta;
        double[] descent = gd.Fit(x, y, 1.0).Theta;
        double gradient = Norms.Euclidean(LogisticObjective.Gradient(x, y, 1.0, descent));
        double mu = JacobiEigen.Decompose(LogisticObjective.Hessian(x, 1.0, descent)).Values[^1];
        Comparison comparison = new Comparison("gradient-descent", ModelKinds.FromScratch).Add("θ", descent, newton, gradient / mu);
        output.WriteLine($"gradient descent: {gd.Iterations} iterations, ‖∇f‖₂ = {gradient:e3}, μ = {mu:g4}: {comparison.Describe(1)}");
        ParityAssert.Passes(FraudChecks.GradientDescentOptimum, comparison);
    }

    [Fact]
    public void Gradient_and_Hessian_match_central_differences()
    {
        (Matrix x, int[] y) = TestData.Logistic(200, 4, 8);
        double[] theta = [0.3, -0.2, 0.5, 0.1, -0.4];
        const double lambda = 2.0, h = 1e-6;
        double[] g = LogisticObjective.Gradient(x, y, lambda, theta);
        Matrix hessian = LogisticObjective.Hessian(x, lambda, theta);
        var comparison = new Comparison("finite-difference", ModelKinds.FromScratch);
        for (int j = 0; j < theta.Length; j++)
        {
            double[] plus = (double[])theta.Clone(), minus = (double[])theta.Clone();
            plus[j] += h;
            minus[j] -= h;
            double numeric = (LogisticObjective.Value(x, y, lambda, plus) - LogisticObjective.Value(x, y, lambda, minus)) / (2 * h);
            comparison.Add($"∂f/∂θ{j}", numeric, g[j], Math.Max(1, Math.Abs(g[j])));
            double[] gPlus = LogisticObjective.Gradient(x, y, lambda, plus), gMinus = LogisticObjective.Gradient(x, y, lambda, minus);
            for (int k = 0; k < theta.Length; k++)
            {
                comparison.Add($"H[{k},{j}]", (gPlus[k] - gMinus[k]) / (2 * h), hessian[k, j], Math.Max(1, Math.Abs(hessian[k, j])));
            }
        }
        output.WriteLine(comparison.Describe(FraudChecks.FiniteDifferences.Tolerance.Value));
        ParityAssert.Passes(FraudChecks.FiniteDifferences, comparison);
    }

    [Fact]
    public void Gradient_is_zero_at_the_Newton_optimum_and_intercept_is_not_penalised()
    {
        const double Lambda = 1e6, Tau = 1e-13, Epsilon = 2.220446049250313e-16;
        (Matrix x, int[] y) = TestData.Logistic(500, 5, 9, intercept: 2.0);
        NewtonFit fit = new NewtonLogisticRegression(Tau).Solve(x, y, Lambda);
        Assert.True(fit.Converged);
        double[] theta = fit.Model.Theta;
        double[] g = LogisticObjective.Gradient(x, y, Lambda, theta);
        Matrix h = LogisticObjective.Hessian(x, Lambda, theta);
        double hNorm = Enumerable.Range(0, h.Rows).Max(a => h.Row(a).ToArray().Sum(Math.Abs));
        double[] p = fit.Model.Probabilities(x);
        double n = y.Length, gammaN = n * Epsilon / (1 - (n * Epsilon));
        double rounding = gammaN * Enumerable.Range(0, y.Length).Sum(i => Math.Abs(p[i] - y[i]) * Math.Max(1, Norms.MaxAbs(x.Row(i))));
        double thetaNorm = Norms.MaxAbs(theta);
        double bound = (hNorm * ((Tau * (1 + thetaNorm)) + (Epsilon * thetaNorm))) + rounding;
        double spread = 0.25 * fit.Model.Weights.Sum(Math.Abs) * Norms.MaxAbs(x.Data);
        Comparison comparison = new Comparison(ModelKinds.FromScratch, "zero")
            .Add("∇f", g, new double[g.Length], bound)
            .Add("σ(b) − ȳ", Sigmoid.Of(fit.Model.Intercept), y.Average(), spread + (Math.Abs(g[0]) / n) + Epsilon);
        output.WriteLine($"‖∇f‖∞ = {Norms.MaxAbs(g):e3}, bound {bound:e3}; σ(b) = {Sigmoid.Of(fit.Model.Intercept):0.######}, ȳ = {y.Average():0.######}: {comparison.Describe(1)}");
        ParityAssert.Passes(FraudChecks.NewtonOptimality, comparison);
    }
}
