namespace ReferenceSolutions.FraudDetection.Metrics;

/// <summary>
/// Precision–recall curve and average precision, as scikit-learn defines it: sweeping the threshold down through the
/// distinct scores k = 1..K, AP = Σₖ (Rₖ − Rₖ₋₁)·Pₖ with R₀ = 0 — a step function, no interpolation; a tie group is one
/// step (docs/fraud-detection.md#average-precision). Row weights let AP be re-weighted to another prevalence
/// (legitimate rows weighted 1/β).
/// </summary>
public static class PrecisionRecallCurve
{
    /// <summary>AP of <paramref name="scores"/> (n) against <paramref name="labels"/> (n), rows weighted (1 when empty).</summary>
    public static double AveragePrecision(ReadOnlySpan<double> scores, IReadOnlyList<int> labels, ReadOnlySpan<double> weights = default)
    {
        ScoreValidation.Check(scores, labels, weights);
        return AveragePrecisionSorted(scores, labels, ScoreValidation.DescendingOrder(scores), weights);
    }

    internal static double AveragePrecisionSorted(ReadOnlySpan<double> scores, IReadOnlyList<int> labels, int[] order, ReadOnlySpan<double> weights)
    {
        ThresholdSweep sweep = ThresholdSweep.Run(scores, labels, order, weights);
        double ap = 0, previousRecall = 0;
        foreach (ThresholdStep step in sweep.Steps)
        {
            double recall = step.TruePositives / sweep.Positives;
            double flagged = step.TruePositives + step.FalsePositives;
            if (flagged > 0)
            {
                ap += (recall - previousRecall) * (step.TruePositives / flagged);
            }
            previousRecall = recall;
        }
        return ap;
    }

    /// <summary>
    /// ML.NET's AUPRC ("lower trapezoid" estimator, Boyd et al. 2013, UnweightedAuPrcAggregator): rows taken one by one
    /// in descending score order (a stable sort, so tied rows in input order); at each positive,
    /// area += (Rₖ − Rₖ₋₁)·(P_min,k−1 + Pₖ)/2 where P_min,k−1 is the precision after the last row seen. Written out so
    /// that our metrics can be compared with ML.NET's under its own definition.
    /// </summary>
    public static double LowerTrapezoidArea(ReadOnlySpan<double> scores, IReadOnlyList<int> labels)
    {
        ScoreValidation.Check(scores, labels);
        double[] copy = scores.ToArray();
        int positives = labels.Count(v => v == 1);
        double area = 0, previousRecall = 0, previousPrecisionMin = 1;
        int tp = 0, fp = 0;
        foreach (int i in Enumerable.Range(0, copy.Length).OrderByDescending(i => copy[i]))
        {
            if (labels[i] == 1)
            {
                tp++;
                double recall = (double)tp / positives;
                double precision = (double)tp / (tp + fp);
                area += (recall - previousRecall) * (previousPrecisionMin + precision) / 2;
                previousPrecisionMin = precision;
                previousRecall = recall;
            }
            else
            {
                fp++;
                previousPrecisionMin = (double)tp / (tp + fp);
            }
        }
        return area;
    }

    /// <summary>The curve's points (recall, precision), one per distinct score, from the highest score down.</summary>
    public static (double[] Recall, double[] Precision) Points(ReadOnlySpan<double> scores, IReadOnlyList<int> labels)
    {
        ThresholdSweep sweep = ThresholdSweep.Run(scores, labels);
        double[] recall = [.. sweep.Steps.Select(step => step.TruePositives / sweep.Positives)];
        double[] precision = [.. sweep.Steps.Select(step => step.TruePositives / (step.TruePositives + step.FalsePositives))];
        return (recall, precision);
    }
}
