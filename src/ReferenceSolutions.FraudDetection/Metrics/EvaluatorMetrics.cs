using ReferenceSolutions.Core.Reporting;

namespace ReferenceSolutions.FraudDetection.Metrics;

/// <summary>
/// The seven numbers of ML.NET's <c>BinaryClassification.Evaluate</c> that have a from-scratch twin, in our units:
/// AUC and AUPRC (ML.NET's lower-trapezoid estimator) of the ranking scores, the mean log-loss in nats of the
/// probabilities, and F1, precision, recall and accuracy of the decisions. <see cref="FromScratch(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double}, IReadOnlyList{int}, double)"/>
/// computes them with this solution's code; <see cref="MLNetEvaluation"/> asks ML.NET for them on the same inputs.
/// </summary>
public sealed record EvaluatorMetrics(double Auc, double Auprc, double LogLoss, double F1, double Precision, double Recall, double Accuracy)
{
    /// <summary>
    /// Our metrics of n rows: AUC and lower-trapezoid AUPRC of <paramref name="ranking"/>, log-loss of
    /// <paramref name="probabilities"/>, and the confusion counts of "<paramref name="decision"/> ≥
    /// <paramref name="threshold"/>".
    /// </summary>
    public static EvaluatorMetrics FromScratch(ReadOnlySpan<double> ranking, ReadOnlySpan<double> probabilities, ReadOnlySpan<double> decision, IReadOnlyList<int> labels, double threshold)
    {
        ConfusionMatrix confusion = ConfusionMatrix.At(decision, labels, threshold);
        return new EvaluatorMetrics(
            RocCurve.Auc(ranking, labels),
            PrecisionRecallCurve.LowerTrapezoidArea(ranking, labels),
            ProbabilityScores.LogLoss(probabilities, labels),
            confusion.F1,
            confusion.Precision,
            confusion.Recall,
            confusion.Accuracy);
    }

    /// <summary>
    /// Our metrics of a library's own predictions: AUC and AUPRC of its Score, log-loss of its Probability, and the
    /// decisions of its rule Score &gt; 0, which for a float32 Score is Score ≥ the smallest positive double.
    /// </summary>
    public static EvaluatorMetrics FromScratch(LibraryPredictions predictions, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        double[] score = [.. predictions.Score.Select(s => (double)s)];
        return FromScratch(score, predictions.Probabilities(), score, labels, double.Epsilon);
    }

    /// <summary>These metrics (the from-scratch side) against ML.NET's, one part per metric.</summary>
    public Comparison CompareWith(EvaluatorMetrics mlnet)
    {
        ArgumentNullException.ThrowIfNull(mlnet);
        return new Comparison(Core.Reporting.ModelKinds.FromScratch, Core.Reporting.ModelKinds.MLNet)
            .Add("auc", Auc, mlnet.Auc)
            .Add("auprcLowerTrapezoid", Auprc, mlnet.Auprc)
            .Add("logLoss", LogLoss, mlnet.LogLoss)
            .Add("f1", F1, mlnet.F1)
            .Add("precision", Precision, mlnet.Precision)
            .Add("recall", Recall, mlnet.Recall)
            .Add("accuracy", Accuracy, mlnet.Accuracy);
    }
}
