using System.Globalization;
using System.Text.Json;

namespace ReferenceSolutions.Cli.Tests;

/// <summary>
/// <c>recommend --model</c> and <c>score recommender</c> on the models of one <c>run recommender</c> (built-in data,
/// every hyper-parameter fixed so that nothing is selected): the saved factors reproduce recommendations.csv line for
/// line, an unknown user gets the cold-start list, the saved twins pass on scored rows, and bad use exits 2.
/// </summary>
public sealed class RecommendModelTests(RecommendModelTests.BuiltInRun shared) : IClassFixture<RecommendModelTests.BuiltInRun>
{
    private readonly string _folder = shared.Folder;

    [Fact]
    public void Recommend_model_prints_what_recommendations_csv_lists_and_score_passes()
    {
        string run = shared.RunFolder;
        string[] csv = File.ReadAllLines(Path.Combine(run, "recommendations.csv"))[1..];
        long[] users = [.. csv.Select(line => long.Parse(line.Split(',')[0], CultureInfo.InvariantCulture)).Distinct()];
        Assert.Equal(5, users.Length);
        foreach (long user in users.Take(3))
        {
            (int exitCode, string stdout, string stderr) = CliRunner.Run("recommend", "--model", run, "--user", user.ToString(CultureInfo.InvariantCulture));
            Assert.True(exitCode == 0, $"exit {exitCode}: {stderr}");
            Assert.Equal("", stderr);
            string[] expected = [.. csv.Where(line => line.StartsWith($"{user},", StringComparison.Ordinal)).Select(line => line.Split(','))
                .Select(f => $"{int.Parse(f[1], CultureInfo.InvariantCulture),3}. item {f[2],-7} predicted {f[3]}")];
            Assert.Equal(expected, stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }

        (int coldExit, string cold, string coldErr) = CliRunner.Run("recommend", "--model", Path.Combine(run, "models"), "--user", "987654", "--top", "4");
        Assert.True(coldExit == 0, $"exit {coldExit}: {coldErr}");
        Assert.Equal(4, cold.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.StartsWith("note: user 987654 is not in the saved model: not personalised", coldErr, StringComparison.Ordinal);

        string input = Path.Combine(_folder, "pairs.csv");
        File.WriteAllLines(input, ["userId,movieId,rating", .. csv.Select(line => string.Join(',', line.Split(',')[0], line.Split(',')[2], "4")), "987654,1,3", "1,987654,2"]);
        string scores = Path.Combine(_folder, "scores.csv");
        (int scoreExit, string json, string scoreErr) = CliRunner.Run("score", "recommender", "--model", run, "--input", input, "--out", scores, "--json");
        Assert.True(scoreExit == 0, $"exit {scoreExit}: {scoreErr}");
        using var report = JsonDocument.Parse(json);
        Assert.True(report.RootElement.GetProperty("passed").GetBoolean());
        Assert.Equal(csv.Length + 2, report.RootElement.GetProperty("rows").GetInt32());
        Assert.Equal(2, report.RootElement.GetProperty("pairs").GetArrayLength());
        string[] lines = File.ReadAllLines(scores);
        Assert.Equal("row,global-mean,bias-baseline,mf-sgd-from-scratch,als-from-scratch,ffm-mlnet,mf-torch,als-torch", lines[0]);
        for (int r = 0; r < csv.Length; r++)
        {
            Assert.Equal(csv[r].Split(',')[3], lines[r + 1].Split(',')[3]);
        }

        (int onnxExit, _, string onnxErr) = CliRunner.Run("score", "recommender", "--model", run, "--input", input, "--out", Path.Combine(_folder, "onnx.csv"), "--engine", "onnx");
        Assert.Equal(2, onnxExit);
        Assert.StartsWith("error: --engine onnx: no recommender model has an ONNX graph", onnxErr, StringComparison.Ordinal);
    }

    [Fact]
    public void Recommend_model_refuses_training_options_and_reports_bad_models_with_exit_2()
    {
        string run = shared.RunFolder;
        (int exitCode, _, string stderr) = CliRunner.Run("recommend", "--model", run, "--user", "1", "--ratings", "ratings.csv");
        Assert.Equal(2, exitCode);
        Assert.StartsWith("error: --ratings trains a model; with --model", stderr, StringComparison.Ordinal);

        (int missingExit, _, string missingErr) = CliRunner.Run("recommend", "--model", Path.Combine(_folder, "nowhere"), "--user", "1");
        Assert.Equal(2, missingExit);
        Assert.Contains("nowhere", missingErr, StringComparison.Ordinal);

        string damaged = Path.Combine(_folder, "damaged");
        foreach (string file in Directory.GetFiles(Path.Combine(run, "models"), "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(damaged, Path.GetRelativePath(Path.Combine(run, "models"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        string p = Path.Combine(damaged, "mf-sgd-from-scratch", "model-p.bin");
        File.WriteAllBytes(p, File.ReadAllBytes(p)[..^1]);
        (int damagedExit, _, string damagedErr) = CliRunner.Run("recommend", "--model", damaged, "--user", "1");
        Assert.Equal(2, damagedExit);
        Assert.Contains("model-p.bin", damagedErr, StringComparison.Ordinal);
        Assert.Contains("'values'", damagedErr, StringComparison.Ordinal);
        Assert.Single(damagedErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));

        string input = Path.Combine(_folder, "bad.csv");
        File.WriteAllText(input, "userId,movieId\n1,one\n");
        (int scoreExit, _, string scoreErr) = CliRunner.Run("score", "recommender", "--model", run, "--input", input, "--out", Path.Combine(_folder, "s.csv"));
        Assert.Equal(2, scoreExit);
        Assert.Contains("bad.csv", scoreErr, StringComparison.Ordinal);
    }

    /// <summary>One run on the built-in data with every hyper-parameter given, shared by the tests (they do not change it).</summary>
    public sealed class BuiltInRun : IDisposable
    {
        public BuiltInRun()
        {
            RunFolder = Path.Combine(Folder, "run");
            (int exitCode, string stdout, string stderr) = CliRunner.Run("run", "recommender", "--factors", "8", "--epochs", "20", "--reg", "0.05",
                "--als-reg", "0.1", "--als-epochs", "5", "--bias-reg", "5", "--out", RunFolder);
            Assert.True(exitCode == 0, $"exit {exitCode}\n{stdout}\n{stderr}");
        }

        public string Folder { get; } = Directory.CreateTempSubdirectory("refsol-recommend-model-").FullName;

        public string RunFolder { get; }

        public void Dispose() => Directory.Delete(Folder, recursive: true);
    }
}
