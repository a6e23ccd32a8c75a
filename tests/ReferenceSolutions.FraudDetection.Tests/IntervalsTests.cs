using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.Distributions;
using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.FraudDetection.Intervals;
using ReferenceSolutions.FraudDetection.Metrics;
using ReferenceSolutions.TestSupport;
using Xunit.Abstractions;

namespace ReferenceSolutions.FraudDetection.Tests;

/// <summary>
/// Intervals against their closed forms, and checked for coverage on simulated data with known truth. A simulated
/// share c from S simulations has standard error √(c(1 − c)/S); each statistical test compares in those units and
/// allows <see cref="FraudTolerances.StandardErrors"/> of them.
/// </summary>
public class IntervalsTests(ITestOutputHelper output)
{
    /// <summary>P positives ~ N(δ, 1), N negatives ~ N(0, 1): true AUC = Φ(δ/√2).</summary>
    private static (double[] Scores, int[] Labels) Binormal(Rng rng, int positives, int negatives, double delta)
    {
        double[] scores = new double[positives + negatives];
        int[] labels = new int[positives + negatives];
        for (int i = 0; i < scores.Length; i++)
        {
            labels[i] = i < positives ? 1 : 0;
            scores[i] = rng.Gaussian() + (labels[i] * delta);
        }
        return (scores, labels);
    }

    /// <summary>The exact coverage Σₖ Binom(k; n, p)·[p ∈ I(k, n)] of an interval rule I.</summary>
    private static double ExactCoverage(int n, double p, Func<int, int, (double Low, double High)> interval) =>
        Enumerable.Range(0, n + 1).Sum(k =>
        {
            (double lo, double hi) = interval(k, n);
            return lo <= p && p <= hi ? Binomial.PMF(p, n, k) : 0.0;
        });

    private static (double Low, double High) Wald(int k, int n)
    {
        double p = (double)k / n, half = WilsonInterval.Z95 * Math.Sqrt(p * (1 - p) / n);
        return (p - half, p + half);
    }

    [Fact]
    public void Wilson_interval_coverage_matches_the_exact_binomial_sum()
    {
        const int Simulations = 4000, Trials = 200;
        const double P = 0.03;
        var rng = new Rng(11);
        int covered = 0;
        for (int s = 0; s < Simulations; s++)
        {
            int k = 0;
            for (int t = 0; t < Trials; t++)
            {
                k += rng.NextDouble() < P ? 1 : 0;
            }
            (double lo, double hi) = WilsonInterval.Compute(k, Trials);
            covered += lo <= P && P <= hi ? 1 : 0;
        }
        double simulated = (double)covered / Simulations;
        double exact = ExactCoverage(Trials, P, (k, n) => WilsonInterval.Compute(k, n));
        double se = Math.Sqrt(exact * (1 - exact) / Simulations);
        output.WriteLine($"Wilson coverage at n = {Trials}, p = {P}: simulated {simulated:0.0000} ({Simulations} runs), exact {exact:0.0000}; Wald exact {ExactCoverage(Trials, P, Wald):0.0000}");
        double[] grid = [.. Enumerable.Range(1, 200).Select(i => i / 2000.0)];
        double[] wilson = [.. grid.Select(p => ExactCoverage(Trials, p, (k, n) => WilsonInterval.Compute(k, n)))];
        double[] wald = [.. grid.Select(p => ExactCoverage(Trials, p, Wald))];
        output.WriteLine($"exact coverage over p = 0.0005..0.1 (step 0.0005) at n = {Trials}: Wilson min {wilson.Min():0.0000} (at p = {grid[Array.IndexOf(wilson, wilson.Min())]}), below 0.95 at {wilson.Count(c => c < 0.95)} of {grid.Length} points; Wald min {wald.Min():0.0000}, below 0.95 at {wald.Count(c => c < 0.95)}");
        ParityAssert.Passes(FraudChecks.WilsonCoverage, new Comparison("simulation", "exact").Add("coverage", simulated, exact, se));
    }

    [Fact]
    public void Wilson_interval_matches_its_closed_form_and_stays_in_0_1()
    {
        (double lo, double hi) = WilsonInterval.Compute(0, 50);
        Assert.True(lo >= 0 && hi is > 0 and < 0.1, $"[{lo}, {hi}] at k = 0");
        double z = Normal.InvCDF(0, 1, 0.975);
        double p = 7.0 / 40, n = 40;
        double center = (p + (z * z / (2 * n))) / (1 + (z * z / n));
        double half = z / (1 + (z * z / n)) * Math.Sqrt((p * (1 - p) / n) + (z * z / (4 * n * n)));
        (lo, hi) = WilsonInterval.Compute(7, 40);
        var comparison = new Comparison(ModelKinds.FromScratch, "formula")
            .Add("low", lo, center - half)
            .Add("high", hi, center + half)
            .Add("low at k = 0", WilsonInterval.Compute(0, 50).Low, 0.0);
        ParityAssert.Passes(FraudChecks.WilsonClosedForm, comparison);
    }

    [Fact]
    public void Stratified_bootstrap_AUC_interval_covers_the_true_AUC_about_95_percent_of_the_time()
    {
        const int Simulations = 300, Replicates = 300;
        const double Delta = 1.5;
        double trueAuc = Normal.CDF(0, 1, Delta / Math.Sqrt(2));
        var rng = new Rng(12);
        int covered = 0;
        for (int s = 0; s < Simulations; s++)
        {
            (double[] scores, int[] labels) = Binormal(rng, 60, 240, Delta);
            double[] interval = BootstrapInterval.Interval95(BootstrapInterval.Run(scores, labels, Replicates, rng.Fork()).Auc);
            covered += interval[0] <= trueAuc && trueAuc <= interval[1] ? 1 : 0;
        }
        double coverage = (double)covered / Simulations;
        double se = Math.Sqrt(0.95 * 0.05 / Simulations);
        output.WriteLine($"bootstrap AUC coverage {coverage:0.000} (true AUC {trueAuc:0.0000}), SE {se:0.0000}");
        ParityAssert.Passes(FraudChecks.BootstrapCoverage, new Comparison("simulation", "nominal").Add("coverage", coverage, 0.95, se));
    }

    [Fact]
    public void DeLong_variance_matches_the_Monte_Carlo_variance_of_the_AUC()
    {
        const int Simulations = 2000;
        var rng = new Rng(13);
        double[] aucs = new double[Simulations];
        double meanDeLong = 0;
        for (int s = 0; s < Simulations; s++)
        {
            (double[] scores, int[] labels) = Binormal(rng, 50, 200, 1.0);
            aucs[s] = RocCurve.Auc(scores, labels);
            meanDeLong += DeLong.Variance(scores, labels) / Simulations;
        }
        double mean = aucs.Average();
        double monteCarlo = aucs.Sum(a => (a - mean) * (a - mean)) / (Simulations - 1);
        double se = Math.Sqrt(2.0 / (Simulations - 1));
        output.WriteLine($"DeLong variance / Monte Carlo variance = {meanDeLong / monteCarlo:0.0000} (SE of the MC variance ≈ {se:0.000})");
        ParityAssert.Passes(FraudChecks.DeLongMonteCarlo, new Comparison("delong", "monte-carlo").Add("variance ratio", meanDeLong / monteCarlo, 1.0, se));
    }

    [Fact]
    public void DeLong_components_average_to_the_AUC()
    {
        (double[] scores, int[] labels) = Binormal(new Rng(14), 80, 400, 1.2);
        DeLong.Components c = DeLong.Compute(scores, labels);
        double auc = RocCurve.Auc(scores, labels);
        ParityAssert.Passes(FraudChecks.DeLongComponents, new Comparison("delong", "sweep").Add("mean V₁₀", c.V10.Average(), auc).Add("mean V₀₁", c.V01.Average(), auc));
    }

    [Fact]
    public void Bootstrap_variance_matches_its_limit_from_DeLongs_components()
    {
        var rng = new Rng(14);
        (double[] continuous, int[] labels) = Binormal(rng, 80, 400, 1.2);
        double[] tied = [.. continuous.Select(s => Math.Round(s * 2) / 2)];
        foreach ((string name, double[] scores) in new[] { ("continuous", continuous), ("tied", tied) })
        {
            double limit = BootstrapVarianceLimit.Of(scores, labels);
            double[] replicates = BootstrapInterval.Run(scores, labels, FraudRunOptions.DefaultBootstrapReplicates, rng.Fork()).Auc;
            Comparison comparison = FraudComparisons.BootstrapVariance(replicates, limit);
            output.WriteLine($"{name}: V∞ / DeLong = {limit / DeLong.Variance(scores, labels):0.0000}; {comparison.Describe(FraudChecks.BootstrapVsDeLong.Tolerance.Value)}");
            ParityAssert.Passes(FraudChecks.BootstrapVsDeLong, comparison);
        }
    }

    [Fact]
    public void Bootstrap_DeLong_check_fails_on_a_NaN()
    {
        (double[] scores, int[] labels) = Binormal(new Rng(16), 40, 160, 1.0);
        double[] replicates = BootstrapInterval.Run(scores, labels, 200, new Rng(17)).Auc;
        replicates[5] = double.NaN;
        Comparison poisoned = FraudComparisons.BootstrapVariance(replicates, BootstrapVarianceLimit.Of(scores, labels));
        ParityAssert.Fails(FraudChecks.BootstrapVsDeLongAt(200), poisoned);
        Assert.Equal("bootstrap: Var(AUC) is NaN", poisoned.NonFinite);
        ParityAssert.Fails(FraudChecks.BootstrapVsDeLong, FraudComparisons.BootstrapVariance([0.8, 0.9, 0.85], double.NaN));
    }

    [Fact]
    public void Each_bootstrap_replicate_equals_the_metrics_of_its_weighted_rows()
    {
        double[] grid = [.. Enumerable.Range(0, 21).Select(k => k / 20.0)];
        Gen<(double[] Scores, int[] Labels, int[] Multiplicities)> cases =
            from seed in Gen.Choose(0, int.MaxValue)
            from n in Gen.Choose(2, 80)
            from levels in Gen.Elements(3, 10, 1000)
            from counts in Gen.Choose(0, 3).ArrayOf(n)
            let c = MetricsTests.Random((ulong)seed, n, levels)
            select (c.Scores, c.Labels, counts);
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            double[] w = [.. c.Multiplicities.Select((m, i) => (double)(i < 2 ? m + 1 : m))];
            (double auc, double ap, double[] tpr, double[] precision) = BootstrapInterval.Replicate(c.Scores, c.Labels, w, grid, grid);
            double[] thresholds = [.. c.Scores.Distinct().OrderDescending()];
            ConfusionMatrix[] at = [.. thresholds.Select(t => ConfusionMatrix.At(c.Scores, c.Labels, t, w))];
            double[] tprBrute = [.. grid.Select(f => at.Where(m => m.FalsePositiveRate <= f).Select(m => m.Recall).DefaultIfEmpty(0).Max())];
            double[] precisionBrute = [.. grid.Select(r => at.FirstOrDefault(m => m.Recall >= r) is ConfusionMatrix m ? (m.TruePositives + m.FalsePositives > 0 ? m.Precision : 1.0) : double.NaN)];
            var comparison = new Comparison("replicate sweep", "definition")
                .Add("AUC", auc, RocCurve.Auc(c.Scores, c.Labels, w))
                .Add("AP", ap, PrecisionRecallCurve.AveragePrecision(c.Scores, c.Labels, w))
                .Add("TPR at FPR", tpr, tprBrute)
                .Add("precision at recall", precision, precisionBrute);
            ParityAssert.Passes(FraudChecks.BootstrapReplicate, comparison);
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void DeLong_test_rejects_about_5_percent_under_the_null_and_detects_a_real_difference()
    {
        const int Simulations = 1000;
        var rng = new Rng(15);
        int rejections = 0;
        for (int s = 0; s < Simulations; s++)
        {
            (double[] signal, int[] labels) = Binormal(rng, 40, 160, 1.0);
            double[] a = [.. signal.Select(v => v + (0.7 * rng.Gaussian()))];
            double[] b = [.. signal.Select(v => v + (0.7 * rng.Gaussian()))];
            rejections += DeLong.Compare(a, b, labels).PValue < 0.05 ? 1 : 0;
        }
        double rate = (double)rejections / Simulations;
        double se = Math.Sqrt(0.05 * 0.95 / Simulations);
        output.WriteLine($"DeLong type-I error rate {rate:0.000} (SE {se:0.0000})");
        ParityAssert.Passes(FraudChecks.DeLongSize, new Comparison("simulation", "nominal").Add("rejection rate", rate, 0.05, se));
        (double[] strong, int[] y) = Binormal(rng, 100, 400, 2.0);
        double[] weak = [.. strong.Select(v => v + (2.0 * rng.Gaussian()))];
        Assert.True(DeLong.Compare(strong, weak, y).PValue < 1e-3);
    }
}
