using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.FraudDetection.Metrics;

namespace ReferenceSolutions.FraudDetection.Intervals;

/// <summary>
/// Stratified bootstrap of AUC and AP: each replicate draws P positives from the P positives and N negatives from the N
/// negatives with replacement (so every replicate keeps both classes and the prevalence), recomputes the metric, and
/// the 95 % interval is the 2.5 and 97.5 percentiles of the B replicates (docs/fraud-detection.md#bootstrap). The rows
/// are sorted and their tie groups found once; a replicate is a vector of multiplicities used as row weights, and one
/// pass over the groups gives its AUC, AP and curve points, so each replicate costs O(n), not O(n log n). Every draw
/// comes from the given <see cref="Rng"/>.
/// </summary>
public static class BootstrapInterval
{
    /// <summary>The B replicate values of AUC and AP, and the pointwise TPR on an FPR grid and precision on a recall grid (empty rows when no grid was given).</summary>
    public sealed record Replicates(double[] Auc, double[] AveragePrecision, double[][] TprAtFpr, double[][] PrecisionAtRecall);

    /// <summary>B stratified replicates of scores (n) and labels (n).</summary>
    public static Replicates Run(double[] scores, IReadOnlyList<int> labels, int replicates, Rng rng, double[]? fprGrid = null, double[]? recallGrid = null)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(rng);
        var rows = new SortedRows(scores, labels);
        int[] positives = [.. Enumerable.Range(0, scores.Length).Where(i => labels[i] == 1).Select(i => rows.PositionOf[i])];
        int[] negatives = [.. Enumerable.Range(0, scores.Length).Where(i => labels[i] == 0).Select(i => rows.PositionOf[i])];
        double[] auc = new double[replicates];
        double[] ap = new double[replicates];
        double[][] tpr = new double[replicates][];
        double[][] precision = new double[replicates][];
        double[] weights = new double[scores.Length];
        bool curves = fprGrid is not null && recallGrid is not null;
        for (int b = 0; b < replicates; b++)
        {
            Array.Clear(weights);
            foreach (int[] members in new[] { positives, negatives })
            {
                var draw = new UniformIndex(members.Length);
                for (int k = 0; k < members.Length; k++)
                {
                    weights[members[draw.Next(rng)]] += 1.0;
                }
            }
            if (curves)
            {
                tpr[b] = new double[fprGrid!.Length];
                precision[b] = new double[recallGrid!.Length];
            }
            (auc[b], ap[b]) = rows.Sweep(weights, fprGrid, recallGrid, tpr[b], precision[b]);
        }
        return new Replicates(auc, ap, tpr, precision);
    }

    /// <summary>
    /// One replicate's AUC, AP and curve points for row weights w (n, in row order) by the same one-pass sweep that
    /// <see cref="Run"/> uses; the reference its results are tested against is <see cref="RocCurve.Auc"/> and
    /// <see cref="PrecisionRecallCurve.AveragePrecision"/> with the same weights.
    /// </summary>
    internal static (double Auc, double AveragePrecision, double[] Tpr, double[] Precision) Replicate(double[] scores, IReadOnlyList<int> labels, double[] weights, double[] fprGrid, double[] recallGrid)
    {
        var rows = new SortedRows(scores, labels);
        double[] sorted = new double[weights.Length];
        for (int i = 0; i < weights.Length; i++)
        {
            sorted[rows.PositionOf[i]] = weights[i];
        }
        double[] tpr = new double[fprGrid.Length], precision = new double[recallGrid.Length];
        (double auc, double ap) = rows.Sweep(sorted, fprGrid, recallGrid, tpr, precision);
        return (auc, ap, tpr, precision);
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
    /// Uniform draws from [0, m) by the same rule as <see cref="Rng.NextInt"/> (Lemire's multiply-shift: the high word
    /// of u·m for a 64-bit u, rejecting u whose low word is below 2⁶⁴ mod m), so the same stream gives the same indices;
    /// the rejection threshold, a 64-bit division, is computed once per m instead of once per draw.
    /// </summary>
    private readonly struct UniformIndex(int bound)
    {
        private readonly ulong _bound = (ulong)bound;
        private readonly ulong _threshold = (0UL - (ulong)bound) % (ulong)bound;

        public int Next(Rng rng)
        {
            while (true)
            {
                ulong high = Math.BigMul(rng.NextUInt64(), _bound, out ulong low);
                if (low >= _threshold)
                {
                    return (int)high;
                }
            }
        }
    }

    /// <summary>
    /// The rows in descending score order with their tie groups, found once. <see cref="Sweep"/> takes weights in that
    /// order and visits each group as <see cref="ThresholdSweep"/> does (same sums in the same order): per group g with
    /// weighted counts w⁺_g, w⁻_g, TP and FP grow by them; AUC += w⁺_g(N − FP + ½w⁻_g), AP += (Rₖ − Rₖ₋₁)·TP/(TP + FP);
    /// TPR at each FPR grid value f is the highest TPR reached with FPR ≤ f, and precision at each recall grid value r
    /// the precision where recall first reaches r.
    /// </summary>
    private sealed class SortedRows
    {
        private readonly bool[] _positive;
        private readonly int[] _groupEnds;

        public SortedRows(double[] scores, IReadOnlyList<int> labels)
        {
            ScoreValidation.Check(scores, labels);
            int[] order = ScoreValidation.DescendingOrder(scores);
            PositionOf = new int[order.Length];
            _positive = new bool[order.Length];
            var ends = new List<int>();
            for (int k = 0; k < order.Length; k++)
            {
                PositionOf[order[k]] = k;
                _positive[k] = labels[order[k]] == 1;
                if (k + 1 == order.Length || scores[order[k + 1]] != scores[order[k]])
                {
                    ends.Add(k + 1);
                }
            }
            _groupEnds = [.. ends];
        }

        /// <summary>The sorted position of each row.</summary>
        public int[] PositionOf { get; }

        /// <summary>AUC and AP of the weighted rows; fills <paramref name="tpr"/> and <paramref name="precision"/> when grids are given.</summary>
        public (double Auc, double AveragePrecision) Sweep(double[] weights, double[]? fprGrid, double[]? recallGrid, double[]? tpr, double[]? precision)
        {
            double positives = 0, negatives = 0;
            for (int k = 0; k < weights.Length; k++)
            {
                if (_positive[k])
                {
                    positives += weights[k];
                }
                else
                {
                    negatives += weights[k];
                }
            }
            bool curves = fprGrid is not null && recallGrid is not null && tpr is not null && precision is not null;
            if (curves)
            {
                Array.Clear(tpr!);
                Array.Fill(precision!, double.NaN);
            }
            double tp = 0, fp = 0, area = 0, ap = 0, previousRecall = 0;
            int start = 0, f = 0, r = 0;
            foreach (int end in _groupEnds)
            {
                double groupPositives = 0, groupNegatives = 0;
                for (int k = start; k < end; k++)
                {
                    if (_positive[k])
                    {
                        groupPositives += weights[k];
                    }
                    else
                    {
                        groupNegatives += weights[k];
                    }
                }
                start = end;
                tp += groupPositives;
                fp += groupNegatives;
                area += groupPositives * (negatives - fp + (0.5 * groupNegatives));
                double recall = tp / positives;
                double flagged = tp + fp;
                if (flagged > 0)
                {
                    ap += (recall - previousRecall) * (tp / flagged);
                }
                previousRecall = recall;
                if (curves)
                {
                    double fprNow = fp / negatives;
                    while (f < fprGrid!.Length && fprGrid[f] < fprNow)
                    {
                        f++;
                    }
                    if (f < fprGrid.Length)
                    {
                        tpr![f] = recall;
                    }
                    while (r < recallGrid!.Length && recallGrid[r] <= recall)
                    {
                        precision![r] = flagged > 0 ? tp / flagged : 1.0;
                        r++;
                    }
                }
            }
            if (curves)
            {
                for (int g = 1; g < tpr!.Length; g++)
                {
                    tpr[g] = Math.Max(tpr[g], tpr[g - 1]);
                }
            }
            return (area / (positives * negatives), ap);
        }
    }
}
