using System.Text.Json;

namespace ReferenceSolutions.Cli.Tests;

/// <summary>The CLI contract of the foundation: exit codes, one-line errors, --version, doctor.</summary>
public class ContractTests
{
    [Theory]
    [InlineData("run", "nope")]
    [InlineData("verify", "nope")]
    [InlineData("verify")]
    [InlineData("run")]
    [InlineData("frobnicate")]
    [InlineData("data", "generate", "nope", "--out", "x")]
    [InlineData("data", "generate", "neuralnet", "--ratings", "5", "--out", "x")]
    [InlineData("data", "generate", "recommender", "--users", "5", "--out", "x")]
    [InlineData("data", "generate", "recommender", "--ratings", "101", "--users", "10", "--items", "40", "--out", "x")]
    [InlineData("data", "generate", "recommender", "--format", "parquet", "--out", "x")]
    [InlineData("run", "all", "--seed", "minus-one")]
    public void Usage_errors_exit_2_with_one_line_and_no_stack_trace(params string[] args)
    {
        (int exitCode, string stdout, string stderr) = CliRunner.Run(args);
        Assert.Equal(2, exitCode);
        string line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line);
        Assert.DoesNotContain("   at ", stderr);
        Assert.Equal("", stdout);
    }

    [Fact]
    public void Data_generate_recommender_ratings_writes_exactly_N_ratings()
    {
        string folder = Path.Combine(Path.GetTempPath(), $"refsol-generate-{Guid.NewGuid():N}");
        try
        {
            (int exitCode, string stdout, string stderr) = CliRunner.Run("data", "generate", "recommender", "--ratings", "4000", "--out", folder);
            Assert.True(exitCode == 0, $"exit {exitCode}: {stderr}");
            Assert.EndsWith("ratings.csv", stdout.Trim(), StringComparison.Ordinal);
            Assert.Equal(4001, File.ReadLines(Path.Combine(folder, "ratings.csv")).Count());
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public void Version_prints_the_version_and_exits_0()
    {
        (int exitCode, string stdout, _) = CliRunner.Run("--version");
        Assert.Equal(0, exitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", stdout.Trim());
    }

    [Fact]
    public void Doctor_reports_TorchSharp_loaded_with_the_weak_version_fix_where_needed()
    {
        (int exitCode, string stdout, _) = CliRunner.Run("doctor", "--json");
        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(stdout);
        JsonElement root = json.RootElement;
        Assert.True(root.GetProperty("usable").GetBoolean());
        JsonElement report = root.GetProperty("report");
        Assert.Equal((int)Core.Native.VectorWidth.Current, report.GetProperty("vectorWidth").GetInt32());
        Assert.Equal((int)Core.Native.VectorWidth.Hardware, report.GetProperty("vectorWidthHardware").GetInt32());
        JsonElement torch = report.GetProperty("torchSharp");
        Assert.True(torch.GetProperty("loaded").GetBoolean());
        Assert.EndsWith("libLibTorchSharp.so", torch.GetProperty("nativeLibrary").GetString());
        string? maxGlibcxx = report.GetProperty("libstdcxxMaxGlibcxx").GetString();
        bool systemLacksVersion = maxGlibcxx is not null && new Version(maxGlibcxx["GLIBCXX_".Length..]) < new Version(3, 4, 32);
        if (systemLacksVersion)
        {
            Assert.True(torch.GetProperty("weakFixApplied").GetBoolean());
        }
        Assert.Equal("Managed", report.GetProperty("mathNetProvider").GetString());
        Assert.Equal(4, report.GetProperty("datasets").EnumerateObject().Count());
    }

    [Fact]
    public void Doctor_table_names_every_item()
    {
        (int exitCode, string stdout, _) = CliRunner.Run("doctor");
        Assert.Equal(0, exitCode);
        foreach (string item in new[] { ".NET", "OS", "CPUs", "libstdc++", "TorchSharp", "native library", "weak-version fix", "MathNet provider", "data folder", "vector width" })
        {
            Assert.Contains(item, stdout);
        }
    }
}
