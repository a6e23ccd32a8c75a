using ReferenceSolutions.FraudDetection.Metrics;

namespace ReferenceSolutions.FraudDetection.Decisions;

/// <summary>
/// The two data-fitted decision thresholds of a model, chosen on held-out predictions (validation rows, or the
/// out-of-fold predictions of a k-fold) and then applied unchanged to the test rows: <see cref="MinimumExpectedCost"/>,
/// the score threshold of least expected cost on the held-out rows (1 when flagging nothing is cheapest there), and
/// <see cref="TargetRecall"/>, the largest threshold whose held-out recall reaches the target.
/// </summary>
public sealed record DecisionThresholds(double MinimumExpectedCost, double TargetRecall)
{
    /// <summary>
    /// Chooses both on held-out probabilities (n), labels (n) and row weights (n; 1/β on legitimate rows for an
    /// undersampled file, empty for none).
    /// </summary>
    public static DecisionThresholds Choose(ReadOnlySpan<double> probabilities, IReadOnlyList<int> labels, ReadOnlySpan<double> weights, double falsePositiveCost, double falseNegativeCost, double targetRecall)
    {
        (double cost, _) = CostThreshold.MinimumExpectedCost(probabilities, labels, falsePositiveCost, falseNegativeCost, weights);
        return new DecisionThresholds(double.IsFinite(cost) ? cost : 1.0, CostThreshold.ForRecall(probabilities, labels, targetRecall));
    }
}
