using FsCheck;
using FsCheck.Fluent;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.FraudDetection.Calibration;
using ReferenceSolutions.FraudDetection.Decisions;
using ReferenceSolutions.FraudDetection.LogisticRegression;
using ReferenceSolutions.FraudDetection.Metrics;
using ReferenceSolutions.TestSupport;
using Xunit.Abstractions;

namespace ReferenceSolutions.FraudDetection.Tests;

/// <summary>Thresholds against brute force, the prior correction against its derivation, Platt scaling against a planted truth.</summary>
public class DecisionsTests(ITestOutputHelper output)
{
    [Fact]
    public void Minimum_expected_cost_threshold_beats_every_candidate_threshold()
    {
        Gen<(double[] Scores, int[] Labels)> cases =
            from seed in Gen.Choose(0, int.MaxValue)
            from n in Gen.Choose(2, 80)
            select MetricsTests.Random((ulong)seed, n, 12);
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            (double threshold, double cost) = CostThreshold.MinimumExpectedCost(c.Scores, c.Labels, 1.0, 7.0);
            double[] candidates = [.. c.Scores.Distinct(), double.PositiveInfinity];
            double brute = candidates.Min(t =>
            {
                ConfusionMatrix m = ConfusionMatrix.At(c.Scores, c.Labels, t);
                return m.FalsePositives + (7.0 * m.FalseNegatives);
            });
            ConfusionMatrix chosen = ConfusionMatrix.At(c.Scores, c.Labels, threshold);
            var comparison = new Comparison("sweep", "brute force")
                .Add("least cost", cost, brute)
                .Add("cost at the chosen threshold", chosen.FalsePositives + (7.0 * chosen.FalseNegatives), brute);
            ParityAssert.Passes(FraudChecks.CostThresholdBruteForce, comparison);
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Target_recall_threshold_is_the_largest_that_reaches_the_recall()
    {
        Gen<(double[] Scores, int[] Labels, double Target)> cases =
            from seed in Gen.Choose(0, int.MaxValue)
            from n in Gen.Choose(2, 200)
            from levels in Gen.Elements(5, 50, 100_000)
            from target in Gen.Elements(0.1, 0.5, 0.8, 0.9, 1.0)
            let c = MetricsTests.Random((ulong)seed, n, levels)
            select (c.Scores, c.Labels, target);
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            double brute = c.Scores.Distinct().Where(t => ConfusionMatrix.At(c.Scores, c.Labels, t).Recall >= c.Target).Max();
            ParityAssert.Passes(FraudChecks.RecallThresholdBruteForce, new Comparison("sweep", "brute force").Add("threshold", CostThreshold.ForRecall(c.Scores, c.Labels, c.Target), brute));
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Negative_costs_are_refused()
    {
        Assert.Throws<Core.Data.UserInputException>(() => CostThreshold.MinimumExpectedCost([0.1, 0.9], [0, 1], -1, 5));
    }

    [Fact]
    public void Prior_correction_follows_Bayes_rule_for_undersampled_negatives()
    {
        var correction = new PriorCorrection(PriorCorrection.CreditCardPrior, 492.0 / 5412);
        var comparison = new Comparison(ModelKinds.FromScratch, "Bayes' rule").Add("β", correction.Beta, 4920.0 / 284_315, 4920.0 / 284_315);
        foreach (double ps in new[] { 0.01, 0.3, 0.5, 0.97 })
        {
            double p = correction.Correct(ps), odds = correction.Beta * ps / (1 - ps);
            comparison.Add($"odds at pₛ = {ps}", p / (1 - p), odds, odds);
        }
        comparison.Add("same prior", new PriorCorrection(0.2, 0.2).Correct(0.4), 0.4, 0.4);
        ParityAssert.Passes(FraudChecks.PriorCorrectionOdds, comparison);
    }

    [Fact]
    public void Platt_scaling_recovers_a_planted_slope_and_intercept()
    {
        var rng = new Rng(31);
        double[] s = new double[20_000];
        int[] y = new int[s.Length];
        for (int i = 0; i < s.Length; i++)
        {
            s[i] = rng.Gaussian(0, 2);
            y[i] = rng.NextDouble() < 1 / (1 + Math.Exp(-((1.5 * s[i]) - 0.7))) ? 1 : 0;
        }
        PlattScaling platt = PlattScaling.Fit(s, y);
        Assert.True(platt.Converged);
        Matrix h = LogisticObjective.Hessian(new Matrix(s.Length, 1, s), 0.0, [platt.Intercept, platt.Slope]);
        double determinant = (h[0, 0] * h[1, 1]) - (h[0, 1] * h[1, 0]);
        double seIntercept = Math.Sqrt(h[1, 1] / determinant), seSlope = Math.Sqrt(h[0, 0] / determinant);
        output.WriteLine($"a = {platt.Slope:0.0000} ± {seSlope:0.0000}, c = {platt.Intercept:0.0000} ± {seIntercept:0.0000} (planted 1.5, −0.7)");
        var comparison = new Comparison("estimate", "planted").Add("a", platt.Slope, 1.5, seSlope).Add("c", platt.Intercept, -0.7, seIntercept);
        ParityAssert.Passes(FraudChecks.PlattPlanted, comparison);
    }

    [Fact]
    public void Reliability_curve_of_calibrated_probabilities_lies_near_the_diagonal()
    {
        var rng = new Rng(32);
        double[] p = [.. Enumerable.Range(0, 50_000).Select(_ => rng.NextDouble())];
        int[] y = [.. p.Select(v => rng.NextDouble() < v ? 1 : 0)];
        (double[] predicted, double[] observed, int[] count) = ReliabilityCurve.Compute(p, y);
        Assert.Equal(10, predicted.Length);
        Assert.Equal(50_000, count.Sum());
        var comparison = new Comparison("observed", "predicted");
        for (int b = 0; b < predicted.Length; b++)
        {
            comparison.Add($"bin {b}", observed[b], predicted[b], Math.Sqrt(predicted[b] * (1 - predicted[b]) / count[b]));
        }
        ParityAssert.Passes(FraudChecks.ReliabilityCalibrated, comparison);
    }
}
