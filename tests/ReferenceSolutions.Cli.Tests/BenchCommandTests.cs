using System.Text.Json;

namespace ReferenceSolutions.Cli.Tests;

/// <summary>The <c>refsol bench --json</c> contract of issue 7: the pair names, the fields, ratio = libraryMs / fromScratchMs (not the speed); and issue 16's vectorWidth.</summary>
public class BenchCommandTests
{
    private static readonly string[] ExpectedNames =
        ["gemm-512", "mlp-step-b32", "mlp-step-b1024", "mf-sgd-epoch", "logreg-fit", "svd-500x200", "auc-1m"];

    [Fact]
    public void Bench_quick_json_reports_every_pair_with_ratio_library_over_from_scratch()
    {
        (int exitCode, string stdout, string stderr) = CliRunner.Run("bench", "--quick", "--json", "--repeats", "1");
        Assert.True(exitCode == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal((int)Core.Native.VectorWidth.Current, json.RootElement.GetProperty("vectorWidth").GetInt32());
        Assert.Equal((int)Core.Native.VectorWidth.Hardware, json.RootElement.GetProperty("vectorWidthHardware").GetInt32());
        Assert.True(json.RootElement.GetProperty("largeObjectThreshold").GetInt64() >= 85_000, stdout);
        JsonElement[] benchmarks = [.. json.RootElement.GetProperty("benchmarks").EnumerateArray()];
        Assert.Equal(ExpectedNames, benchmarks.Select(b => b.GetProperty("name").GetString()));
        foreach (JsonElement b in benchmarks)
        {
            double fromScratch = b.GetProperty("fromScratchMs").GetDouble();
            double library = b.GetProperty("libraryMs").GetDouble();
            Assert.True(fromScratch > 0 && library > 0, b.ToString());
            Assert.Equal(library / fromScratch, b.GetProperty("ratio").GetDouble());
        }
        JsonElement mf = benchmarks.Single(b => b.GetProperty("name").GetString() == "mf-sgd-epoch");
        Assert.True(mf.GetProperty("updatesPerSecond").GetDouble() > 0);
        JsonElement svd = benchmarks.Single(b => b.GetProperty("name").GetString() == "svd-500x200");
        Assert.True(svd.GetProperty("torchMs").GetDouble() > 0);
    }

    [Theory]
    [InlineData("bench", "--only", "gemm-9")]
    [InlineData("bench", "--repeats", "0")]
    [InlineData("bench", "--repeats", "100000000")]
    [InlineData("bench", "--only", "")]
    [InlineData("bench", "--only", " , ")]
    public void Bench_usage_errors_exit_2_with_one_line(params string[] args)
    {
        (int exitCode, string stdout, string stderr) = CliRunner.Run(args);
        Assert.Equal(2, exitCode);
        Assert.StartsWith("error: ", Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal("", stdout);
    }

    [Theory]
    [InlineData("error: --repeats: 'abc' is not an integer", "bench", "--repeats", "abc")]
    [InlineData("error: --repeats: '1.5' is not an integer", "bench", "--repeats", "1.5")]
    [InlineData("error: --l2: 'abc' is not a number", "run", "fraud", "--l2", "abc")]
    [InlineData("error: --lr: 'inf' is not a number", "run", "neuralnet", "--lr", "inf")]
    [InlineData("error: --seed: '-1' is not a non-negative integer", "run", "all", "--seed", "-1")]
    public void A_value_of_the_wrong_type_is_named_in_words_not_as_a_CLR_type(string expected, params string[] args)
    {
        (int exitCode, _, string stderr) = CliRunner.Run(args);
        Assert.Equal(2, exitCode);
        Assert.Equal(expected, stderr.TrimEnd());
        Assert.DoesNotMatch("System\\.|Int32|Int64|Double", stderr);
    }

    /// <summary>
    /// The large-object threshold <c>refsol</c> runs with (docs/benchmarks.md, "The large-object threshold") is in the
    /// runtimeconfig the build writes beside refsol.dll, which the runtime reads before any code runs.
    /// </summary>
    [Fact]
    public void Refsol_runs_with_a_4_MB_large_object_threshold()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "refsol.runtimeconfig.json")));
        JsonElement properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");
        Assert.Equal(4L << 20, properties.GetProperty("System.GC.LOHThreshold").GetInt64());
    }
}
