using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.FraudDetection.Data;
using ReferenceSolutions.FraudDetection.LogisticRegression;
using ReferenceSolutions.TestSupport;
using Xunit.Abstractions;
using MathNetMatrix = MathNet.Numerics.LinearAlgebra.Matrix<double>;

namespace ReferenceSolutions.FraudDetection.Tests;

/// <summary>
/// Standard errors √(H⁻¹)ⱼⱼ of the logistic regression: against TorchSharp's autograd Hessian, against MathNet inverting a
/// Hessian the test assembles itself, against the 2×2-table closed form, and mapped to raw units against a raw fit.
/// </summary>
public class CoefficientInferenceTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(500, 5, 0.0, 1.0, 11UL)]
    [InlineData(2000, 20, 1.0, 1.0, 12UL)]
    [InlineData(300, 8, 10.0, 1.0, 13UL)]
    [InlineData(1000, 6, 0.0, 100.0, 14UL)]
    public void Torch_autograd_Hessian_gives_the_same_standard_errors(int n, int d, double lambda, double spread, ulong seed)
    {
        (Matrix x, int[] y) = TestData.Logistic(n, d, seed);
        Scale(x, spread);
        NewtonFit scratch = new NewtonLogisticRegression().Solve(x, y, lambda);
        NewtonFit torch = new TorchLogisticRegression().Solve(x, y, lambda);
        Assert.True(scratch.Converged && torch.Converged);
        double[] se = CoefficientInference.At(x, lambda, scratch.Model).StandardErrors;
        Matrix covariance = TorchLogisticRegression.Covariance(x, y, lambda, torch.Model.Theta)!;
        double[] seTorch = [.. Enumerable.Range(0, d + 1).Select(j => Math.Sqrt(covariance[j, j]))];
        Comparison comparison = FraudComparisons.StandardErrors(se, seTorch, ModelKinds.Torch);
        output.WriteLine($"n={n} d={d} λ={lambda} spread={spread}: {comparison.Describe(FraudChecks.StandardErrorsTorch.Tolerance.Value)}");
        ParityAssert.Passes(FraudChecks.StandardErrorsTorch, comparison);
    }

    [Theory]
    [InlineData(400, 4, 0.0, 21UL)]
    [InlineData(1500, 12, 2.0, 22UL)]
    public void MathNet_inverse_of_an_independently_built_Hessian_gives_the_same_standard_errors(int n, int d, double lambda, ulong seed)
    {
        (Matrix x, int[] y) = TestData.Logistic(n, d, seed);
        LogisticModel model = new NewtonLogisticRegression().Fit(x, y, lambda);
        double[] theta = model.Theta;
        MathNetMatrix xt = MathNetMatrix.Build.Dense(n, d + 1, (i, j) => j == 0 ? 1.0 : x[i, j - 1]);
        var s = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(n, i =>
        {
            double p = 1.0 / (1.0 + Math.Exp(-(xt.Row(i) * MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(theta))));
            return p * (1.0 - p);
        });
        MathNetMatrix h = xt.Transpose() * MathNetMatrix.Build.DiagonalOfDiagonalVector(s) * xt
            + MathNetMatrix.Build.Diagonal(d + 1, d + 1, j => j == 0 ? 0.0 : lambda);
        MathNetMatrix inverse = h.Inverse();
        double[] expected = [.. Enumerable.Range(0, d + 1).Select(j => Math.Sqrt(inverse[j, j]))];
        Comparison comparison = FraudComparisons.StandardErrors(CoefficientInference.At(x, lambda, model).StandardErrors, expected, "mathnet");
        output.WriteLine($"n={n} d={d} λ={lambda}: {comparison.Describe(FraudChecks.StandardErrorsMathNet.Tolerance.Value)}");
        ParityAssert.Passes(FraudChecks.StandardErrorsMathNet, comparison);
    }

    [Theory]
    [InlineData(30, 10, 15, 25)]
    [InlineData(200, 7, 90, 13)]
    public void Standard_errors_match_the_two_by_two_table_closed_form(int n00, int n01, int n10, int n11)
    {
        CoefficientInference inference = FitTwoByTwo(n00, n01, n10, n11).Inference;
        double b = Math.Log((double)n01 / n00), w = Math.Log((double)n11 * n00 / ((double)n10 * n01));
        double seB = Math.Sqrt((1.0 / n00) + (1.0 / n01)), seW = Math.Sqrt((1.0 / n00) + (1.0 / n01) + (1.0 / n10) + (1.0 / n11));
        Comparison comparison = new Comparison(ModelKinds.FromScratch, "closed form")
            .Add("b", inference.Estimate[0], b, Math.Abs(b))
            .Add("w", inference.Estimate[1], w, Math.Abs(w))
            .Add("se(b)", inference.StandardErrors[0], seB, seB)
            .Add("se(w)", inference.StandardErrors[1], seW, seW);
        double logit1 = Math.Log((double)n11 / n10), v0 = (1.0 / n00) + (1.0 / n01), v1 = (1.0 / n10) + (1.0 / n11);
        comparison.Add("Var(logit | x = 0)", inference.LogitVariance([0.0]), v0, v0)
            .Add("Var(logit | x = 1)", inference.LogitVariance([1.0]), v1, v1);
        (double[] plo, double[] phi) = inference.ProbabilityIntervals95(new Matrix(2, 1, [0.0, 1.0]));
        double half1 = 1.959963984540054 * Math.Sqrt(v1);
        double Sigma(double t) => 1.0 / (1.0 + Math.Exp(-t));
        comparison.Add("p interval at x = 1", [plo[1], phi[1]], [Sigma(logit1 - half1), Sigma(logit1 + half1)], Sigma(logit1))
            .Add("p interval at x = 0", [plo[0], phi[0]], [Sigma(b - (1.959963984540054 * Math.Sqrt(v0))), Sigma(b + (1.959963984540054 * Math.Sqrt(v0)))], Sigma(b));
        output.WriteLine(comparison.Describe(FraudChecks.StandardErrorsClosedForm.Tolerance.Value));
        ParityAssert.Passes(FraudChecks.StandardErrorsClosedForm, comparison);
        Assert.Equal(2 * MathNet.Numerics.Distributions.Normal.CDF(0, 1, -Math.Abs(w / seW)), inference.PValues[1], 12);
        (double lo, double hi) = inference.Interval95(1);
        Assert.Equal(w - (1.959963984540054 * seW), lo, 10);
        Assert.Equal(w + (1.959963984540054 * seW), hi, 10);
    }

    [Theory]
    [InlineData(40, 25, 30, 45)]
    [InlineData(300, 7, 280, 21)]
    [InlineData(12, 3, 4, 9)]
    public void Profile_interval_of_the_log_odds_ratio_matches_the_two_by_two_likelihood_ratio(int n00, int n01, int n10, int n11)
    {
        (Matrix x, int[] y, NewtonFit fit, CoefficientInference inference) = FitTwoByTwo(n00, n01, n10, n11);
        (double lo, double hi) = ProfileLikelihood.Interval95(x, y, 0.0, 1, fit.Model.Theta, inference.StandardErrors[1]);
        double m0 = n00 + n01, m1 = n10 + n11, events = n01 + n11, total = m0 + m1;
        double LogLikelihood(double c00, double c01, double c10, double c11) =>
            (n00 * Math.Log(c00 / m0)) + (n01 * Math.Log(c01 / m0)) + (n10 * Math.Log(c10 / m1)) + (n11 * Math.Log(c11 / m1));
        double TableDeviance(double psi)
        {
            double r = Math.Exp(psi);
            double qa = r * (total - events), qb = m0 + (m1 * r) - (events * (1.0 + r)), qc = -events;
            double u = (-qb + Math.Sqrt((qb * qb) - (4.0 * qa * qc))) / (2.0 * qa);
            double p0 = u / (1.0 + u), p1 = r * u / (1.0 + (r * u));
            return 2.0 * (LogLikelihood(n00, n01, n10, n11) - LogLikelihood(m0 * (1 - p0), m0 * p0, m1 * (1 - p1), m1 * p1));
        }
        double chi = ProfileLikelihood.ChiSquare95;
        Comparison comparison = new Comparison(ModelKinds.FromScratch, "closed form")
            .Add("D(lo)", TableDeviance(lo), chi, chi)
            .Add("D(hi)", TableDeviance(hi), chi, chi)
            .Add("D(ψ̂)", TableDeviance(fit.Model.Theta[1]), 0.0, chi);
        (double waldLo, double waldHi) = inference.Interval95(1);
        output.WriteLine($"ψ̂ = {fit.Model.Theta[1]:0.0000}: profile [{lo:0.0000}, {hi:0.0000}], Wald [{waldLo:0.0000}, {waldHi:0.0000}]; {comparison.Describe(FraudChecks.ProfileInterval.Tolerance.Value)}");
        ParityAssert.Passes(FraudChecks.ProfileInterval, comparison);
        Assert.True(lo < fit.Model.Theta[1] && fit.Model.Theta[1] < hi);
        Assert.True(TableDeviance(lo - 0.01) > chi && TableDeviance(hi + 0.01) > chi, "D increases away from ψ̂, so each end is the only root on its side");
        ParityAssert.Fails(FraudChecks.ProfileInterval, new Comparison(ModelKinds.FromScratch, "closed form").Add("D(Wald lo)", TableDeviance(waldLo + 0.05), chi, chi));
    }

    [Theory]
    [InlineData(300, 3, 41UL)]
    [InlineData(120, 2, 42UL)]
    [InlineData(2000, 5, 43UL)]
    public void Profile_deviance_is_zero_at_the_estimate_and_chi_square_at_the_interval_ends(int n, int d, ulong seed)
    {
        (Matrix x, int[] y) = TestData.Logistic(n, d, seed);
        NewtonFit fit = new NewtonLogisticRegression().Solve(x, y, 0.0);
        Assert.True(fit.Converged);
        CoefficientInference inference = CoefficientInference.At(x, 0.0, fit.Model);
        double chi = ProfileLikelihood.ChiSquare95;
        var comparison = new Comparison("profile deviance", "definition");
        for (int j = 0; j <= d; j++)
        {
            (double lo, double hi) = ProfileLikelihood.Interval95(x, y, 0.0, j, fit.Model.Theta, inference.StandardErrors[j]);
            comparison.Add($"D(θ̂{j})", ProfileLikelihood.Deviance(x, y, 0.0, j, fit.Model.Theta[j], fit.Model.Theta), 0.0, chi)
                .Add($"D(lo{j})", ProfileLikelihood.Deviance(x, y, 0.0, j, lo, fit.Model.Theta), chi, chi)
                .Add($"D(hi{j})", ProfileLikelihood.Deviance(x, y, 0.0, j, hi, fit.Model.Theta), chi, chi);
            (double waldLo, double waldHi) = inference.Interval95(j);
            output.WriteLine($"θ{j}: profile [{lo:0.0000}, {hi:0.0000}], Wald [{waldLo:0.0000}, {waldHi:0.0000}]");
        }
        output.WriteLine(comparison.Describe(FraudChecks.ProfileInterval.Tolerance.Value));
        ParityAssert.Passes(FraudChecks.ProfileInterval, comparison);
        ParityAssert.Fails(FraudChecks.ProfileInterval, new Comparison("profile deviance", "definition").Add("D(NaN)", double.NaN, chi, chi));
    }

    [Theory]
    [InlineData(800, 4, 31UL)]
    [InlineData(1500, 7, 32UL)]
    public void Raw_unit_inference_equals_a_fit_on_the_raw_features(int n, int d, ulong seed)
    {
        (Matrix z, int[] y) = TestData.Logistic(n, d, seed);
        var raw = new Matrix(n, d);
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < d; j++)
            {
                raw[i, j] = (z[i, j] * (0.5 + (4.5 * j / (d - 1)))) + (3.0 * j) - 2.0;
            }
        }
        var scaler = Standardizer.Fit(raw);
        Matrix standardised = scaler.Transform(raw);
        CoefficientInference mapped = CoefficientInference.At(standardised, 0.0, new NewtonLogisticRegression().Fit(standardised, y, 0.0)).ToRawUnits(scaler.Mean, scaler.Scale);
        CoefficientInference direct = CoefficientInference.At(raw, 0.0, new NewtonLogisticRegression().Fit(raw, y, 0.0));
        var comparison = new Comparison("mapped", "raw fit");
        for (int j = 0; j <= d; j++)
        {
            comparison.Add("θ", mapped.Estimate[j], direct.Estimate[j], Math.Max(Math.Abs(direct.Estimate[j]), direct.StandardErrors[j]));
            comparison.Add("se", mapped.StandardErrors[j], direct.StandardErrors[j], direct.StandardErrors[j]);
        }
        output.WriteLine(comparison.Describe(FraudChecks.StandardErrorsRawUnits.Tolerance.Value));
        ParityAssert.Passes(FraudChecks.StandardErrorsRawUnits, comparison);
    }

    [Fact]
    public void Raw_unit_coefficients_of_features_near_the_float64_limit_are_finite_or_not_computed()
    {
        var rng = new Core.Randomness.Rng(8);
        int n = 400;
        var raw = new Matrix(n, 2);
        int[] y = new int[n];
        for (int i = 0; i < n; i++)
        {
            y[i] = i % 10 == 0 ? 1 : 0;
            raw[i, 0] = ((i % 3) - 1) * 1.6e308;
            raw[i, 1] = y[i] + rng.NextDouble();
        }
        var scaler = Standardizer.Fit(raw);
        Matrix x = scaler.Transform(raw);
        var table = Reporting.CoefficientTable.Of(x, 1.0, new NewtonLogisticRegression().Fit(x, y, 1.0), scaler, ["V1", "V2"]);
        var standardised = Assert.IsType<List<Dictionary<string, object>>>(table.Rows(rawUnits: false));
        Assert.All(standardised, r => Assert.True(double.IsFinite((double)r["z"]) && (double)r["standardError"] > 0));
        object rawRows = table.Rows(rawUnits: true);
        output.WriteLine(rawRows is NotComputed nc ? nc.Reason : string.Join("; ", ((List<Dictionary<string, object>>)rawRows).Select(r => $"{r["feature"]} {r["estimate"]} ± {r["standardError"]}, z {r["z"]}")));
        if (rawRows is List<Dictionary<string, object>> rows)
        {
            Assert.All(rows, r => Assert.True(double.IsFinite((double)r["z"]) && (double)r["standardError"] > 0 && double.IsFinite((double)r["pValue"])));
            Assert.Equal((double)standardised[1]["z"], (double)rows[1]["z"]);
        }
        else
        {
            Assert.Contains("beyond float64's range", Assert.IsType<NotComputed>(rawRows).Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Wald_and_delta_method_intervals_cover_a_planted_theta_95_percent_of_the_time()
    {
        const int S = 1000, N = 1000;
        double[] theta = [-1.0, 0.8, -0.5];
        double[] at = [1.0, 1.0];
        double truth = 1.0 / (1.0 + Math.Exp(-(theta[0] + theta[1] + theta[2])));
        var rng = new Core.Randomness.Rng(2026);
        int[] covered = new int[4], coveredHalf = new int[4];
        for (int s = 0; s < S; s++)
        {
            Matrix x = rng.GaussianMatrix(N, 2);
            int[] y = [.. Enumerable.Range(0, N).Select(i => rng.NextDouble() < 1.0 / (1.0 + Math.Exp(-(theta[0] + (theta[1] * x[i, 0]) + (theta[2] * x[i, 1])))) ? 1 : 0)];
            NewtonFit fit = new NewtonLogisticRegression().Solve(x, y, 0.0);
            Assert.True(fit.Converged);
            CoefficientInference inference = CoefficientInference.At(x, 0.0, fit.Model);
            for (int j = 0; j < 3; j++)
            {
                double distance = Math.Abs(inference.Estimate[j] - theta[j]);
                covered[j] += distance <= CoefficientInference.Z95 * inference.StandardErrors[j] ? 1 : 0;
                coveredHalf[j] += distance <= 0.5 * CoefficientInference.Z95 * inference.StandardErrors[j] ? 1 : 0;
            }
            (double[] lo, double[] hi) = inference.ProbabilityIntervals95(new Matrix(1, 2, at));
            covered[3] += lo[0] <= truth && truth <= hi[0] ? 1 : 0;
            double z = inference.Estimate[0] + inference.Estimate[1] + inference.Estimate[2];
            double half = 0.5 * CoefficientInference.Z95 * Math.Sqrt(inference.LogitVariance(at));
            coveredHalf[3] += Math.Abs(z - Math.Log(truth / (1 - truth))) <= half ? 1 : 0;
        }
        double se = Math.Sqrt(0.95 * 0.05 / S);
        string[] parts = ["b", "w1", "w2", "p(x = (1, 1))"];
        Comparison Coverage(int[] counts)
        {
            var comparison = new Comparison("coverage", "nominal 0.95");
            for (int k = 0; k < counts.Length; k++)
            {
                comparison.Add(parts[k], (double)counts[k] / S, 0.95, se);
            }
            return comparison;
        }
        output.WriteLine($"coverage {string.Join(", ", covered.Select((c, k) => $"{parts[k]} {(double)c / S:0.000}"))} (MC se {se:0.0000}); halved {string.Join(", ", coveredHalf.Select(c => $"{(double)c / S:0.000}"))}");
        ParityAssert.Passes(FraudChecks.WaldCoverage, Coverage(covered));
        ParityAssert.Fails(FraudChecks.WaldCoverage, Coverage(coveredHalf));
    }

    [Fact]
    public void Wald_slope_coverage_holds_for_balanced_classes_and_departs_from_95_percent_with_few_events()
    {
        static bool ProfileCovers(Matrix x, int[] y, CoefficientInference inference)
        {
            (double lo, double hi) = ProfileLikelihood.Interval95(x, y, 0.0, 1, inference.Estimate, inference.StandardErrors[1]);
            return lo <= CoverageSimulation.Slopes[0] && CoverageSimulation.Slopes[0] <= hi;
        }
        CoverageCell Cell(int n, double rate, bool profile = false)
        {
            (int _, double _, ulong seed) = CoverageSimulation.Grid.Single(c => c.N == n && c.EventRate == rate);
            CoverageCell cell = CoverageSimulation.Run(n, rate, CoverageSimulation.GridReplications, seed, profile ? ProfileCovers : null);
            output.WriteLine($"n = {n}, π = {rate}: {cell.MeanEvents:0.0} events, no MLE {cell.NoFiniteMle}, Wald {cell.Coverage:0.000} ± {cell.MonteCarloSe:0.0000} (nominal SE {cell.NominalSe:0.0000}), counting misses {cell.CoverageCountingMisses:0.000}{(profile ? $", profile {cell.CoverageExtra:0.000}" : "")}");
            return cell;
        }
        static Comparison Against95(CoverageCell cell) => new Comparison("coverage", "nominal 0.95").Add($"w1 at n = {cell.N}, π = {cell.EventRate}", cell.Coverage, 0.95, cell.NominalSe);
        foreach (CoverageCell cell in new[] { Cell(200, 0.5, profile: true), Cell(1000, 0.5) })
        {
            Assert.Equal(0, cell.NoFiniteMle);
            ParityAssert.Passes(FraudChecks.WaldCoverageGrid, Against95(cell));
            if (cell.N == 200)
            {
                ParityAssert.Passes(FraudChecks.WaldCoverageGrid, new Comparison("profile coverage", "nominal 0.95").Add("w1 at n = 200, π = 0.5", cell.CoverageExtra, 0.95, cell.NominalSe));
            }
        }
        CoverageCell fiveEvents = Cell(50, 0.1);
        ParityAssert.Fails(FraudChecks.WaldCoverageGrid, Against95(fiveEvents));
        Assert.True(fiveEvents.Coverage > 0.95 + (FraudTolerances.StandardErrors * fiveEvents.NominalSe), "finding: with ≈ 5 events Wald over-covers (inflated se near separation)");
        CoverageCell oneEvent = Cell(50, 0.02);
        Assert.True(oneEvent.NoFiniteMle > CoverageSimulation.GridReplications / 3, "finding: with ≈ 1 event a third or more of the data sets have no finite MLE");
        Assert.True(oneEvent.CoverageCountingMisses < 0.95 - (FraudTolerances.StandardErrors * Math.Sqrt(0.95 * 0.05 / oneEvent.Replications)), "finding: counting data sets without an MLE as misses, coverage collapses");
    }

    [Fact]
    public void Bootstrap_prediction_intervals_agree_with_the_delta_method_within_their_Monte_Carlo_error()
    {
        const int N = 5000, B = 1000;
        var rng = new Core.Randomness.Rng(2027);
        double intercept = -1.0;
        Matrix x = rng.GaussianMatrix(N, 2);
        int[] y = [.. Enumerable.Range(0, N).Select(i => rng.NextDouble() < 1.0 / (1.0 + Math.Exp(-(intercept + (0.8 * x[i, 0]) - (0.5 * x[i, 1])))) ? 1 : 0)];
        Matrix rows = rng.GaussianMatrix(10, 2, 1.5);
        NewtonFit fit = new NewtonLogisticRegression().Solve(x, y, 0.0);
        Assert.True(fit.Converged);
        CoefficientInference inference = CoefficientInference.At(x, 0.0, fit.Model);
        BootstrapPredictionIntervals.Result bootstrap = BootstrapPredictionIntervals.Compute(x, y, 0.0, rows, B, 7);
        Assert.Equal(B, bootstrap.Used);
        double[] z = LogisticObjective.Logits(rows, fit.Model.Theta);
        static double Logit(double p) => Math.Log(p / (1.0 - p));
        Comparison Against(double widthFactor)
        {
            var comparison = new Comparison("bootstrap", "delta method");
            for (int r = 0; r < rows.Rows; r++)
            {
                double sigma = Math.Sqrt(inference.LogitVariance(rows.Row(r)));
                double half = widthFactor * CoefficientInference.Z95 * sigma;
                comparison.Add($"lo[{r}]", Logit(bootstrap.Lo[r]), z[r] - half, sigma).Add($"hi[{r}]", Logit(bootstrap.Hi[r]), z[r] + half, sigma);
            }
            return comparison;
        }
        output.WriteLine(Against(1.0).Describe(FraudChecks.BootstrapPredictionIntervals.Tolerance.Value));
        ParityAssert.Passes(FraudChecks.BootstrapPredictionIntervals, Against(1.0));
        ParityAssert.Fails(FraudChecks.BootstrapPredictionIntervals, Against(0.5));
    }

    [Fact]
    public void Standard_error_checks_fail_on_a_NaN()
    {
        ParityAssert.Fails(FraudChecks.StandardErrorsTorch, FraudComparisons.StandardErrors([0.5, 0.25], [0.5, double.NaN], ModelKinds.Torch));
        ParityAssert.Fails(FraudChecks.StandardErrorsMathNet, FraudComparisons.StandardErrors([double.NaN, 0.25], [0.5, 0.25], "mathnet"));
        ParityAssert.Fails(FraudChecks.StandardErrorsTorch, FraudComparisons.StandardErrors([0.5, 0.25], [0.5, 0.25 * (1 + 1e-8)], ModelKinds.Torch));
    }

    [Fact]
    public void A_singular_Hessian_has_no_standard_errors()
    {
        var x = new Matrix(4, 2, [1, 0, 2, 0, 3, 0, 4, 0]);
        var model = new LogisticModel(0.1, [0.2, 0.0]);
        Assert.Throws<LinearAlgebraException>(() => CoefficientInference.At(x, 0.0, model));
        Assert.Equal(4, CoefficientInference.At(x, 1e-3, model).StandardErrors.Count(double.IsFinite) + 1);
    }

    private static void Scale(Matrix x, double spread)
    {
        for (int i = 0; i < x.Rows; i++)
        {
            for (int j = 0; j < x.Columns; j++)
            {
                x[i, j] *= Math.Pow(spread, (double)j / Math.Max(1, x.Columns - 1));
            }
        }
    }

    /// <summary>
    /// One binary feature at λ = 0: n₀₀ rows (x = 0, y = 0), n₀₁ (0, 1), n₁₀ (1, 0), n₁₁ (1, 1), fitted by Newton (asserted
    /// converged), with its Wald inference.
    /// </summary>
    private static (Matrix X, int[] Y, NewtonFit Fit, CoefficientInference Inference) FitTwoByTwo(int n00, int n01, int n10, int n11)
    {
        var rows = new List<(double X, int Y)>();
        rows.AddRange(Enumerable.Repeat((0.0, 0), n00));
        rows.AddRange(Enumerable.Repeat((0.0, 1), n01));
        rows.AddRange(Enumerable.Repeat((1.0, 0), n10));
        rows.AddRange(Enumerable.Repeat((1.0, 1), n11));
        var x = new Matrix(rows.Count, 1, [.. rows.Select(r => r.X)]);
        int[] y = [.. rows.Select(r => r.Y)];
        NewtonFit fit = new NewtonLogisticRegression().Solve(x, y, 0.0);
        Assert.True(fit.Converged);
        return (x, y, fit, CoefficientInference.At(x, 0.0, fit.Model));
    }
}
