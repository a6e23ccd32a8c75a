using System.Globalization;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.FraudDetection.Calibration;
using ReferenceSolutions.FraudDetection.Decisions;
using ReferenceSolutions.FraudDetection.Intervals;
using ReferenceSolutions.FraudDetection.Metrics;

namespace ReferenceSolutions.FraudDetection.Reporting;

/// <summary>
/// One model's test metrics as <c>metrics.json</c> reports them, in report order: AUC with its bootstrap and DeLong
/// intervals, AP, the decisions at the Bayes threshold t* = c_FP/(c_FP + c_FN) with Wilson intervals, log-loss and
/// Brier, and cost, recall and FPR at the thresholds chosen on held-out predictions. Every value is finite for the
/// inputs the run admits, except DeLong's interval, which is <see cref="NotComputed"/> when its variance cannot be
/// estimated (fewer than 2 test rows of a class) or is 0 (as when AUC = 1); a model that could not be fitted has every
/// metric <see cref="NotComputed"/> with the reason.
/// </summary>
internal static class ModelMetrics
{
    /// <summary>The metrics of <paramref name="model"/> on the test labels <paramref name="y"/> (n), legitimate rows weighted by <paramref name="weights"/> (1/β) when the data were undersampled.</summary>
    public static Dictionary<string, object> Of(ModelScores model, int[] y, double[]? weights, PriorCorrection? prior, FraudRunOptions options)
    {
        double[] p = model.SampleProbabilities;
        double auc = RocCurve.Auc(p, y);
        double bayesThreshold = BayesThreshold(options);
        ConfusionMatrix sample = ConfusionMatrix.At(model.Probabilities, y, bayesThreshold);
        ConfusionMatrix weighted = weights is null ? sample : ConfusionMatrix.At(model.Probabilities, y, bayesThreshold, weights);
        ConfusionMatrix atMinimum = ConfusionMatrix.At(model.Probabilities, y, model.Thresholds.MinimumExpectedCost, weights);
        ConfusionMatrix atRecall = ConfusionMatrix.At(model.Probabilities, y, model.Thresholds.TargetRecall, weights);
        (double precisionLo, double precisionHi) = WilsonInterval.Compute(sample.TruePositives, sample.TruePositives + sample.FalsePositives);
        (double recallLo, double recallHi) = WilsonInterval.Compute(sample.TruePositives, sample.TruePositives + sample.FalseNegatives);
        (double fprLo, double fprHi) = WilsonInterval.Compute(sample.FalsePositives, sample.FalsePositives + sample.TrueNegatives);
        var metrics = new Dictionary<string, object>
        {
            ["auc"] = auc,
            ["aucCi95"] = BootstrapInterval.Interval95(model.Bootstrap!.Auc),
            ["aucDeLongCi95"] = DeLongInterval(auc, p, y),
            ["averagePrecision"] = PrecisionRecallCurve.AveragePrecision(p, y),
            ["averagePrecisionCi95"] = BootstrapInterval.Interval95(model.Bootstrap.AveragePrecision),
        };
        if (weights is not null)
        {
            metrics["averagePrecisionTruePrevalence"] = PrecisionRecallCurve.AveragePrecision(p, y, weights);
        }
        metrics["f1"] = sample.F1;
        metrics["precision"] = sample.Precision;
        metrics["precisionCi95"] = new[] { precisionLo, precisionHi };
        if (weights is not null)
        {
            metrics["precisionTruePrevalence"] = weighted.Precision;
        }
        metrics["recall"] = sample.Recall;
        metrics["recallCi95"] = new[] { recallLo, recallHi };
        metrics["falsePositiveRate"] = sample.FalsePositiveRate;
        metrics["falsePositiveRateCi95"] = new[] { fprLo, fprHi };
        metrics["logLoss"] = ProbabilityScores.LogLoss(p, y);
        metrics["brier"] = ProbabilityScores.Brier(p, y);
        if (prior is not null)
        {
            metrics["logLossTruePrevalence"] = ProbabilityScores.LogLoss(model.Probabilities, y, weights);
        }
        metrics["threshold"] = bayesThreshold;
        metrics["confusion"] = sample.ToArray();
        metrics["expectedCostPer1000"] = CostThreshold.CostPer1000(weighted, options.FalsePositiveCost, options.FalseNegativeCost);
        metrics["minExpectedCostThreshold"] = model.Thresholds.MinimumExpectedCost;
        metrics["expectedCostPer1000AtMinimum"] = CostThreshold.CostPer1000(atMinimum, options.FalsePositiveCost, options.FalseNegativeCost);
        metrics["targetRecallThreshold"] = model.Thresholds.TargetRecall;
        metrics["recallAtTargetThreshold"] = atRecall.Recall;
        metrics["falsePositiveRateAtTargetThreshold"] = atRecall.FalsePositiveRate;
        metrics["expectedCostPer1000AtTargetThreshold"] = CostThreshold.CostPer1000(atRecall, options.FalsePositiveCost, options.FalseNegativeCost);
        return metrics;
    }

    /// <summary>Every metric of <paramref name="template"/> (another model's, for the same keys in the same order) as not computed, with <paramref name="reason"/>.</summary>
    public static Dictionary<string, object> NotFitted(IReadOnlyDictionary<string, object> template, string reason) =>
        template.Keys.ToDictionary(key => key, _ => (object)new NotComputed(reason));

    /// <summary>t* = c_FP/(c_FP + c_FN), the Bayes threshold for calibrated probabilities (costs are bounded and not both 0).</summary>
    public static double BayesThreshold(FraudRunOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.FalsePositiveCost / (options.FalsePositiveCost + options.FalseNegativeCost);
    }

    /// <summary>AUC ± z₉₇.₅·√Var_DeLong, or why the variance gives no interval.</summary>
    public static object DeLongInterval(double auc, double[] scores, int[] y)
    {
        int positives = y.Count(v => v == 1), negatives = y.Length - positives;
        if (positives < 2 || negatives < 2)
        {
            return new NotComputed(string.Create(CultureInfo.InvariantCulture,
                $"DeLong's variance needs at least 2 frauds and 2 legitimate rows among the test rows, which hold {positives} and {negatives}"));
        }
        double variance = DeLong.Variance(scores, y);
        if (!(variance > 0))
        {
            return new NotComputed("DeLong's variance estimate is 0 (every fraud wins the same share of its pairs, and so does every legitimate row, as when AUC = 1 or every score is tied), so the normal approximation gives no interval");
        }
        double sd = Math.Sqrt(variance);
        return new[] { auc - (WilsonInterval.Z95 * sd), auc + (WilsonInterval.Z95 * sd) };
    }

    /// <summary>Why DeLong's test of two models on labels <paramref name="y"/> has no statistic (its z is NaN).</summary>
    public static string DeLongTestUndefined(int[] y)
    {
        int positives = y.Count(v => v == 1), negatives = y.Length - positives;
        return positives < 2 || negatives < 2
            ? string.Create(CultureInfo.InvariantCulture, $"DeLong's test needs at least 2 frauds and 2 legitimate rows among the test rows, which hold {positives} and {negatives}")
            : "DeLong's test is 0/0: the variance of the AUC difference is 0 (the two models' components agree exactly, as when both AUCs are 1)";
    }
}
