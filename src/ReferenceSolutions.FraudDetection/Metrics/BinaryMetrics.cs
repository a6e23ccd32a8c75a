namespace ReferenceSolutions.FraudDetection.Metrics;

/// <summary>
/// The scalar metrics of <c>refsol verify metrics</c> for probabilities p (n) and labels y (n) at a threshold t
/// (predicted positive ⇔ p ≥ t): AUC, average precision (step-wise), log-loss (nats), F1, precision, recall, accuracy.
/// </summary>
public sealed record BinaryMetrics(double Auc, double AveragePrecision, double LogLoss, double F1, double Precision, double Recall, double Accuracy)
{
    /// <summary>The metrics computed from scratch.</summary>
    public static BinaryMetrics Compute(ReadOnlySpan<double> probabilities, IReadOnlyList<int> labels, double threshold)
    {
        ConfusionMatrix confusion = ConfusionMatrix.At(probabilities, labels, threshold);
        return new BinaryMetrics(
            RocCurve.Auc(probabilities, labels),
            PrecisionRecallCurve.AveragePrecision(probabilities, labels),
            ProbabilityScores.LogLoss(probabilities, labels),
            confusion.F1,
            confusion.Precision,
            confusion.Recall,
            confusion.Accuracy);
    }
}
