using System.Text.Json;
using ReferenceSolutions.Cli.Commands;
using ReferenceSolutions.Core.Reporting;

namespace ReferenceSolutions.Cli.Tests;

/// <summary>
/// <c>refsol run all</c> on built-in data: every registered solution writes a metrics.json of the contract's shape with
/// its protocol, every parity check passes and is a registered check reported with the registry's identity, tolerance
/// and reason, and the same seed gives byte-identical files, report.html and index.html included; each report has one
/// parity row per parity entry and shows every plot of its folder.
/// </summary>
public sealed class RunAllTests : IDisposable
{
    private static readonly string[] Kinds = ["from-scratch", "torch", "mlnet"];
    private readonly string _folder = Directory.CreateTempSubdirectory("refsol-runall-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Run_all_writes_the_contract_passes_parity_and_is_byte_for_byte_repeatable()
    {
        string first = Path.Combine(_folder, "first");
        string second = Path.Combine(_folder, "second");
        (int exitCode, string stdout, string stderr) = CliRunner.Run("run", "all", "--seed", "7", "--out", first);
        Assert.True(exitCode == 0, $"exit {exitCode}\n{stdout}\n{stderr}");
        Assert.Equal(0, CliRunner.Run("run", "all", "--seed", "7", "--out", second).ExitCode);

        string[] solutions = [.. Directory.GetDirectories(first).Select(Path.GetFileName).OfType<string>().Order()];
        Assert.NotEmpty(solutions);
        foreach (string solution in solutions)
        {
            string metrics = Path.Combine(first, solution, "metrics.json");
            byte[] bytes = File.ReadAllBytes(metrics);
            Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(second, solution, "metrics.json")));
            AssertContract(solution, bytes);
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(first, solution), "*.png"));
            Assert.Empty(Directory.GetFiles(Path.Combine(first, solution), "*.tmp", SearchOption.AllDirectories));
            AssertReport(Path.Combine(first, solution), Path.Combine(second, solution), bytes);
        }
        Assert.Equal(File.ReadAllBytes(Path.Combine(first, "index.html")), File.ReadAllBytes(Path.Combine(second, "index.html")));
        string index = File.ReadAllText(Path.Combine(first, "index.html"));
        Assert.All(solutions, s => Assert.Contains($"<tr data-solution=\"{s}\" data-passed=\"true\"><td><a href=\"{s}/report.html\">", index, StringComparison.Ordinal));
    }

    private static void AssertReport(string first, string second, byte[] metricsJson)
    {
        byte[] page = File.ReadAllBytes(Path.Combine(first, "report.html"));
        Assert.Equal(page, File.ReadAllBytes(Path.Combine(second, "report.html")));
        string html = System.Text.Encoding.UTF8.GetString(page);
        using var document = JsonDocument.Parse(metricsJson);
        string[] ids = [.. document.RootElement.GetProperty("parity").EnumerateArray().Select(p => p.GetProperty("id").GetString()!)];
        Assert.Equal(ids.Length, html.Split("<tr data-check=\"").Length - 1);
        Assert.All(ids, id => Assert.Contains($"<tr data-check=\"{id}\" data-passed=\"true\">", html, StringComparison.Ordinal));
        Assert.All(Directory.GetFiles(first, "*.png"), png => Assert.Contains($"<img src=\"{Path.GetFileName(png)}\"", html, StringComparison.Ordinal));
    }

    private static void AssertContract(string solution, byte[] metricsJson)
    {
        using var document = JsonDocument.Parse(metricsJson);
        JsonElement root = document.RootElement;
        Assert.Equal(solution, root.GetProperty("solution").GetString());
        Assert.Equal(7UL, root.GetProperty("seed").GetUInt64());
        JsonElement dataset = root.GetProperty("dataset");
        Assert.False(string.IsNullOrEmpty(dataset.GetProperty("name").GetString()));
        Assert.False(string.IsNullOrEmpty(dataset.GetProperty("source").GetString()));
        Assert.True(dataset.GetProperty("rows").GetInt32() > 0);
        foreach (JsonElement model in root.GetProperty("models").EnumerateArray())
        {
            Assert.False(string.IsNullOrEmpty(model.GetProperty("name").GetString()));
            Assert.Contains(model.GetProperty("kind").GetString(), Kinds);
            Assert.Equal(JsonValueKind.Object, model.GetProperty("metrics").ValueKind);
        }
        JsonElement parity = root.GetProperty("parity");
        Assert.NotEqual(0, parity.GetArrayLength());
        foreach (JsonElement check in parity.EnumerateArray())
        {
            string name = check.GetProperty("check").GetString()!;
            Assert.True(check.GetProperty("passed").GetBoolean(), $"{solution}: parity '{name}' failed: {check}");
            Assert.True(check.GetProperty("maxAbsDiff").GetDouble() <= check.GetProperty("tolerance").GetDouble());
            string id = check.GetProperty("id").GetString()!;
            CheckDefinition definition = CheckRegistry.All.SingleOrDefault(c => c.Id == id) ?? throw new Xunit.Sdk.XunitException($"{solution}: parity '{name}' has the unregistered id '{id}'");
            Assert.Equal(definition.Title, name);
            Assert.Equal(definition.Identity, check.GetProperty("identity").GetString());
            Assert.Equal(definition.Tolerance.Value, check.GetProperty("tolerance").GetDouble());
            Assert.Equal(definition.Tolerance.Reason, check.GetProperty("reason").GetString());
            Assert.Equal(definition.Kind, check.GetProperty("kind").GetString());
            Assert.Contains($"run {solution}", definition.Where);
            Assert.False(string.IsNullOrWhiteSpace(check.GetProperty("measuredOn").GetString()), $"{solution}: parity '{name}' does not say what it was measured on");
        }
        JsonElement protocol = root.GetProperty("protocol");
        Assert.Contains(protocol.GetProperty("split").GetString(), (string[])["random", "stratified", "time"]);
        Assert.Contains(protocol.GetProperty("selection").GetString(), (string[])["validation", "k-fold", "fixed"]);
        Assert.True(protocol.GetProperty("train").GetInt32() > 0 && protocol.GetProperty("test").GetInt32() > 0);
        Assert.True(protocol.TryGetProperty("folds", out _), $"{solution}: protocol.folds must be present (null when unused)");
        Assert.False(string.IsNullOrWhiteSpace(protocol.GetProperty("metric").GetString()));
        Assert.Equal(JsonValueKind.Array, protocol.GetProperty("candidates").ValueKind);
        Assert.Equal(JsonValueKind.Object, protocol.GetProperty("selected").ValueKind);
    }
}
