using ReferenceSolutions.FraudDetection.Metrics;

namespace ReferenceSolutions.FraudDetection.Decisions;

/// <summary>
/// Choosing a threshold t (flag a transaction when its score ≥ t). Expected cost C(t) = c_FP·FP(t) + c_FN·FN(t),
/// with rows weighted (legitimate rows by 1/β to stand for the true prevalence); the minimiser is searched over every
/// distinct score and +∞ (flag nothing). With calibrated probabilities the Bayes rule is t* = c_FP/(c_FP + c_FN)
/// (docs/fraud-detection.md#expected-cost-threshold); the empirical search needs no calibration.
/// </summary>
public static class CostThreshold
{
    /// <summary>The threshold of least expected cost, and that cost.</summary>
    public static (double Threshold, double Cost) MinimumExpectedCost(ReadOnlySpan<double> scores, IReadOnlyList<int> labels, double falsePositiveCost, double falseNegativeCost, ReadOnlySpan<double> weights = default)
    {
        CheckCosts(falsePositiveCost, falseNegativeCost);
        ThresholdSweep sweep = ThresholdSweep.Run(scores, labels, weights);
        double bestThreshold = double.PositiveInfinity, bestCost = falseNegativeCost * sweep.Positives;
        foreach (ThresholdStep step in sweep.Steps)
        {
            double cost = (falsePositiveCost * step.FalsePositives) + (falseNegativeCost * (sweep.Positives - step.TruePositives));
            if (cost < bestCost)
            {
                bestCost = cost;
                bestThreshold = step.Score;
            }
        }
        return (bestThreshold, bestCost);
    }

    /// <summary>The largest threshold whose recall reaches <paramref name="targetRecall"/>.</summary>
    public static double ForRecall(ReadOnlySpan<double> scores, IReadOnlyList<int> labels, double targetRecall)
    {
        if (!(targetRecall is > 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(targetRecall), targetRecall, "target recall must be in (0, 1]");
        }
        ThresholdSweep sweep = ThresholdSweep.Run(scores, labels);
        foreach (ThresholdStep step in sweep.Steps)
        {
            if (step.TruePositives / sweep.Positives >= targetRecall - 1e-12)
            {
                return step.Score;
            }
        }
        return sweep.Steps[^1].Score;
    }

    /// <summary>Expected cost per 1,000 transactions: 1000·(c_FP·FP + c_FN·FN)/(TP + FP + TN + FN).</summary>
    public static double CostPer1000(ConfusionMatrix confusion, double falsePositiveCost, double falseNegativeCost)
    {
        ArgumentNullException.ThrowIfNull(confusion);
        double total = confusion.TruePositives + confusion.FalsePositives + confusion.TrueNegatives + confusion.FalseNegatives;
        return 1000.0 * ((falsePositiveCost * confusion.FalsePositives) + (falseNegativeCost * confusion.FalseNegatives)) / total;
    }

    /// <summary>
    /// Throws unless both costs are in [0, <see cref="FraudLimits.MaxCost"/>] and at least one is positive: with both 0
    /// every threshold costs nothing, so there is no decision to make (and c_FP/(c_FP + c_FN) is 0/0).
    /// </summary>
    public static void CheckCosts(double falsePositiveCost, double falseNegativeCost)
    {
        if (!(falsePositiveCost is >= 0 and <= FraudLimits.MaxCost) || !(falseNegativeCost is >= 0 and <= FraudLimits.MaxCost))
        {
            throw new Core.Data.UserInputException($"costs must be in [0, {FraudLimits.MaxCost}] (--fp-cost {falsePositiveCost}, --fn-cost {falseNegativeCost})");
        }
        if (falsePositiveCost == 0 && falseNegativeCost == 0)
        {
            throw new Core.Data.UserInputException("--fp-cost and --fn-cost are both 0: every threshold costs nothing, so there is no decision to make; give at least one a positive cost");
        }
    }
}
