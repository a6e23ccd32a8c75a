using FsCheck;
using FsCheck.Fluent;
using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.FraudDetection.Calibration;
using ReferenceSolutions.FraudDetection.Decisions;
using ReferenceSolutions.FraudDetection.Metrics;

namespace ReferenceSolutions.FraudDetection.Tests;

/// <summary>Thresholds against brute force, the prior correction against its derivation, Platt scaling against a planted truth.</summary>
public class DecisionsTests
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
            return Math.Abs(cost - brute) <= 1e-9 && Math.Abs(chosen.FalsePositives + (7.0 * chosen.FalseNegatives) - cost) <= 1e-9;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Target_recall_threshold_is_the_largest_that_reaches_the_recall()
    {
        (double[] s, int[] y) = MetricsTests.Random(3, 300, 50);
        double t = CostThreshold.ForRecall(s, y, 0.8);
        Assert.True(ConfusionMatrix.At(s, y, t).Recall >= 0.8);
        double next = s.Where(v => v > t).DefaultIfEmpty(double.PositiveInfinity).Min();
        Assert.True(double.IsPositiveInfinity(next) || ConfusionMatrix.At(s, y, next).Recall < 0.8);
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
        Assert.Equal(4920.0 / 284_315, correction.Beta, 12);
        // Bayes: p/(1 − p) = β·pₛ/(1 − pₛ), the odds shrink by β.
        foreach (double ps in new[] { 0.01, 0.3, 0.5, 0.97 })
        {
            double p = correction.Correct(ps);
            Assert.Equal(correction.Beta * ps / (1 - ps), p / (1 - p), 12);
        }
        Assert.Equal(0.4, new PriorCorrection(0.2, 0.2).Correct(0.4), 14);
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
        Assert.InRange(platt.Slope, 1.5 - 0.1, 1.5 + 0.1);
        Assert.InRange(platt.Intercept, -0.7 - 0.1, -0.7 + 0.1);
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
        for (int b = 0; b < predicted.Length; b++)
        {
            Assert.True(Math.Abs(predicted[b] - observed[b]) < 0.03, $"bin {b}: {predicted[b]} vs {observed[b]}");
        }
    }
}
