using System.Text.Json.Nodes;
using ReferenceSolutions.Core.Models;
using ReferenceSolutions.Core.Output;
using ReferenceSolutions.Core.Reporting;

namespace ReferenceSolutions.Core.Tests.Models;

public sealed class ScoreOutputTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("refsol-score-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_csv_numbers_rows_from_one_round_trips_numbers_and_quotes_text()
    {
        string path = Path.Combine(_folder, "scores.csv");
        double tiny = BitConverter.Int64BitsToDouble(1);
        ScoreCsv.Write(path, [ScoreColumn.Of("m", [0.1, tiny, double.NaN]), ScoreColumn.OfText("m.explain1.feature", ["V1", "a,b", "say \"x\""])]);
        string[] lines = File.ReadAllLines(path);
        Assert.Equal(["row,m,m.explain1.feature", "1,0.1,V1", $"2,{tiny:R},\"a,b\"", "3,,\"say \"\"x\"\"\""], lines);
        Assert.Equal(tiny, double.Parse(lines[2].Split(',')[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Columns_of_different_lengths_are_refused()
    {
        Assert.Throws<ArgumentException>(() => ScoreCsv.Write(Path.Combine(_folder, "x.csv"), [ScoreColumn.Of("a", [1.0]), ScoreColumn.Of("b", [1.0, 2.0])]));
    }

    private static readonly CheckDefinition Check = new("core.score-test", "core", CheckKinds.Library, "a vs b on the scored rows", "p_a = p_b",
        new Tolerance("test", 1e-12, "a test"), ["score test"], []);

    [Fact]
    public void The_json_extends_verify_with_rows_and_pairs()
    {
        ParityCheck comparison = Check.Measure(new Comparison("a", "b").Add("p", [0.5, 0.25], [0.5, 0.25 + 1e-15]));
        ScoreReport report = ScoreReport.Create(2, new Dictionary<string, object> { ["a"] = new { kind = "from-scratch" }, ["b"] = new { kind = "torch" } }, [comparison]);
        JsonObject json = JsonNode.Parse(JsonOutput.Serialize(report))!.AsObject();
        Assert.Equal(["check", "rows", "implementations", "maxAbsDiff", "tolerance", "passed", "comparisons", "pairs"], json.Select(p => p.Key));
        Assert.Equal("score", (string?)json["check"]);
        Assert.True((bool)json["passed"]!);
        Assert.Equal("a vs b on the scored rows", (string?)json["pairs"]![0]!["check"]);
        Assert.Equal("a vs b on the scored rows", (string?)json["implementations"]!["b"]!["comparisons"]![0]);
    }

    [Fact]
    public void A_nan_on_one_side_fails_the_report()
    {
        ParityCheck comparison = Check.Measure(new Comparison("a", "b").Add("p", [0.5], [double.NaN]));
        ScoreReport report = ScoreReport.Create(1, new Dictionary<string, object> { ["a"] = new { }, ["b"] = new { } }, [comparison]);
        Assert.False(report.Passed);
        Assert.Null(JsonNode.Parse(JsonOutput.Serialize(report))!["maxAbsDiff"]);
    }
}
