using System.Text.Json;

namespace ReferenceSolutions.Cli.Tests;

/// <summary>
/// <c>refsol run all</c> on built-in data: every registered solution writes a metrics.json of the contract's shape,
/// every parity check passes, and the same seed gives byte-identical files.
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
        }
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
            double maxAbsDiff = check.GetProperty("maxAbsDiff").GetDouble();
            double tolerance = check.GetProperty("tolerance").GetDouble();
            Assert.True(check.GetProperty("passed").GetBoolean(), $"{solution}: parity '{name}' failed: {maxAbsDiff} > {tolerance}");
            Assert.True(maxAbsDiff <= tolerance);
        }
    }
}
