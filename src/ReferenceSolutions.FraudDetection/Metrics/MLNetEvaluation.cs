using Microsoft.ML;
using Microsoft.ML.Data;

namespace ReferenceSolutions.FraudDetection.Metrics;

/// <summary>
/// The ML.NET twin of <see cref="BinaryMetrics"/>: <c>BinaryClassification.Evaluate</c> on the same probabilities.
/// From its source (BinaryClassifierEvaluator): the log-loss is −log₂ p, in bits, so it is multiplied by ln 2 here;
/// the decision is <c>Score &gt; 0</c> on the raw score (Arguments.Threshold = 0, UseRawScoreThreshold = true), not
/// p ≥ t, so a second call passes Score = +1 where p ≥ t and −1 elsewhere for the threshold metrics; its AUPRC is the
/// "lower trapezoid" estimator (compare it with <see cref="PrecisionRecallCurve.LowerTrapezoidArea"/>, not with AP).
/// Scores are float32 inside ML.NET.
/// </summary>
public static class MLNetEvaluation
{
    /// <summary>What <c>Evaluate</c> reports, converted to our units; <see cref="Auprc"/> is ML.NET's own definition.</summary>
    public sealed record Result(double Auc, double Auprc, double LogLossNats, double F1, double Precision, double Recall, double Accuracy);

    /// <summary>Evaluates probabilities p (n) against labels y (n) at threshold t.</summary>
    public static Result Evaluate(ReadOnlySpan<double> probabilities, IReadOnlyList<int> labels, double threshold, int seed = 1)
    {
        ScoreValidation.Check(probabilities, labels);
        var ml = new MLContext(seed);
        var ranked = new ScoredRow[probabilities.Length];
        var decided = new ScoredRow[probabilities.Length];
        for (int i = 0; i < ranked.Length; i++)
        {
            float p = (float)probabilities[i];
            bool positive = probabilities[i] >= threshold;
            ranked[i] = new ScoredRow { Label = labels[i] == 1, Score = p, Probability = p, PredictedLabel = positive };
            decided[i] = new ScoredRow { Label = labels[i] == 1, Score = positive ? 1f : -1f, Probability = p, PredictedLabel = positive };
        }
        CalibratedBinaryClassificationMetrics ranking = ml.BinaryClassification.Evaluate(ml.Data.LoadFromEnumerable(ranked));
        CalibratedBinaryClassificationMetrics decision = ml.BinaryClassification.Evaluate(ml.Data.LoadFromEnumerable(decided));
        return new Result(
            ranking.AreaUnderRocCurve,
            ranking.AreaUnderPrecisionRecallCurve,
            ranking.LogLoss * Math.Log(2.0),
            decision.F1Score,
            decision.PositivePrecision,
            decision.PositiveRecall,
            decision.Accuracy);
    }

    private sealed class ScoredRow
    {
        public bool Label { get; set; }

        public float Score { get; set; }

        public float Probability { get; set; }

        public bool PredictedLabel { get; set; }
    }
}
