using System.Globalization;
using ReferenceSolutions.Core.Evaluation;
using ReferenceSolutions.Core.Output;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.Core.Solutions;
using ReferenceSolutions.FraudDetection.Data;
using ReferenceSolutions.FraudDetection.Selection;
using ReferenceSolutions.TestSupport;
using Xunit.Abstractions;

namespace ReferenceSolutions.FraudDetection.Tests;

/// <summary>End-to-end runs: the default generated data, small files for the protocol, and the real data sets.</summary>
public sealed class FraudRunTests(ITestOutputHelper output) : IDisposable
{
    private static readonly string[] ModelNames = ["logreg-from-scratch", "logreg-torch", "logreg-mlnet", "fasttree-mlnet", "pca-anomaly-from-scratch", "pca-anomaly-mlnet"];
    private readonly string _folder = Directory.CreateTempSubdirectory("fraud-run-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private RunReport Run(ulong seed, FraudRunOptions options, string name) =>
        new FraudSolution().Run(new RunContext(seed, Path.Combine(_folder, name), SilentProgress.Instance), options);

    /// <summary>n generated transactions written as CSV, the labels of the rows <paramref name="flip"/> selects inverted.</summary>
    private string Transactions(string name, int n, ulong seed, Func<int, bool>? flip = null)
    {
        LabeledData data = TransactionGenerator.Generate(n, seed);
        int[] y = [.. data.Y.Select((v, i) => flip?.Invoke(i) == true ? 1 - v : v)];
        string path = Path.Combine(_folder, name);
        TransactionGenerator.WriteCsv(data with { Y = y }, path);
        return path;
    }

    [Fact]
    public void Default_run_reports_every_model_with_finite_metrics_and_passes_parity()
    {
        RunReport report = Run(42, new FraudRunOptions(), "default");
        Describe(report);
        Assert.Equal(ModelNames, report.Models.Select(m => m.Name));
        string json = JsonOutput.Serialize(report);
        Assert.Contains("\"aucCi95\"", json, StringComparison.Ordinal);
        Assert.All(report.Parity, p => Assert.True(p.Passed, $"{p.Check}: {p.Failure ?? p.Worst}"));
        Assert.All(report.Parity, p => Assert.False(string.IsNullOrEmpty(p.MeasuredOn), $"{p.Check} does not say what it was measured on"));
        Assert.Equal(FraudChecks.All.Where(c => c.Where.Contains("run fraud")).Select(c => c.Id), report.Parity.Select(p => p.Id));
        Assert.All(report.Quality ?? [], q => Assert.True(q.Passed, q.Check));
        foreach (string file in new[] { "roc.png", "precision-recall.png", "calibration.png", "cost-vs-threshold.png", "coefficients.png", "predictions.csv" })
        {
            Assert.True(File.Exists(Path.Combine(_folder, "default", file)), file);
        }
    }

    [Fact]
    public void Default_run_reports_coefficients_with_intervals_and_an_interval_on_every_prediction()
    {
        RunReport report = Run(3, new FraudRunOptions(BootstrapReplicates: 50), "coefficients");
        IReadOnlyDictionary<string, object> logreg = report.Models[0].Metrics;
        using var json = System.Text.Json.JsonDocument.Parse(JsonOutput.Serialize(report));
        var metrics = json.RootElement.GetProperty("models")[0].GetProperty("metrics");
        foreach (string table in new[] { "coefficients", "coefficientsRawUnits" })
        {
            var rows = metrics.GetProperty(table).EnumerateArray().ToArray();
            Assert.Equal(30, rows.Length);
            Assert.Equal("(intercept)", rows[0].GetProperty("feature").GetString());
            foreach (var row in rows)
            {
                double estimate = row.GetProperty("estimate").GetDouble(), se = row.GetProperty("standardError").GetDouble();
                double[] ci = [.. row.GetProperty("ci95").EnumerateArray().Select(v => v.GetDouble())];
                Assert.True(se > 0);
                Assert.Equal(estimate / se, row.GetProperty("z").GetDouble(), 12);
                Assert.InRange(row.GetProperty("pValue").GetDouble(), 0, 1);
                Assert.Equal(estimate - ci[0], ci[1] - estimate, 10);
                Assert.Equal(1.959963984540054 * se, ci[1] - estimate, 10);
            }
        }
        var standardised = metrics.GetProperty("coefficients").EnumerateArray().ToArray();
        var raw = metrics.GetProperty("coefficientsRawUnits").EnumerateArray().ToArray();
        for (int j = 1; j < raw.Length; j++)
        {
            Assert.Equal(standardised[j].GetProperty("z").GetDouble(), raw[j].GetProperty("z").GetDouble(), 9);
        }
        string[] lines = File.ReadAllLines(Path.Combine(_folder, "coefficients", "predictions.csv"));
        Assert.EndsWith(",logreg-from-scratch.lo,logreg-from-scratch.hi", lines[0], StringComparison.Ordinal);
        Assert.All(lines.Skip(1), line =>
        {
            double[] v = [.. line.Split(',').Skip(1).Select(f => double.Parse(f, CultureInfo.InvariantCulture))];
            Assert.True(v[6] < v[0] && v[0] < v[7] && v[6] > 0 && v[7] < 1, line);
        });
    }

    [Fact]
    public void Default_run_splits_by_time_and_chooses_lambda_on_the_validation_rows()
    {
        RunReport report = Run(42, new FraudRunOptions(BootstrapReplicates: 50), "protocol");
        Protocol protocol = report.Protocol!;
        Assert.Equal(SplitKinds.Time, protocol.Split);
        Assert.Equal(SelectionKinds.Validation, protocol.Selection);
        Assert.Null(protocol.Folds);
        Assert.Equal(report.Dataset.Rows, protocol.Train + protocol.Validation + protocol.Test);
        Assert.Equal((int)Math.Round(0.3 * report.Dataset.Rows), protocol.Test);
        Assert.Equal((int)Math.Round(0.2 * (protocol.Train + protocol.Validation)), protocol.Validation);
        Assert.Equal(LambdaSelection.Grid, protocol.Candidates.Select(c => (double)c.Params["lambda"]));
        Assert.All(protocol.Candidates, c => Assert.True(double.IsFinite(c.Score)));
        Candidate best = protocol.Candidates.MinBy(c => c.Score)!;
        Assert.Equal(best.Params["lambda"], protocol.Selected["lambda"]);
        Assert.Equal("minimise", protocol.Goal);
        Assert.StartsWith($"all {protocol.Train + protocol.Validation} training rows", protocol.Refit, StringComparison.Ordinal);
        Assert.Equal(["pcaRank", "randomizedPcaOversampling", "fastTree", "plattScaling", "bootstrapReplicates"], protocol.Fixed!.Keys);
        Assert.Contains("\"protocol\"", JsonOutput.Serialize(report), StringComparison.Ordinal);
    }

    [Fact]
    public void Stratified_run_chooses_lambda_by_five_fold_cross_validation()
    {
        string path = Transactions("stratified.csv", 6000, 5);
        RunReport report = Run(3, new FraudRunOptions(DataFile: path, Split: SplitKinds.Stratified, BootstrapReplicates: 50), "stratified");
        Protocol protocol = report.Protocol!;
        Assert.Equal(SplitKinds.Stratified, protocol.Split);
        Assert.Equal(SelectionKinds.KFold, protocol.Selection);
        Assert.Equal(5, protocol.Folds);
        Assert.Equal(0, protocol.Validation);
        Assert.Equal(4200, protocol.Train);
        Assert.Equal(1800, protocol.Test);
        Assert.Equal(protocol.Candidates.MinBy(c => c.Score)!.Params["lambda"], protocol.Selected["lambda"]);
        Assert.All(report.Parity, p => Assert.True(p.Passed, $"{p.Check}: {p.Failure ?? p.Worst}"));
        RunReport fixedLambda = Run(3, new FraudRunOptions(DataFile: path, Split: SplitKinds.Stratified, Lambda: 2.5, BootstrapReplicates: 50), "fixed");
        Assert.Equal(SelectionKinds.Fixed, fixedLambda.Protocol!.Selection);
        Assert.Empty(fixedLambda.Protocol.Candidates);
        Assert.Equal(2.5, fixedLambda.Protocol.Fixed!["lambda"]);
        Assert.Equal(2.5, fixedLambda.Protocol.Selected["lambda"]);
    }

    [Fact]
    public void Thresholds_and_lambda_do_not_depend_on_the_test_labels()
    {
        const int Rows = 6000;
        LabeledData data = TransactionGenerator.Generate(Rows, 8);
        FraudSplit split = FraudSplit.ByTime([.. Enumerable.Range(0, Rows).Select(i => data.X[i, 0])]);
        var test = new HashSet<int>(split.Test);
        string original = Transactions("original.csv", Rows, 8);
        string flipped = Transactions("flipped.csv", Rows, 8, i => test.Contains(i) && i % 3 == 0);
        RunReport a = Run(1, new FraudRunOptions(DataFile: original, BootstrapReplicates: 50), "original");
        RunReport b = Run(1, new FraudRunOptions(DataFile: flipped, BootstrapReplicates: 50), "flipped");
        Assert.Equal(a.Protocol!.Candidates.Select(c => c.Score), b.Protocol!.Candidates.Select(c => c.Score));
        foreach ((ModelResult x, ModelResult y) in a.Models.Zip(b.Models))
        {
            Assert.Equal(x.Metrics["minExpectedCostThreshold"], y.Metrics["minExpectedCostThreshold"]);
            Assert.Equal(x.Metrics["targetRecallThreshold"], y.Metrics["targetRecallThreshold"]);
            Assert.NotEqual(x.Metrics["recallAtTargetThreshold"], y.Metrics["recallAtTargetThreshold"]);
        }
    }

    [RealDataFact("creditcard-fraud/creditcard_sample.csv")]
    public void Real_sample_meets_the_AUC_and_AP_targets_on_the_time_split()
    {
        RunReport report = Run(42, new FraudRunOptions(DataFile: RealData.Path("creditcard-fraud/creditcard_sample.csv")), "real");
        Describe(report);
        Assert.All(report.Parity, p => Assert.True(p.Passed, $"{p.Check}: {p.Failure ?? p.Worst}"));
        Assert.Equal(SplitKinds.Time, report.Protocol!.Split);
        Assert.NotNull(report.Quality);
        Assert.Equal(["logreg-from-scratch test AUC", "logreg-from-scratch test AP"], report.Quality.Select(q => q.Check).Where(c => c.Contains("test", StringComparison.Ordinal)));
        Assert.All(report.Quality, q => Assert.True(q.Passed, $"{q.Check}: {q.Value}"));
        Assert.Contains("corrected to prior", report.Dataset.Name, StringComparison.Ordinal);
        Assert.True(report.Models[0].Metrics.ContainsKey("averagePrecisionTruePrevalence"));
    }

    [RealDataFact("credit-default/credit-default.csv")]
    public void Second_real_set_without_a_time_column_runs_stratified_with_cross_validation()
    {
        RunReport report = Run(42, new FraudRunOptions(DataFile: RealData.Path("credit-default/credit-default.csv"), Label: "default"), "default-credit");
        Describe(report);
        Assert.All(report.Parity, p => Assert.True(p.Passed, $"{p.Check}: {p.Failure ?? p.Worst}"));
        Assert.Equal(SplitKinds.Stratified, report.Protocol!.Split);
        Assert.Equal(SelectionKinds.KFold, report.Protocol.Selection);
        Assert.All(report.Quality ?? [], q => Assert.True(q.Passed, q.Check));
    }

    [Fact]
    public void Same_seed_gives_the_same_report_bit_for_bit()
    {
        var options = new FraudRunOptions(BootstrapReplicates: 50);
        string first = JsonOutput.Serialize(Run(7, options, "a"));
        string second = JsonOutput.Serialize(Run(7, options, "b"));
        string[] x = first.Split('\n'), y = second.Split('\n');
        int line = Enumerable.Range(0, Math.Min(x.Length, y.Length)).FirstOrDefault(i => x[i] != y[i], -1);
        Assert.True(line < 0, line < 0 ? "" : $"line {line}: {x[line]} vs {y[line]} (context: {string.Join(" ", x[Math.Max(0, line - 12)..line])})");
    }

    private void Describe(RunReport report)
    {
        Protocol? protocol = report.Protocol;
        if (protocol is not null)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"protocol: {protocol.Split}, train {protocol.Train}, validation {protocol.Validation}, test {protocol.Test}, {protocol.Selection}, λ = {protocol.Selected["lambda"]}; candidates {string.Join(", ", protocol.Candidates.Select(c => $"{c.Params["lambda"]}: {c.Score:0.00000}"))}"));
        }
        foreach (ModelResult model in report.Models)
        {
            foreach ((string key, object value) in model.Metrics)
            {
                bool bad = value switch
                {
                    double d => !double.IsFinite(d),
                    double[] a => a.Any(v => !double.IsFinite(v)),
                    _ => false,
                };
                if (bad || key is "auc" or "aucCi95" or "averagePrecision" or "averagePrecisionCi95" or "expectedCostPer1000" or "minExpectedCostThreshold" or "deLongVsLogregPValue")
                {
                    output.WriteLine($"{model.Name}.{key} = {(value is double[] arr ? string.Join(", ", arr) : value)}{(bad ? "  <-- NOT FINITE" : "")}");
                }
            }
        }
        foreach (ParityCheck p in report.Parity)
        {
            output.WriteLine($"parity {p.Check}: {p.MaxAbsDiff:e3} ≤ {p.Tolerance:e1} {p.Passed} ({p.MeasuredOn})");
        }
        foreach (QualityCheck q in report.Quality ?? [])
        {
            output.WriteLine($"quality {q.Check}: {q.Value} {q.Comparison} {q.Threshold} {q.Passed}");
        }
    }
}
