using ReferenceSolutions.Core.Output;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.Core.Solutions;
using ReferenceSolutions.TestSupport;
using Xunit.Abstractions;

namespace ReferenceSolutions.FraudDetection.Tests;

/// <summary>End-to-end runs: the default generated data and the real ULB sample.</summary>
public class FraudRunTests(ITestOutputHelper output)
{
    private static readonly string[] ModelNames = ["logreg-from-scratch", "logreg-torch", "logreg-mlnet", "fasttree-mlnet", "pca-anomaly-from-scratch", "pca-anomaly-mlnet"];

    [Fact]
    public void Default_run_reports_every_model_with_finite_metrics_and_passes_parity()
    {
        string folder = Path.Combine(Path.GetTempPath(), $"fraud-run-{Guid.NewGuid():N}");
        try
        {
            RunReport report = new FraudSolution().Run(new RunContext(42, folder, SilentProgress.Instance));
            Describe(report);
            Assert.Equal(ModelNames, report.Models.Select(m => m.Name));
            string json = JsonOutput.Serialize(report);
            Assert.Contains("\"aucCi95\"", json, StringComparison.Ordinal);
            Assert.All(report.Parity, p => Assert.True(p.Passed, $"{p.Check}: {p.MaxAbsDiff} > {p.Tolerance}"));
            foreach (string png in new[] { "roc.png", "precision-recall.png", "calibration.png", "cost-vs-threshold.png", "predictions.csv" })
            {
                Assert.True(File.Exists(Path.Combine(folder, png)), png);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [RealDataFact("creditcard-fraud/creditcard_sample.csv")]
    public void Real_sample_meets_the_AUC_and_AP_targets_with_prior_correction()
    {
        string folder = Path.Combine(Path.GetTempPath(), $"fraud-real-{Guid.NewGuid():N}");
        try
        {
            RunReport report = new FraudSolution().Run(new RunContext(42, folder, SilentProgress.Instance), new FraudRunOptions(DataFile: RealData.Path("creditcard-fraud/creditcard_sample.csv")));
            Describe(report);
            Assert.All(report.Parity, p => Assert.True(p.Passed, $"{p.Check}: {p.MaxAbsDiff} > {p.Tolerance}"));
            Assert.NotNull(report.Quality);
            Assert.Equal(2, report.Quality.Count);
            Assert.All(report.Quality, q => Assert.True(q.Passed, $"{q.Check}: {q.Value}"));
            Assert.Contains("corrected to prior", report.Dataset.Name, StringComparison.Ordinal);
            Assert.True(report.Models[0].Metrics.ContainsKey("averagePrecisionTruePrevalence"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [RealDataFact("credit-default/credit-default.csv")]
    public void Second_real_set_runs_with_another_label_and_schema()
    {
        string folder = Path.Combine(Path.GetTempPath(), $"fraud-default-{Guid.NewGuid():N}");
        try
        {
            RunReport report = new FraudSolution().Run(new RunContext(42, folder, SilentProgress.Instance), new FraudRunOptions(DataFile: RealData.Path("credit-default/credit-default.csv"), Label: "default"));
            Describe(report);
            Assert.All(report.Parity, p => Assert.True(p.Passed, $"{p.Check}: {p.MaxAbsDiff} > {p.Tolerance}"));
            Assert.Empty(report.Quality ?? []);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Same_seed_gives_the_same_report_bit_for_bit()
    {
        string a = Path.Combine(Path.GetTempPath(), $"fraud-a-{Guid.NewGuid():N}"), b = Path.Combine(Path.GetTempPath(), $"fraud-b-{Guid.NewGuid():N}");
        try
        {
            var options = new FraudRunOptions(BootstrapReplicates: 50);
            string first = JsonOutput.Serialize(new FraudSolution().Run(new RunContext(7, a, SilentProgress.Instance), options));
            string second = JsonOutput.Serialize(new FraudSolution().Run(new RunContext(7, b, SilentProgress.Instance), options));
            string[] x = first.Split('\n'), y = second.Split('\n');
            int line = Enumerable.Range(0, Math.Min(x.Length, y.Length)).FirstOrDefault(i => x[i] != y[i], -1);
            Assert.True(line < 0, line < 0 ? "" : $"line {line}: {x[line]} vs {y[line]} (context: {string.Join(" ", x[Math.Max(0, line - 12)..line])})");
        }
        finally
        {
            Directory.Delete(a, recursive: true);
            Directory.Delete(b, recursive: true);
        }
    }

    private void Describe(RunReport report)
    {
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
                if (bad || key is "auc" or "aucCi95" or "averagePrecision" or "averagePrecisionCi95" or "expectedCostPer1000" or "deLongVsLogregPValue")
                {
                    output.WriteLine($"{model.Name}.{key} = {(value is double[] arr ? string.Join(", ", arr) : value)}{(bad ? "  <-- NOT FINITE" : "")}");
                }
            }
        }
        foreach (ParityCheck p in report.Parity)
        {
            output.WriteLine($"parity {p.Check}: {p.MaxAbsDiff:e3} ≤ {p.Tolerance:e1} {p.Passed}");
        }
        foreach (QualityCheck q in report.Quality ?? [])
        {
            output.WriteLine($"quality {q.Check}: {q.Value} {q.Comparison} {q.Threshold} {q.Passed}");
        }
    }
}
