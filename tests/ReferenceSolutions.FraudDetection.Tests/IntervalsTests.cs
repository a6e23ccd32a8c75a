using MathNet.Numerics.Distributions;
using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.FraudDetection.Intervals;
using ReferenceSolutions.FraudDetection.Metrics;
using Xunit.Abstractions;

namespace ReferenceSolutions.FraudDetection.Tests;

/// <summary>
/// Intervals checked for coverage on simulated data with known truth. With S simulations a true 95 % interval covers
/// a fraction with standard error √(0.95·0.05/S); each test states its S and accepts ±3 SE.
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

    [Fact]
    public void Wilson_interval_covers_a_small_proportion_about_95_percent_of_the_time()
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
        double coverage = (double)covered / Simulations;
        double se = Math.Sqrt(0.95 * 0.05 / Simulations);
        output.WriteLine($"Wilson coverage {coverage:0.0000} (n = {Trials}, p = {P}); ±3 SE = {3 * se:0.0000}, plus 0.01 for the binomial's discreteness");
        Assert.InRange(coverage, 0.95 - (3 * se) - 0.01, 0.95 + (3 * se) + 0.01);
    }

    [Fact]
    public void Wilson_interval_matches_its_closed_form_and_stays_in_0_1()
    {
        (double lo, double hi) = WilsonInterval.Compute(0, 50);
        Assert.True(lo <= 1e-15, $"lower bound at k = 0 is {lo}");
        Assert.True(hi is > 0 and < 0.1);
        double z = Normal.InvCDF(0, 1, 0.975);
        double p = 7.0 / 40, n = 40;
        double center = (p + (z * z / (2 * n))) / (1 + (z * z / n));
        double half = z / (1 + (z * z / n)) * Math.Sqrt((p * (1 - p) / n) + (z * z / (4 * n * n)));
        (lo, hi) = WilsonInterval.Compute(7, 40);
        Assert.Equal(center - half, lo, 12);
        Assert.Equal(center + half, hi, 12);
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
        output.WriteLine($"bootstrap AUC coverage {coverage:0.000} (true AUC {trueAuc:0.0000}); ±3 SE = {3 * se:0.000}");
        Assert.InRange(coverage, 0.95 - (3 * se) - 0.02, 0.95 + (3 * se));
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
        double ratio = meanDeLong / monteCarlo;
        double se = Math.Sqrt(2.0 / (Simulations - 1));
        output.WriteLine($"DeLong variance / Monte Carlo variance = {ratio:0.0000} (SE of the MC variance ≈ {se:0.000})");
        Assert.InRange(ratio, 1 - (3 * se) - 0.03, 1 + (3 * se) + 0.03);
    }

    [Fact]
    public void DeLong_components_average_to_the_AUC_and_the_bootstrap_variance_agrees()
    {
        var rng = new Rng(14);
        (double[] scores, int[] labels) = Binormal(rng, 80, 400, 1.2);
        DeLong.Components c = DeLong.Compute(scores, labels);
        Assert.Equal(RocCurve.Auc(scores, labels), c.Auc, 12);
        Assert.Equal(c.Auc, c.V01.Average(), 12);
        double[] replicates = BootstrapInterval.Run(scores, labels, 2000, rng.Fork()).Auc;
        double mean = replicates.Average();
        double bootstrap = replicates.Sum(a => (a - mean) * (a - mean)) / (replicates.Length - 1);
        double ratio = bootstrap / DeLong.Variance(scores, labels);
        output.WriteLine($"bootstrap / DeLong variance = {ratio:0.000}");
        Assert.InRange(ratio, 1 - (3 * Math.Sqrt(2.0 / 1999)) - 0.05, 1 + (3 * Math.Sqrt(2.0 / 1999)) + 0.05);
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
        output.WriteLine($"DeLong type-I error rate {rate:0.000} (±3 SE = {3 * se:0.000})");
        Assert.InRange(rate, 0.05 - (3 * se), 0.05 + (3 * se));
        (double[] strong, int[] y) = Binormal(rng, 100, 400, 2.0);
        double[] weak = [.. strong.Select(v => v + (2.0 * rng.Gaussian()))];
        Assert.True(DeLong.Compare(strong, weak, y).PValue < 1e-3);
    }
}
