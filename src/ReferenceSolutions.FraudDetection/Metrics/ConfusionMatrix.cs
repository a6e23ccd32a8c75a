namespace ReferenceSolutions.FraudDetection.Metrics;

/// <summary>
/// Counts (or weights) at a threshold t, a row predicted positive when its score ≥ t: TP, FP, TN, FN.
/// precision = TP/(TP + FP) (0 when nothing is predicted positive), recall = TPR = TP/(TP + FN), FPR = FP/(FP + TN),
/// F1 = 2TP/(2TP + FP + FN), accuracy = (TP + TN)/total.
/// </summary>
public sealed record ConfusionMatrix(double TruePositives, double FalsePositives, double TrueNegatives, double FalseNegatives)
{
    /// <summary>TP/(TP + FP), 0 when TP + FP = 0.</summary>
    public double Precision => TruePositives + FalsePositives > 0 ? TruePositives / (TruePositives + FalsePositives) : 0.0;

    /// <summary>TP/(TP + FN).</summary>
    public double Recall => TruePositives / (TruePositives + FalseNegatives);

    /// <summary>FP/(FP + TN).</summary>
    public double FalsePositiveRate => FalsePositives / (FalsePositives + TrueNegatives);

    /// <summary>2TP/(2TP + FP + FN), 0 when there is no positive at all.</summary>
    public double F1 => TruePositives > 0 ? 2 * TruePositives / ((2 * TruePositives) + FalsePositives + FalseNegatives) : 0.0;

    /// <summary>(TP + TN)/(TP + FP + TN + FN).</summary>
    public double Accuracy => (TruePositives + TrueNegatives) / (TruePositives + FalsePositives + TrueNegatives + FalseNegatives);

    /// <summary>[[TN, FP], [FN, TP]] as integers, the layout of scikit-learn's confusion_matrix.</summary>
    public int[][] ToArray() => [[(int)TrueNegatives, (int)FalsePositives], [(int)FalseNegatives, (int)TruePositives]];

    /// <summary>The counts at threshold t, each row weighted by <paramref name="weights"/> (1 when empty).</summary>
    public static ConfusionMatrix At(ReadOnlySpan<double> scores, IReadOnlyList<int> labels, double threshold, ReadOnlySpan<double> weights = default)
    {
        ScoreValidation.Check(scores, labels, weights);
        double tp = 0, fp = 0, tn = 0, fn = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            double w = weights.IsEmpty ? 1.0 : weights[i];
            bool predicted = scores[i] >= threshold;
            if (labels[i] == 1)
            {
                if (predicted)
                {
                    tp += w;
                }
                else
                {
                    fn += w;
                }
            }
            else if (predicted)
            {
                fp += w;
            }
            else
            {
                tn += w;
            }
        }
        return new ConfusionMatrix(tp, fp, tn, fn);
    }
}
