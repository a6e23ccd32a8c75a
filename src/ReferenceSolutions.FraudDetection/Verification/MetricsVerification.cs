using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.FraudDetection.Metrics;

namespace ReferenceSolutions.FraudDetection.Verification;

/// <summary>
/// <c>refsol verify metrics --input S.csv [--threshold 0.5]</c>: a CSV with header <c>label,score</c> (label 0/1,
/// score a probability in [0, 1]) through our metrics and ML.NET's <c>BinaryClassification.Evaluate</c>, both on the
/// scores rounded to float32 (what ML.NET reads). Positive means score ≥ threshold — ML.NET applies it itself by its
/// rule Score &gt; 0 (see <see cref="MLNetEvaluation"/>); log-loss in nats (ML.NET's bits × ln 2). The one comparison,
/// <see cref="FraudChecks.MetricsOnOurPredictions"/>, covers all seven metrics both sides report. ML.NET has no
/// step-wise average precision: the from-scratch entry reports it alone, and ML.NET's AUPRC is the lower-trapezoid
/// estimator, compared with ours under the name <c>auprcLowerTrapezoid</c>.
/// </summary>
public static class MetricsVerification
{
    /// <summary>Both sides' metrics of one input: ours (with the step-wise AP, which has no twin) and ML.NET's.</summary>
    public sealed record Result(EvaluatorMetrics Ours, double AveragePrecision, EvaluatorMetrics MLNet, int Rows);

    /// <summary>The verify report.</summary>
    public static VerifyReport Run(string input, double threshold) => Report(Compute(input, threshold));

    /// <summary>Reads <paramref name="input"/> and computes both sides' metrics on its scores rounded to float32.</summary>
    public static Result Compute(string input, double threshold)
    {
        if (!double.IsFinite(threshold) || threshold < 0 || threshold > 1)
        {
            throw new UserInputException($"--threshold must be in [0, 1], not {threshold}");
        }
        (double[] read, int[] labels) = Read(input);
        double[] scores = [.. read.Select(s => (double)(float)s)];
        return new Result(EvaluatorMetrics.FromScratch(scores, scores, scores, labels, threshold), PrecisionRecallCurve.AveragePrecision(scores, labels),
            MLNetEvaluation.Evaluate(scores, labels, threshold), labels.Length);
    }

    /// <summary>
    /// The report from both sides' metrics: each side's values (a non-finite one as null, with the reason in ML.NET's
    /// note) and the comparison that decides <c>passed</c>.
    /// </summary>
    public static VerifyReport Report(Result result)
    {
        ArgumentNullException.ThrowIfNull(result);
        (EvaluatorMetrics ours, double averagePrecision, EvaluatorMetrics mlnet, int rows) = result;
        Dictionary<string, object?> scratch = Entry(ours, averagePrecision);
        Dictionary<string, object?> net = Entry(mlnet, null);
        string note = "ML.NET reports log-loss in bits (converted here to nats) and no step-wise average precision; its AUPRC is the lower-trapezoid estimator, under its own name. Scores are float32 inside ML.NET, and both sides were given the float32 values.";
        string[] missing = [.. net.Where(e => e.Value is null).Select(e => e.Key)];
        if (missing.Length > 0)
        {
            note += $" Not a finite number, so shown as null: {string.Join(", ", missing)}"
                + (missing.Contains("logLoss") ? " (ML.NET's log-loss is infinite when a float32 score is exactly 0 for a positive or exactly 1 for a negative: −log₂ 0; ours clips p to [2⁻⁵², 1 − 2⁻⁵²])." : ".");
        }
        net["note"] = note;
        string measuredOn = $"the {rows} rows of the input, scores rounded to float32";
        ParityCheck check = FraudChecks.MetricsOnOurPredictions.Measure(ours.CompareWith(mlnet), measuredOn);
        return VerifyReport.Create("metrics", new Dictionary<string, object> { [ModelKinds.FromScratch] = scratch, [ModelKinds.MLNet] = net }, [check]);
    }

    private static Dictionary<string, object?> Entry(EvaluatorMetrics m, double? averagePrecision)
    {
        var entry = new Dictionary<string, object?> { ["auc"] = Finite(m.Auc) };
        if (averagePrecision is double ap)
        {
            entry["averagePrecision"] = Finite(ap);
        }
        entry["logLoss"] = Finite(m.LogLoss);
        entry["f1"] = Finite(m.F1);
        entry["precision"] = Finite(m.Precision);
        entry["recall"] = Finite(m.Recall);
        entry["accuracy"] = Finite(m.Accuracy);
        entry["auprcLowerTrapezoid"] = Finite(m.Auprc);
        return entry;
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    /// <summary>Reads label,score rows with located errors; more than <see cref="FraudLimits.MLNetAuprcRows"/> rows are refused.</summary>
    public static (double[] Scores, int[] Labels) Read(string input)
    {
        CsvTable table = CsvTable.Read(input, hasHeader: true);
        if (table.RowCount > FraudLimits.MLNetAuprcRows)
        {
            throw new UserInputException($"{input}: {table.RowCount} rows exceed the {FraudLimits.MLNetAuprcRows} that ML.NET's Evaluate computes AUPRC on (beyond them it samples a reservoir), so its AUPRC could not be compared with the exact one; verify a sample of at most {FraudLimits.MLNetAuprcRows} rows");
        }
        int labelColumn = table.ColumnIndex("label");
        int scoreColumn = table.ColumnIndex("score");
        double[] scores = new double[table.RowCount];
        int[] labels = new int[table.RowCount];
        for (int i = 0; i < table.RowCount; i++)
        {
            double label = table.Number(i, labelColumn);
            if (label is not (0.0 or 1.0))
            {
                throw table.Error(i, labelColumn, $"label '{Echo.Value(table.Text(i, labelColumn))}' is not 0 or 1");
            }
            labels[i] = (int)label;
            scores[i] = table.Number(i, scoreColumn);
            if (scores[i] is < 0 or > 1)
            {
                throw table.Error(i, scoreColumn, $"score {Echo.Value(table.Text(i, scoreColumn))} is not a probability in [0, 1]");
            }
        }
        Data.LabeledCsv.RequireBothClasses(labels, input, "label");
        return (scores, labels);
    }
}
