using FsCheck;
using FsCheck.Fluent;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.FraudDetection.LogisticRegression;
using ReferenceSolutions.FraudDetection.Metrics;
using ReferenceSolutions.TestSupport;
using Xunit.Abstractions;

namespace ReferenceSolutions.FraudDetection.Tests;

/// <summary>Metrics from scratch against their plain definitions (many ties) and against ML.NET's Evaluate.</summary>
public class MetricsTests(ITestOutputHelper output)
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

    /// <summary>Cases with positive real row weights in [0.1, 3].</summary>
    private static Gen<(double[] Scores, int[] Labels, double[] Weights)> WeightedCases =>
        from seed in Gen.Choose(0, int.MaxValue)
        from c in Cases
        select (c.Scores, c.Labels, RandomWeights((ulong)seed, c.Scores.Length));

    private static double[] RandomWeights(ulong seed, int n)
    {
        var rng = new Rng(seed);
        return [.. Enumerable.Range(0, n).Select(_ => rng.Uniform(0.1, 3.0))];
    }

    /// <summary>(1/Σ_pos w)·Σᵢ∈pos wᵢ·precision(sᵢ), precision(t) = Σ_{y=1, s ≥ t} w / Σ_{s ≥ t} w, by brute force.</summary>
    private static double MeanPrecisionAtPositives(double[] scores, int[] labels, double[] weights)
    {
        double sum = 0, positives = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            if (labels[i] != 1)
            {
                continue;
            }
            double flagged = 0, caught = 0;
            for (int j = 0; j < scores.Length; j++)
            {
                if (scores[j] >= scores[i])
                {
                    flagged += weights[j];
                    caught += labels[j] * weights[j];
                }
            }
            sum += weights[i] * caught / flagged;
            positives += weights[i];
        }
        return sum / positives;
    }

    [Fact]
    public void Sorted_AUC_equals_the_pairwise_Mann_Whitney_definition()
    {
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            ParityAssert.Passes(FraudChecks.AucMannWhitney, new Comparison("sweep", "pairs").Add("AUC", RocCurve.Auc(c.Scores, c.Labels), RocCurve.AucByPairs(c.Scores, c.Labels)));
            return true;
        }).QuickCheckThrowOnFailure();
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
            ParityAssert.Passes(FraudChecks.AucTrapezoid, new Comparison("sweep", "trapezoids").Add("AUC", RocCurve.Auc(c.Scores, c.Labels), area));
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Average_precision_equals_the_mean_precision_at_each_positives_rank()
    {
        Prop.ForAll(WeightedCases.ToArbitrary(), c =>
        {
            var comparison = new Comparison("sweep", "definition")
                .Add("AP", PrecisionRecallCurve.AveragePrecision(c.Scores, c.Labels), MeanPrecisionAtPositives(c.Scores, c.Labels, [.. c.Labels.Select(_ => 1.0)]))
                .Add("AP weighted", PrecisionRecallCurve.AveragePrecision(c.Scores, c.Labels, c.Weights), MeanPrecisionAtPositives(c.Scores, c.Labels, c.Weights));
            ParityAssert.Passes(FraudChecks.AveragePrecisionDefinition, comparison);
            return true;
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
            ParityAssert.Passes(FraudChecks.AveragePrecisionDefinition, new Comparison("sweep", "definition").Add("AP", PrecisionRecallCurve.AveragePrecision(c.Scores, c.Labels), expected));
            return true;
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
            var comparison = new Comparison("weighted", "repeated")
                .Add("AUC", RocCurve.Auc(c.Scores, c.Labels, weights), RocCurve.Auc(repeatedScores, repeatedLabels))
                .Add("AP", PrecisionRecallCurve.AveragePrecision(c.Scores, c.Labels, weights), PrecisionRecallCurve.AveragePrecision(repeatedScores, repeatedLabels));
            ParityAssert.Passes(FraudChecks.WeightsAsRepetitions, comparison);
            return true;
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
        var comparison = new Comparison(ModelKinds.FromScratch, "formula")
            .Add("log-loss", ProbabilityScores.LogLoss(p, y), expectedLogLoss)
            .Add("Brier", ProbabilityScores.Brier(p, y), expectedBrier);
        ParityAssert.Passes(FraudChecks.ProbabilityScoresFormula, comparison);
    }

    [Fact]
    public void Metrics_match_MLNet_Evaluate_on_the_same_scores()
    {
        for (ulong seed = 1; seed <= 5; seed++)
        {
            (double[] s, int[] y) = Random(seed, 400, seed % 2 == 0 ? 20 : 100_000);
            double[] q = [.. s.Select(v => (double)(float)Math.Clamp(v, 1e-7, 1 - 1e-7))];
            double[] decision = [.. q.Select(v => (double)(float)(1 - v))];
            foreach (double threshold in new[] { 0.5, q[3], Math.BitIncrement(q[5]), 1.0 / 51 })
            {
                EvaluatorMetrics ours = EvaluatorMetrics.FromScratch(q, q, q, y, threshold);
                Comparison comparison = ours.CompareWith(MLNetEvaluation.Evaluate(q, y, threshold));
                output.WriteLine($"seed {seed}, t = {threshold:R}: {comparison.Describe(FraudChecks.MetricsOnOurPredictions.Tolerance.Value)}");
                ParityAssert.Passes(FraudChecks.MetricsOnOurPredictions, comparison);
            }
            EvaluatorMetrics separate = EvaluatorMetrics.FromScratch(q, q, decision, y, 0.3);
            ParityAssert.Passes(FraudChecks.MetricsOnOurPredictions, separate.CompareWith(MLNetEvaluation.Evaluate(q, decision, y, 0.3)));
        }
    }

    [Fact]
    public void Metrics_match_MLNet_Evaluate_on_MLNets_own_predictions()
    {
        (Matrix x, int[] y) = TestData.Logistic(3000, 6, 12, intercept: -2.0);
        (Matrix xTest, int[] yTest) = TestData.Logistic(1500, 6, 12, intercept: -2.0);
        LibraryPredictions predictions = new MLNetLogisticRegression(seed: 1).Train(x, y, 1.0).Predict(xTest);
        Assert.Equal(predictions.Score.Select(s => s > 0), predictions.PredictedLabel);
        Comparison comparison = EvaluatorMetrics.FromScratch(predictions, yTest).CompareWith(MLNetEvaluation.Evaluate(predictions, yTest));
        output.WriteLine(comparison.Describe(FraudChecks.MetricsOnMLNetPredictions.Tolerance.Value));
        ParityAssert.Passes(FraudChecks.MetricsOnMLNetPredictions, comparison);
    }

    [Fact]
    public void Metrics_checks_fail_on_a_NaN_from_either_side()
    {
        (double[] raw, int[] y) = Random(7, 300, 50);
        double[] s = [.. raw.Select(v => (double)(float)Math.Clamp(v, 1e-7, 1 - 1e-7))];
        EvaluatorMetrics ours = EvaluatorMetrics.FromScratch(s, s, s, y, 0.5);
        EvaluatorMetrics theirs = MLNetEvaluation.Evaluate(s, y, 0.5);
        ParityAssert.Passes(FraudChecks.MetricsOnOurPredictions, ours.CompareWith(theirs));
        Comparison nanOurs = (ours with { Auc = double.NaN }).CompareWith(theirs);
        ParityAssert.Fails(FraudChecks.MetricsOnOurPredictions, nanOurs);
        Assert.StartsWith("from-scratch: auc is NaN", nanOurs.NonFinite, StringComparison.Ordinal);
        Comparison infiniteTheirs = ours.CompareWith(theirs with { LogLoss = double.PositiveInfinity });
        ParityAssert.Fails(FraudChecks.MetricsOnOurPredictions, infiniteTheirs);
        Assert.StartsWith("mlnet: logLoss is Infinity", infiniteTheirs.NonFinite, StringComparison.Ordinal);
        ParityAssert.Fails(FraudChecks.MetricsOnMLNetPredictions, ours.CompareWith(theirs with { Recall = double.NaN }));
    }
}
