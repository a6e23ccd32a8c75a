namespace ReferenceSolutions.FraudDetection.Metrics;

/// <summary>
/// One threshold of a sweep: flag every row with score ≥ <see cref="Score"/>. TP and FP are the weighted counts of
/// positive and negative rows at or above it; the group counts are those of the rows tied at exactly this score.
/// </summary>
internal readonly record struct ThresholdStep(double Score, double TruePositives, double FalsePositives, double GroupPositives, double GroupNegatives);

/// <summary>
/// The sweep behind every threshold metric here (ROC and PR points, AUC, AP, cost and recall thresholds, bootstrap
/// bands): rows taken in descending score order, tied scores grouped into one threshold, counts accumulated with row
/// weights (1 when none are given). Totals P = Σ w over positives and N = Σ w over negatives.
/// </summary>
internal sealed class ThresholdSweep
{
    private ThresholdSweep(double positives, double negatives, ThresholdStep[] steps)
    {
        Positives = positives;
        Negatives = negatives;
        Steps = steps;
    }

    /// <summary>P, the total weight of positive rows.</summary>
    public double Positives { get; }

    /// <summary>N, the total weight of negative rows.</summary>
    public double Negatives { get; }

    /// <summary>One step per distinct score, highest first.</summary>
    public IReadOnlyList<ThresholdStep> Steps { get; }

    /// <summary>Sweeps rows given in descending score order (<paramref name="order"/>, e.g. from <see cref="ScoreValidation.DescendingOrder"/>).</summary>
    public static ThresholdSweep Run(ReadOnlySpan<double> scores, IReadOnlyList<int> labels, int[] order, ReadOnlySpan<double> weights = default)
    {
        double positives = 0, negatives = 0;
        for (int i = 0; i < order.Length; i++)
        {
            double w = weights.IsEmpty ? 1.0 : weights[i];
            if (labels[i] == 1)
            {
                positives += w;
            }
            else
            {
                negatives += w;
            }
        }
        var steps = new List<ThresholdStep>();
        double tp = 0, fp = 0;
        int k = 0;
        while (k < order.Length)
        {
            double groupPositives = 0, groupNegatives = 0;
            double score = scores[order[k]];
            for (; k < order.Length && scores[order[k]] == score; k++)
            {
                int i = order[k];
                double w = weights.IsEmpty ? 1.0 : weights[i];
                if (labels[i] == 1)
                {
                    groupPositives += w;
                }
                else
                {
                    groupNegatives += w;
                }
            }
            tp += groupPositives;
            fp += groupNegatives;
            steps.Add(new ThresholdStep(score, tp, fp, groupPositives, groupNegatives));
        }
        return new ThresholdSweep(positives, negatives, [.. steps]);
    }

    /// <summary>Validates the input and sweeps it in descending score order.</summary>
    public static ThresholdSweep Run(ReadOnlySpan<double> scores, IReadOnlyList<int> labels, ReadOnlySpan<double> weights = default)
    {
        ScoreValidation.Check(scores, labels, weights);
        return Run(scores, labels, ScoreValidation.DescendingOrder(scores), weights);
    }
}
