using System.Text.Json;
using System.Text.Json.Nodes;
using ReferenceSolutions.FraudDetection.Data;

namespace ReferenceSolutions.Cli.Tests;

/// <summary>One small <c>run fraud</c> (3,000 generated rows, λ = 1) shared by the <c>score fraud</c> tests.</summary>
public sealed class FraudRunFixture : IDisposable
{
    public FraudRunFixture()
    {
        Folder = Directory.CreateTempSubdirectory("refsol-score-fraud-").FullName;
        Data = Path.Combine(Folder, "transactions.csv");
        TransactionGenerator.WriteCsv(TransactionGenerator.Generate(3000, 5), Data);
        Run = Path.Combine(Folder, "run");
        (int exitCode, _, string stderr) = CliRunner.Run("run", "fraud", "--data", Data, "--l2", "1", "--out", Run);
        RunExit = (exitCode, stderr);
    }

    public string Folder { get; }

    public string Data { get; }

    public string Run { get; }

    public (int ExitCode, string Stderr) RunExit { get; }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}

/// <summary><c>refsol score fraud</c>: run → score passes, and every bad input or model is exit 2 naming file and field.</summary>
public sealed class ScoreFraudTests(FraudRunFixture run) : IClassFixture<FraudRunFixture>
{
    private string Out => Path.Combine(run.Folder, $"scores-{Guid.NewGuid():N}.csv");

    /// <summary>A copy of the run's models/ folder to tamper with.</summary>
    private string CopyOfModels()
    {
        string target = Path.Combine(run.Folder, $"models-{Guid.NewGuid():N}");
        foreach (string file in Directory.GetFiles(Path.Combine(run.Run, "models"), "*", SearchOption.AllDirectories))
        {
            string to = Path.Combine(target, Path.GetRelativePath(Path.Combine(run.Run, "models"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
        return target;
    }

    private string WriteRows(Func<string[], string[]> columns)
    {
        string[] lines = File.ReadAllLines(run.Data)[..201];
        string path = Path.Combine(run.Folder, $"rows-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(path, lines.Select(l => string.Join(',', columns(l.Split(',')))));
        return path;
    }

    private static void AssertInputError(string[] expectedInMessage, params string[] args)
    {
        (int exitCode, _, string stderr) = CliRunner.Run(args);
        Assert.True(exitCode == 2, $"exit {exitCode}: {stderr}");
        string line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line);
        Assert.All(expectedInMessage, e => Assert.Contains(e, line));
    }

    [Fact]
    public void Engine_onnx_scores_the_logistic_regression_with_onnx_runtime_within_its_parity()
    {
        Assert.True(run.RunExit.ExitCode == 0, run.RunExit.Stderr);
        string native = Out, onnx = Out;
        Assert.Equal(0, CliRunner.Run("score", "fraud", "--model", run.Run, "--input", run.Data, "--out", native).ExitCode);
        (int exitCode, string stdout, string stderr) = CliRunner.Run("score", "fraud", "--model", run.Run, "--input", run.Data, "--out", onnx, "--json", "--engine", "onnx");
        Assert.True(exitCode == 0, stderr + stdout);
        using JsonDocument json = JsonDocument.Parse(stdout);
        JsonElement first = json.RootElement.GetProperty("comparisons")[0];
        Assert.Equal("fraud.onnx-logreg", first.GetProperty("id").GetString());
        Assert.True(first.GetProperty("passed").GetBoolean());
        Assert.Equal("onnx", json.RootElement.GetProperty("implementations").GetProperty("logreg-from-scratch").GetProperty("engine").GetString());
        double[] Column(string path) => [.. File.ReadLines(path).Skip(1).Select(l => double.Parse(l.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture))];
        double[] a = Column(native), b = Column(onnx);
        Assert.All(a.Zip(b), pair => Assert.True(Math.Abs(pair.First - pair.Second) <= 1e-12 * Math.Max(pair.First, pair.Second), $"{pair.First:R} vs {pair.Second:R}"));
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Run_then_score_on_rows_of_the_training_layout_passes_every_comparison()
    {
        Assert.True(run.RunExit.ExitCode == 0, run.RunExit.Stderr);
        string output = Out;
        (int exitCode, string stdout, string stderr) = CliRunner.Run("score", "fraud", "--model", run.Run, "--input", run.Data, "--out", output, "--json", "--explain", "2");
        Assert.True(exitCode == 0, stderr + stdout);
        using JsonDocument json = JsonDocument.Parse(stdout);
        Assert.True(json.RootElement.GetProperty("passed").GetBoolean());
        Assert.Equal(3000, json.RootElement.GetProperty("rows").GetInt32());
        Assert.Equal(3, json.RootElement.GetProperty("pairs").GetArrayLength());
        string header = File.ReadLines(output).First();
        Assert.StartsWith("row,logreg-from-scratch,logreg-torch,logreg-mlnet,fasttree-mlnet,pca-anomaly-from-scratch,", header);
        Assert.Contains("logreg-from-scratch.explain2.feature,logreg-from-scratch.explain2.contribution", header);
        Assert.Equal(3001, File.ReadLines(output).Count());
    }

    [Fact]
    public void Missing_feature_column_names_the_file_and_the_column()
    {
        string rows = WriteRows(c => [.. c.Where((_, j) => j != 5)]);
        AssertInputError([rows, "'V5'", "missing"], "score", "fraud", "--model", run.Run, "--input", rows, "--out", Out);
    }

    [Fact]
    public void Extra_column_names_the_file_and_the_column()
    {
        string rows = WriteRows(c => [.. c, c[0] == "Time" ? "Merchant" : "1"]);
        AssertInputError([rows, "'Merchant'", "is not a column the models take"], "score", "fraud", "--model", run.Run, "--input", rows, "--out", Out);
    }

    [Fact]
    public void Rows_without_the_label_and_time_columns_are_scored()
    {
        string rows = WriteRows(c => [.. c[1..^1]]);
        (int exitCode, _, string stderr) = CliRunner.Run("score", "fraud", "--model", run.Run, "--input", rows, "--out", Out);
        Assert.True(exitCode == 0, stderr);
    }

    [Fact]
    public void Wrong_manifest_format_names_the_manifest_and_the_field()
    {
        string models = CopyOfModels();
        string manifest = Path.Combine(models, "logreg-torch", "manifest.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"torch-module\"", "\"mlnet-zip\"", StringComparison.Ordinal));
        AssertInputError([manifest, "'format'", "torch-module"], "score", "fraud", "--model", models, "--input", run.Data, "--out", Out);
    }

    [Fact]
    public void Model_of_another_suite_version_names_the_manifest_and_the_field()
    {
        string models = CopyOfModels();
        string manifest = Path.Combine(models, "logreg-mlnet", "manifest.json");
        JsonObject json = JsonNode.Parse(File.ReadAllText(manifest))!.AsObject();
        json["suiteVersion"] = "0.0.1";
        File.WriteAllText(manifest, json.ToJsonString());
        AssertInputError([manifest, "'suiteVersion'", "0.0.1"], "score", "fraud", "--model", models, "--input", run.Data, "--out", Out);
    }

    [Theory]
    [InlineData("logreg-from-scratch", "logreg.json", "intercept", "\"oops\"", "'intercept'")]
    [InlineData("logreg-from-scratch", "logreg.json", "coefficients", "[1, 2]", "'coefficients'")]
    [InlineData("pca-anomaly-from-scratch", "pca.json", "platt", "{\"slope\": 1}", "'platt.intercept'")]
    [InlineData("pca-anomaly-from-scratch", "mahalanobis.json", "covariance", "[[1]]", "'covariance'")]
    [InlineData("logreg-torch", "input.json", "version", "2", "'version'")]
    [InlineData("logreg-mlnet", "input.json", "scale", null, "'scale'")]
    public void Corrupted_json_field_names_the_file_and_the_field(string model, string file, string field, string? value, string expected)
    {
        string models = CopyOfModels();
        string path = Path.Combine(models, model, file);
        JsonObject json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        if (value is null)
        {
            json.Remove(field);
        }
        else
        {
            json[field] = JsonNode.Parse(value);
        }
        File.WriteAllText(path, json.ToJsonString());
        AssertInputError([path, expected], "score", "fraud", "--model", models, "--input", run.Data, "--out", Out);
    }

    [Fact]
    public void Corrupted_model_files_name_the_file()
    {
        string models = CopyOfModels();
        string zip = Path.Combine(models, "fasttree-mlnet", "model.zip");
        File.WriteAllBytes(zip, [.. File.ReadAllBytes(zip).Take(100)]);
        AssertInputError([zip], "score", "fraud", "--model", models, "--input", run.Data, "--out", Out);
        string logreg = Path.Combine(models, "logreg-from-scratch", "logreg.json");
        File.WriteAllText(logreg, "{\"format\": ");
        AssertInputError([logreg, "not valid JSON"], "score", "fraud", "--model", Path.Combine(models, "logreg-from-scratch"), "--input", run.Data, "--out", Out);
    }
}
