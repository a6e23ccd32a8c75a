namespace ReferenceSolutions.FraudDetection.Metrics;

/// <summary>
/// ROC curve and its area. Sweeping the threshold down through the distinct scores gives points (FPRₖ, TPRₖ); tied
/// scores move both at once, a diagonal segment. AUC = Σₖ (FPRₖ − FPRₖ₋₁)(TPRₖ + TPRₖ₋₁)/2, which equals the
/// Mann–Whitney statistic P(s⁺ &gt; s⁻) + ½·P(s⁺ = s⁻) over all positive–negative pairs
/// (docs/fraud-detection.md#roc-auc-as-mann-whitney). O(n log n) for the sort, O(n) after.
/// </summary>
public static class RocCurve
{
    /// <summary>AUC of <paramref name="scores"/> (n) against <paramref name="labels"/> (n), rows weighted (1 when empty).</summary>
    public static double Auc(ReadOnlySpan<double> scores, IReadOnlyList<int> labels, ReadOnlySpan<double> weights = default)
    {
        ScoreValidation.Check(scores, labels, weights);
        return AucSorted(scores, labels, ScoreValidation.DescendingOrder(scores), weights);
    }

    /// <summary>AUC given the rows in descending score order; per tie group g: Σ w⁺_g·(N − N_above − w⁻_g) + ½·w⁺_g·w⁻_g, over P·N.</summary>
    internal static double AucSorted(ReadOnlySpan<double> scores, IReadOnlyList<int> labels, int[] order, ReadOnlySpan<double> weights)
    {
        ThresholdSweep sweep = ThresholdSweep.Run(scores, labels, order, weights);
        double area = 0;
        foreach (ThresholdStep step in sweep.Steps)
        {
            area += step.GroupPositives * (sweep.Negatives - step.FalsePositives + (0.5 * step.GroupNegatives));
        }
        return area / (sweep.Positives * sweep.Negatives);
    }

    /// <summary>
    /// The plain O(P·N) definition, kept as the reference the fast version is tested against:
    /// AUC = (1/(P·N))·Σ_{i∈pos} Σ_{j∈neg} [sᵢ &gt; sⱼ] + ½[sᵢ = sⱼ].
    /// </summary>
    public static double AucByPairs(ReadOnlySpan<double> scores, IReadOnlyList<int> labels)
    {
        ScoreValidation.Check(scores, labels);
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            if (labels[i] != 1)
            {
                continue;
            }
            for (int j = 0; j < scores.Length; j++)
            {
                if (labels[j] != 0)
                {
                    continue;
                }
                pairs++;
                wins += scores[i] > scores[j] ? 1.0 : scores[i] == scores[j] ? 0.5 : 0.0;
            }
        }
        return wins / pairs;
    }

    /// <summary>The curve's points (FPR, TPR) from (0, 0) to (1, 1), one per distinct score.</summary>
    public static (double[] Fpr, double[] Tpr) Points(ReadOnlySpan<double> scores, IReadOnlyList<int> labels)
    {
        ThresholdSweep sweep = ThresholdSweep.Run(scores, labels);
        double[] fpr = [0.0, .. sweep.Steps.Select(step => step.FalsePositives / sweep.Negatives)];
        double[] tpr = [0.0, .. sweep.Steps.Select(step => step.TruePositives / sweep.Positives)];
        return (fpr, tpr);
    }
}
