using FsCheck;
using FsCheck.Fluent;
using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.FraudDetection.Metrics;

namespace ReferenceSolutions.FraudDetection.Tests;

/// <summary>Metrics from scratch against their plain definitions, on random scores with many ties.</summary>
public class MetricsTests
{
    /// <summary>Random labelled scores with both classes; scores on a coarse grid so that ties are common.</summary>
    internal static (double[] Scores, int[] Labels) Random(ulong seed, int n, int levels)
    {
        var rng = new Rng(seed);
        int[] labels = [.. Enumerable.Range(0, n).Select(_ => rng.NextDouble() < 0.3 ? 1 : 0)];
        labels[0] = 1;
        labels[1] = 0;
        double[] scores = [.. labels.Select(y => Math.Round(Math.Clamp((rng.Gaussian() + y) / 4 + 0.5, 0, 1) * levels) / levels)];
        return (scores, labels);
    }

    private static Gen<(double[] Scores, int[] Labels)> Cases =>
        from seed in Gen.Choose(0, int.MaxValue)
        from n in Gen.Choose(2, 120)
        from levels in Gen.Elements(3, 10, 1000)
        select Random((ulong)seed, n, levels);

    [Fact]
    public void Sorted_AUC_equals_the_pairwise_Mann_Whitney_definition()
    {
        Prop.ForAll(Cases.ToArbitrary(), c =>
            Math.Abs(RocCurve.Auc(c.Scores, c.Labels) - RocCurve.AucByPairs(c.Scores, c.Labels)) <= 1e-12).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void AUC_equals_the_trapezoid_area_under_the_ROC_points()
    {
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            (double[] fpr, double[] tpr) = RocCurve.Points(c.Scores, c.Labels);
            double area = 0;
            for (int k = 1; k < fpr.Length; k++)
            {
                area += (fpr[k] - fpr[k - 1]) * (tpr[k] + tpr[k - 1]) / 2;
            }
            return Math.Abs(area - RocCurve.Auc(c.Scores, c.Labels)) <= 1e-12;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Average_precision_equals_the_sum_over_distinct_thresholds_of_recall_step_times_precision()
    {
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            double expected = 0, previousRecall = 0;
            foreach (double t in c.Scores.Distinct().OrderDescending())
            {
                ConfusionMatrix m = ConfusionMatrix.At(c.Scores, c.Labels, t);
                expected += (m.Recall - previousRecall) * m.Precision;
                previousRecall = m.Recall;
            }
            return Math.Abs(expected - PrecisionRecallCurve.AveragePrecision(c.Scores, c.Labels)) <= 1e-12;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Integer_weights_equal_repeating_rows()
    {
        Prop.ForAll(Cases.ToArbitrary(), Gen.Choose(1, 4).ArrayOf().ToArbitrary(), (c, raw) =>
        {
            double[] weights = [.. Enumerable.Range(0, c.Scores.Length).Select(i => (double)(raw.Length == 0 ? 1 : raw[i % raw.Length]))];
            double[] repeatedScores = [.. c.Scores.SelectMany((s, i) => Enumerable.Repeat(s, (int)weights[i]))];
            int[] repeatedLabels = [.. c.Labels.SelectMany((y, i) => Enumerable.Repeat(y, (int)weights[i]))];
            return Math.Abs(RocCurve.Auc(c.Scores, c.Labels, weights) - RocCurve.Auc(repeatedScores, repeatedLabels)) <= 1e-12
                && Math.Abs(PrecisionRecallCurve.AveragePrecision(c.Scores, c.Labels, weights) - PrecisionRecallCurve.AveragePrecision(repeatedScores, repeatedLabels)) <= 1e-12;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void One_class_and_NaN_scores_are_clear_errors()
    {
        Prop.ForAll(Cases.ToArbitrary(), Gen.Elements(0, 1).ToArbitrary(), (c, label) =>
        {
            int[] oneClass = [.. c.Labels.Select(_ => label)];
            var error = Assert.Throws<ArgumentException>(() => RocCurve.Auc(c.Scores, oneClass));
            return error.Message.Contains("both classes", StringComparison.Ordinal);
        }).QuickCheckThrowOnFailure();
        Prop.ForAll(Cases.ToArbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (c, position) =>
        {
            double[] scores = (double[])c.Scores.Clone();
            int index = position % scores.Length;
            scores[index] = double.NaN;
            var auc = Assert.Throws<ArgumentException>(() => RocCurve.Auc(scores, c.Labels));
            var ap = Assert.Throws<ArgumentException>(() => PrecisionRecallCurve.AveragePrecision(scores, c.Labels));
            return auc.Message.Contains($"score {index} is NaN", StringComparison.Ordinal) && ap.Message.Contains("NaN", StringComparison.Ordinal);
        }).QuickCheckThrowOnFailure();
        Assert.Throws<ArgumentException>(() => ProbabilityScores.LogLoss([0.1, 1.5], [1, 0]));
    }

    [Fact]
    public void Log_loss_and_Brier_follow_their_formulas()
    {
        double[] p = [0.9, 0.2, 0.6, 0.05];
        int[] y = [1, 0, 0, 1];
        double expectedLogLoss = -(Math.Log(0.9) + Math.Log(0.8) + Math.Log(0.4) + Math.Log(0.05)) / 4;
        double expectedBrier = ((0.01) + (0.04) + (0.36) + (0.9025)) / 4;
        Assert.Equal(expectedLogLoss, ProbabilityScores.LogLoss(p, y), 14);
        Assert.Equal(expectedBrier, ProbabilityScores.Brier(p, y), 14);
    }

    [Fact]
    public void Metrics_match_MLNet_Evaluate_on_the_same_scores_within_1e_6()
    {
        for (ulong seed = 1; seed <= 5; seed++)
        {
            (double[] s, int[] y) = Random(seed, 400, seed % 2 == 0 ? 20 : 100_000);
            double[] p = [.. s.Select(v => (double)(float)Math.Clamp(v, 1e-7, 1 - 1e-7))];
            BinaryMetrics ours = BinaryMetrics.Compute(p, y, 0.5);
            MLNetEvaluation.Result theirs = MLNetEvaluation.Evaluate(p, y, 0.5);
            Assert.True(Math.Abs(ours.Auc - theirs.Auc) <= 1e-6, $"AUC {ours.Auc} vs {theirs.Auc}");
            Assert.True(Math.Abs(ours.Accuracy - theirs.Accuracy) <= 1e-6, $"accuracy {ours.Accuracy} vs {theirs.Accuracy}");
            Assert.True(Math.Abs(ours.F1 - theirs.F1) <= 1e-6, $"F1 {ours.F1} vs {theirs.F1}");
            Assert.True(Math.Abs(ours.Precision - theirs.Precision) <= 1e-6, $"precision {ours.Precision} vs {theirs.Precision}");
            Assert.True(Math.Abs(ours.Recall - theirs.Recall) <= 1e-6, $"recall {ours.Recall} vs {theirs.Recall}");
            Assert.True(Math.Abs(ours.LogLoss - theirs.LogLossNats) <= 1e-6, $"log-loss {ours.LogLoss} vs {theirs.LogLossNats} (nats)");
            double lower = PrecisionRecallCurve.LowerTrapezoidArea(p, y);
            Assert.True(Math.Abs(lower - theirs.Auprc) <= 1e-6, $"AUPRC {lower} vs {theirs.Auprc}");
        }
    }
}
