using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.FraudDetection.Metrics;

namespace ReferenceSolutions.FraudDetection.Intervals;

/// <summary>
/// Stratified bootstrap of AUC and AP: each replicate draws P positives from the P positives and N negatives from the N
/// negatives with replacement (so every replicate keeps both classes and the prevalence), recomputes the metric, and
/// the 95 % interval is the 2.5 and 97.5 percentiles of the B replicates (docs/fraud-detection.md#bootstrap). The rows
/// are sorted once; a replicate is a vector of multiplicities used as weights, so each costs O(n), not O(n log n).
/// Every draw comes from the given <see cref="Rng"/>.
/// </summary>
public static class BootstrapInterval
{
    /// <summary>The B replicate values of AUC and AP, and the pointwise TPR on an FPR grid and precision on a recall grid (empty rows when no grid was given).</summary>
    public sealed record Replicates(double[] Auc, double[] AveragePrecision, double[][] TprAtFpr, double[][] PrecisionAtRecall);

    /// <summary>B stratified replicates of scores (n) and labels (n); <paramref name="baseWeights"/> re-weights rows (e.g. 1/β on negatives), 1 when empty.</summary>
    public static Replicates Run(double[] scores, IReadOnlyList<int> labels, int replicates, Rng rng, double[]? fprGrid = null, double[]? recallGrid = null, double[]? baseWeights = null)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(rng);
        ScoreValidation.Check(scores, labels);
        int[] order = ScoreValidation.DescendingOrder(scores);
        int[] positives = [.. Enumerable.Range(0, scores.Length).Where(i => labels[i] == 1)];
        int[] negatives = [.. Enumerable.Range(0, scores.Length).Where(i => labels[i] == 0)];
        double[] auc = new double[replicates];
        double[] ap = new double[replicates];
        double[][] tpr = new double[replicates][];
        double[][] precision = new double[replicates][];
        double[] weights = new double[scores.Length];
        for (int b = 0; b < replicates; b++)
        {
            Array.Clear(weights);
            foreach (int[] members in new[] { positives, negatives })
            {
                for (int k = 0; k < members.Length; k++)
                {
                    int i = members[rng.NextInt(members.Length)];
                    weights[i] += baseWeights is null ? 1.0 : baseWeights[i];
                }
            }
            auc[b] = RocCurve.AucSorted(scores, labels, order, weights);
            ap[b] = PrecisionRecallCurve.AveragePrecisionSorted(scores, labels, order, weights);
            if (fprGrid is not null && recallGrid is not null)
            {
                (tpr[b], precision[b]) = CurvesOnGrid(scores, labels, order, weights, fprGrid, recallGrid);
            }
        }
        return new Replicates(auc, ap, tpr, precision);
    }

    /// <summary>The p-quantile of <paramref name="values"/> by linear interpolation between order statistics (type 7).</summary>
    public static double Percentile(IEnumerable<double> values, double p)
    {
        double[] sorted = [.. values.Order()];
        double h = (sorted.Length - 1) * p;
        int lo = (int)Math.Floor(h);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }

    /// <summary>[2.5 %, 97.5 %] percentiles.</summary>
    public static double[] Interval95(IEnumerable<double> values)
    {
        double[] list = [.. values];
        return [Percentile(list, 0.025), Percentile(list, 0.975)];
    }

    /// <summary>
    /// For weighted rows in descending score order: TPR at each grid FPR (the highest TPR reached with FPR ≤ grid
    /// value) and precision at each grid recall (the precision where recall first reaches the grid value).
    /// </summary>
    internal static (double[] Tpr, double[] Precision) CurvesOnGrid(double[] scores, IReadOnlyList<int> labels, int[] order, double[] weights, double[] fprGrid, double[] recallGrid)
    {
        ThresholdSweep sweep = ThresholdSweep.Run(scores, labels, order, weights);
        double[] tprAt = new double[fprGrid.Length];
        double[] precisionAt = new double[recallGrid.Length];
        Array.Fill(precisionAt, double.NaN);
        int f = 0, r = 0;
        foreach (ThresholdStep step in sweep.Steps)
        {
            double tprNow = step.TruePositives / sweep.Positives, fprNow = step.FalsePositives / sweep.Negatives;
            while (f < fprGrid.Length && fprGrid[f] < fprNow)
            {
                f++;
            }
            if (f < fprGrid.Length)
            {
                tprAt[f] = tprNow;
            }
            double flagged = step.TruePositives + step.FalsePositives;
            while (r < recallGrid.Length && recallGrid[r] <= tprNow)
            {
                precisionAt[r] = flagged > 0 ? step.TruePositives / flagged : 1.0;
                r++;
            }
        }
        for (int g = 1; g < tprAt.Length; g++)
        {
            tprAt[g] = Math.Max(tprAt[g], tprAt[g - 1]);
        }
        return (tprAt, precisionAt);
    }
}
