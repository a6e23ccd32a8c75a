using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.FraudDetection.Metrics;

namespace ReferenceSolutions.FraudDetection.Verification;

/// <summary>
/// <c>refsol verify metrics --input S.csv [--threshold 0.5]</c>: a CSV with header <c>label,score</c> (label 0/1,
/// score a probability in [0, 1]) through our metrics and ML.NET's <c>BinaryClassification.Evaluate</c>. Positive
/// means score ≥ threshold; log-loss in nats (ML.NET's bits × ln 2). ML.NET has no step-wise average precision: its
/// AUPRC is the lower-trapezoid estimator, reported as <c>auprcLowerTrapezoid</c> by both sides and compared there.
/// </summary>
public static class MetricsVerification
{
    /// <summary>The verify report; maxAbsDiff over auc, auprcLowerTrapezoid, logLoss, f1, precision, recall, accuracy.</summary>
    public static VerifyReport Run(string input, double threshold)
    {
        if (!double.IsFinite(threshold) || threshold < 0 || threshold > 1)
        {
            throw new UserInputException($"--threshold must be in [0, 1], not {threshold}");
        }
        (double[] scores, int[] labels) = Read(input);
        BinaryMetrics ours = BinaryMetrics.Compute(scores, labels, threshold);
        double ourLowerTrapezoid = PrecisionRecallCurve.LowerTrapezoidArea(scores, labels);
        MLNetEvaluation.Result theirs = MLNetEvaluation.Evaluate(scores, labels, threshold);
        var scratch = new Dictionary<string, object>
        {
            ["auc"] = ours.Auc,
            ["averagePrecision"] = ours.AveragePrecision,
            ["logLoss"] = ours.LogLoss,
            ["f1"] = ours.F1,
            ["precision"] = ours.Precision,
            ["recall"] = ours.Recall,
            ["accuracy"] = ours.Accuracy,
            ["auprcLowerTrapezoid"] = ourLowerTrapezoid,
        };
        var mlnet = new Dictionary<string, object>
        {
            ["auc"] = theirs.Auc,
            ["logLoss"] = theirs.LogLossNats,
            ["f1"] = theirs.F1,
            ["precision"] = theirs.Precision,
            ["recall"] = theirs.Recall,
            ["accuracy"] = theirs.Accuracy,
            ["auprcLowerTrapezoid"] = theirs.Auprc,
            ["note"] = "ML.NET reports log-loss in bits (converted here to nats) and no step-wise average precision; its AUPRC is the lower-trapezoid estimator, under its own name. Scores are float32 inside ML.NET.",
        };
        if (!double.IsFinite(theirs.LogLossNats))
        {
            mlnet["logLoss"] = -1.0;
            mlnet["note"] += " Its log-loss is infinite here (a score rounds to exactly 0 or 1 in float32 on the wrong side) and is shown as -1.";
        }
        double diff = new[]
        {
            ours.Auc - theirs.Auc, ours.LogLoss - theirs.LogLossNats, ours.F1 - theirs.F1, ours.Precision - theirs.Precision,
            ours.Recall - theirs.Recall, ours.Accuracy - theirs.Accuracy, ourLowerTrapezoid - theirs.Auprc,
        }.Max(Math.Abs);
        return new VerifyReport("metrics", new Dictionary<string, object> { ["from-scratch"] = scratch, ["mlnet"] = mlnet }, double.IsFinite(diff) ? diff : double.MaxValue, FraudTolerances.SameScoresMetrics.Value);
    }

    /// <summary>Reads label,score rows with located errors.</summary>
    public static (double[] Scores, int[] Labels) Read(string input)
    {
        CsvTable table = CsvTable.Read(input, hasHeader: true);
        int labelColumn = table.ColumnIndex("label");
        int scoreColumn = table.ColumnIndex("score");
        double[] scores = new double[table.RowCount];
        int[] labels = new int[table.RowCount];
        for (int i = 0; i < table.RowCount; i++)
        {
            double label = table.Number(i, labelColumn);
            if (label is not (0.0 or 1.0))
            {
                throw table.Error(i, labelColumn, $"label '{table.Text(i, labelColumn)}' is not 0 or 1");
            }
            labels[i] = (int)label;
            scores[i] = table.Number(i, scoreColumn);
            if (scores[i] is < 0 or > 1)
            {
                throw table.Error(i, scoreColumn, $"score {table.Text(i, scoreColumn)} is not a probability in [0, 1]");
            }
        }
        Data.LabeledCsv.RequireBothClasses(labels, input, "label");
        return (scores, labels);
    }
}
