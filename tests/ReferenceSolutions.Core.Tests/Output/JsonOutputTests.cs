using ReferenceSolutions.Core.Output;
using ReferenceSolutions.Core.Reporting;

namespace ReferenceSolutions.Core.Tests.Output;

public class JsonOutputTests
{
    [Fact]
    public void Run_report_uses_the_contract_field_names_in_order()
    {
        var report = new RunReport("demo", 42, new DatasetInfo("generated", "seed 42", 10),
            [new ModelResult("m", ModelKinds.FromScratch, new Dictionary<string, object> { ["accuracy"] = 0.5 })],
            [ParityCheck.Measure("gradients", "dL/dW equal", 1e-12, Tolerance.Float64Twin)]);
        string json = JsonOutput.Serialize(report);
        string[] order = ["\"solution\"", "\"seed\"", "\"dataset\"", "\"name\"", "\"source\"", "\"rows\"", "\"models\"", "\"kind\"", "\"metrics\"", "\"parity\"", "\"check\"", "\"maxAbsDiff\"", "\"tolerance\"", "\"passed\""];
        int position = 0;
        foreach (string field in order)
        {
            int found = json.IndexOf(field, position, StringComparison.Ordinal);
            Assert.True(found >= 0, $"{field} missing or out of order in {json}");
            position = found;
        }
        Assert.DoesNotContain("\"quality\"", json);
        Assert.Equal(json, JsonOutput.Serialize(report));
    }

    [Fact]
    public void NaN_is_refused_rather_than_written()
    {
        var check = ParityCheck.Measure("x", "x", double.NaN, Tolerance.Float64Twin);
        Assert.False(check.Passed);
        Assert.ThrowsAny<ArgumentException>(() => JsonOutput.Serialize(check));
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
