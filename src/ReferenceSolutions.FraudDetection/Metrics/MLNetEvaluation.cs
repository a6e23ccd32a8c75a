using Microsoft.ML;
using Microsoft.ML.Data;

namespace ReferenceSolutions.FraudDetection.Metrics;

/// <summary>
/// ML.NET's <c>BinaryClassification.Evaluate</c>, the twin of <see cref="EvaluatorMetrics.FromScratch(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double}, IReadOnlyList{int}, double)"/>.
/// From its source (BinaryClassifierEvaluator.Aggregator): AUC and AUPRC are computed from the Score column, AUPRC by
/// the "lower trapezoid" estimator on a reservoir of at most 100,000 rows (so every row below that); the log-loss is
/// −log₂ of the Probability column, in bits, so it is multiplied by ln 2 here; a row is predicted positive when
/// Score &gt; 0 (Arguments.Threshold = 0, UseRawScoreThreshold = true); rows with a non-finite Score are skipped.
/// Everything is float32 inside ML.NET.
/// </summary>
public static class MLNetEvaluation
{
    /// <summary>Evaluates a library's own Score, Probability and PredictedLabel columns (n rows) against labels y (n).</summary>
    public static EvaluatorMetrics Evaluate(LibraryPredictions predictions, IReadOnlyList<int> labels, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(labels);
        var ml = new MLContext(seed);
        var rows = new ScoredRow[labels.Count];
        for (int i = 0; i < rows.Length; i++)
        {
            rows[i] = new ScoredRow { Label = labels[i] == 1, Score = predictions.Score[i], Probability = predictions.Probability[i], PredictedLabel = predictions.PredictedLabel[i] };
        }
        CalibratedBinaryClassificationMetrics metrics = ml.BinaryClassification.Evaluate(ml.Data.LoadFromEnumerable(rows));
        return Convert(metrics, metrics);
    }

    /// <summary>Evaluates probabilities p (n) against labels y (n), a row positive when p ≥ t.</summary>
    public static EvaluatorMetrics Evaluate(ReadOnlySpan<double> probabilities, IReadOnlyList<int> labels, double threshold, int seed = 1) =>
        Evaluate(probabilities, probabilities, labels, threshold, seed);

    /// <summary>
    /// Evaluates probabilities p (n; AUC, AUPRC and log-loss) and decision scores d (n; positive when d ≥ t) against
    /// labels y (n), in two calls, both on the float32 values q = (float)p and e = (float)d. The first passes
    /// Score = Probability = q. The second passes Probability = q and Score = e − c, c the largest float32 below the
    /// smallest float32 ≥ t, so that ML.NET's own rule Score &gt; 0 is exactly e ≥ t (the sign of a float32 difference
    /// is exact); ML.NET decides, not our code.
    /// </summary>
    public static EvaluatorMetrics Evaluate(ReadOnlySpan<double> probabilities, ReadOnlySpan<double> decision, IReadOnlyList<int> labels, double threshold, int seed = 1)
    {
        ScoreValidation.Check(probabilities, labels);
        ScoreValidation.Check(decision, labels);
        float cut = MathF.BitDecrement(SmallestFloatAtLeast(threshold));
        var ml = new MLContext(seed);
        var ranked = new ScoredRow[probabilities.Length];
        var decided = new ScoredRow[probabilities.Length];
        for (int i = 0; i < ranked.Length; i++)
        {
            float q = (float)probabilities[i];
            float score = (float)decision[i] - cut;
            ranked[i] = new ScoredRow { Label = labels[i] == 1, Score = q, Probability = q, PredictedLabel = q > 0.5f };
            decided[i] = new ScoredRow { Label = labels[i] == 1, Score = score, Probability = q, PredictedLabel = score > 0 };
        }
        CalibratedBinaryClassificationMetrics ranking = ml.BinaryClassification.Evaluate(ml.Data.LoadFromEnumerable(ranked));
        CalibratedBinaryClassificationMetrics decisions = ml.BinaryClassification.Evaluate(ml.Data.LoadFromEnumerable(decided));
        return Convert(ranking, decisions);
    }

    /// <summary>The smallest float32 value ≥ <paramref name="value"/>.</summary>
    internal static float SmallestFloatAtLeast(double value)
    {
        float f = (float)value;
        return f < value ? MathF.BitIncrement(f) : f;
    }

    private static EvaluatorMetrics Convert(CalibratedBinaryClassificationMetrics ranking, CalibratedBinaryClassificationMetrics decisions) => new(
        ranking.AreaUnderRocCurve,
        ranking.AreaUnderPrecisionRecallCurve,
        ranking.LogLoss * Math.Log(2.0),
        decisions.F1Score,
        decisions.PositivePrecision,
        decisions.PositiveRecall,
        decisions.Accuracy);

    private sealed class ScoredRow
    {
        public bool Label { get; set; }

        public float Score { get; set; }

        public float Probability { get; set; }

        public bool PredictedLabel { get; set; }
    }
}
