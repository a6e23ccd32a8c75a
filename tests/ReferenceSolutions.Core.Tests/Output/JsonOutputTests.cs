using ReferenceSolutions.Core.Evaluation;
using ReferenceSolutions.Core.Output;
using ReferenceSolutions.Core.Reporting;

namespace ReferenceSolutions.Core.Tests.Output;

public class JsonOutputTests
{
    private static readonly CheckDefinition Gradients = new("core.demo.gradients", "core", CheckKinds.Library, "gradients", "dL/dW equal", Tolerance.Float64Twin, ["test"], []);

    [Fact]
    public void Run_report_uses_the_contract_field_names_in_order()
    {
        var report = new RunReport("demo", 42, new DatasetInfo("generated", "seed 42", 10),
            [new ModelResult("m", ModelKinds.FromScratch, new Dictionary<string, object> { ["accuracy"] = 0.5 })],
            [Gradients.Measure(new Comparison("from-scratch", "torch").Add("dW", 1.0, 1.0 + 1e-12), "a seeded batch")]);
        string json = JsonOutput.Serialize(report);
        string[] order = ["\"solution\"", "\"seed\"", "\"dataset\"", "\"name\"", "\"source\"", "\"rows\"", "\"models\"", "\"kind\"", "\"metrics\"", "\"parity\"", "\"check\"", "\"identity\"", "\"maxAbsDiff\"", "\"tolerance\"", "\"toleranceName\"", "\"reason\"", "\"passed\"", "\"id\"", "\"kind\"", "\"between\"", "\"measuredOn\""];
        int position = 0;
        foreach (string field in order)
        {
            int found = json.IndexOf(field, position, StringComparison.Ordinal);
            Assert.True(found >= 0, $"{field} missing or out of order in {json}");
            position = found;
        }
        Assert.DoesNotContain("\"quality\"", json);
        Assert.DoesNotContain("\"protocol\"", json);
        Assert.Equal(json, JsonOutput.Serialize(report));
    }

    [Fact]
    public void A_NaN_metric_is_refused_rather_than_written()
    {
        var model = new ModelResult("m", ModelKinds.FromScratch, new Dictionary<string, object> { ["auc"] = double.NaN });
        Assert.ThrowsAny<ArgumentException>(() => JsonOutput.Serialize(model));
    }

    [Fact]
    public void A_result_that_cannot_be_computed_is_null_with_its_reason_beside_it_and_fails_the_run()
    {
        var model = new ModelResult("m", ModelKinds.FromScratch, new Dictionary<string, object>
        {
            ["rmse"] = 0.8,
            ["auc"] = NotComputed.Finite(double.NaN, "every test rating is 5, so there is no negative to rank"),
            ["trainLoss"] = NotComputed.Finite([0.7, double.NaN, double.PositiveInfinity], "the loss diverged in epoch 2"),
            ["steps"] = NotComputed.Finite(3.0, "unused"),
        });
        string json = JsonOutput.Serialize(model);
        Assert.Contains("\"rmse\": 0.8,\n    \"auc\": null,\n    \"aucNotComputed\": \"every test rating is 5, so there is no negative to rank\"", json, StringComparison.Ordinal);
        Assert.Contains("\"trainLoss\": [\n      0.7,\n      null,\n      null\n    ],\n    \"trainLossNotComputed\": \"the loss diverged in epoch 2\"", json, StringComparison.Ordinal);
        Assert.Contains("\"steps\": 3", json, StringComparison.Ordinal);
        var report = new RunReport("demo", 1, new DatasetInfo("d", "s", 1), [model], []);
        RunReport checkedReport = report.WithComputedCheck();
        QualityCheck computed = Assert.Single(checkedReport.Quality!);
        Assert.False(computed.Passed);
        Assert.Contains("m.auc, m.trainLoss", computed.Check, StringComparison.Ordinal);

    }

    [Fact]
    public void The_protocol_writes_every_contract_field_and_folds_even_when_null()
    {
        var protocol = new Protocol(SplitKinds.Time, 3000, 788, 1624, SelectionKinds.Validation, null, "validation log-loss",
            [new Candidate(new Dictionary<string, object> { ["lambda"] = 1.0 }, 0.05), new Candidate(new Dictionary<string, object> { ["lambda"] = 1e9 }, double.NaN)],
            new Dictionary<string, object> { ["lambda"] = 1.0 })
        { Goal = "minimise", Refit = "train + validation" };
        string json = JsonOutput.Serialize(protocol);
        string[] order = ["\"split\": \"time\"", "\"train\": 3000", "\"validation\": 788", "\"test\": 1624", "\"selection\": \"validation\"", "\"folds\": null", "\"metric\"", "\"candidates\"", "\"params\"", "\"score\": 0.05", "\"score\": null", "\"selected\"", "\"goal\"", "\"refit\""];
        int position = 0;
        foreach (string field in order)
        {
            int found = json.IndexOf(field, position, StringComparison.Ordinal);
            Assert.True(found >= 0, $"{field} missing or out of order in {json}");
            position = found;
        }
        Assert.DoesNotContain("\"fixed\"", json);
    }

    [Fact]
    public void Quality_checks_compare_in_the_stated_direction()
    {
        Assert.True(QualityCheck.AtLeast("accuracy", 0.971, 0.970).Passed);
        Assert.False(QualityCheck.AtLeast("accuracy", 0.969, 0.970).Passed);
        Assert.True(QualityCheck.AtMost("rmse", 0.85, 0.86).Passed);
        Assert.False(QualityCheck.AtMost("rmse", double.NaN, 0.86).Passed);
    }
}
