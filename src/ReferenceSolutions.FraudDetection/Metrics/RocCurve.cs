using System.Buffers;

namespace ReferenceSolutions.FraudDetection.Metrics;

/// <summary>
/// ROC curve and its area. Sweeping the threshold down through the distinct scores gives points (FPRₖ, TPRₖ); tied
/// scores move both at once, a diagonal segment. AUC = Σₖ (FPRₖ − FPRₖ₋₁)(TPRₖ + TPRₖ₋₁)/2, which equals the
/// Mann–Whitney statistic P(s⁺ &gt; s⁻) + ½·P(s⁺ = s⁻) over all positive–negative pairs
/// (docs/fraud-detection.md#roc-auc-as-mann-whitney). O(n log n) for the sort, O(n) after; unweighted, an O(n) radix
/// sort (<see cref="ScoreRadixSort"/>) takes the comparison sort's place.
/// </summary>
public static class RocCurve
{
    /// <summary>AUC of <paramref name="scores"/> (n) against <paramref name="labels"/> (n), rows weighted (1 when empty).</summary>
    public static double Auc(ReadOnlySpan<double> scores, IReadOnlyList<int> labels, ReadOnlySpan<double> weights = default)
    {
        ScoreValidation.Check(scores, labels, weights);
        return weights.IsEmpty ? AucUnweighted(scores, ScoreValidation.Labels(labels)) : AucSorted(scores, labels, ScoreValidation.DescendingOrder(scores), weights);
    }

    /// <summary>
    /// The unweighted AUC without a row order: the positives' and the negatives' score keys
    /// (<see cref="ScoreRadixSort.Key"/>) are put apart and radix-sorted, then merged from the top, one tie group per
    /// distinct score, highest first. These are <see cref="ThresholdSweep"/>'s groups in its order, and with unit weights
    /// every count is an integer held exactly in a double, whatever order the tied rows come in; the area is then
    /// summed with <see cref="AucSorted"/>'s formula in <see cref="AucSorted"/>'s order, so the result is its bits.
    /// Validated input only (<see cref="ScoreValidation.Check"/>).
    /// </summary>
    internal static double AucUnweighted(ReadOnlySpan<double> scores, ReadOnlySpan<int> labels)
    {
        int n = scores.Length;
        ulong[] keys = ArrayPool<ulong>.Shared.Rent(n);
        ulong[] scratch = ArrayPool<ulong>.Shared.Rent(n);
        try
        {
            int negativeCount = 0, positiveStart = n;
            for (int i = 0; i < n; i++)
            {
                ulong key = ScoreRadixSort.Key(scores[i]);
                if (labels[i] == 1)
                {
                    keys[--positiveStart] = key;
                }
                else
                {
                    keys[negativeCount++] = key;
                }
            }
            Span<ulong> negativeKeys = keys.AsSpan(0, negativeCount), positiveKeys = keys.AsSpan(positiveStart, n - positiveStart);
            ScoreRadixSort.Sort(negativeKeys, scratch);
            ScoreRadixSort.Sort(positiveKeys, scratch);
            double positives = positiveKeys.Length, negatives = negativeKeys.Length;
            double area = 0, falsePositives = 0;
            int p = positiveKeys.Length - 1, q = negativeKeys.Length - 1;
            while (p >= 0)
            {
                ulong score = q >= 0 && negativeKeys[q] > positiveKeys[p] ? negativeKeys[q] : positiveKeys[p];
                double groupPositives = 0, groupNegatives = 0;
                for (; p >= 0 && positiveKeys[p] == score; p--)
                {
                    groupPositives += 1.0;
                }
                for (; q >= 0 && negativeKeys[q] == score; q--)
                {
                    groupNegatives += 1.0;
                }
                falsePositives += groupNegatives;
                area += groupPositives * (negatives - falsePositives + (0.5 * groupNegatives));
            }
            return area / (positives * negatives);
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(keys);
            ArrayPool<ulong>.Shared.Return(scratch);
        }
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
