using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ReferenceSolutions.Cli.Tests;

/// <summary>
/// The recommender's commands end to end: <c>recommend</c> for a user without ratings, <c>verify svd --json</c> deciding
/// on every comparison, and <c>run recommender</c> with every hyper-parameter given (nothing left to select).
/// </summary>
public sealed class RecommenderCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("refsol-recommender-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Recommend_for_a_user_without_ratings_lists_items_and_says_so_on_stderr()
    {
        string ratings = WriteRatings();
        (int exitCode, string stdout, string stderr) = CliRunner.Run("recommend", "--user", "999", "--top", "3", "--ratings", ratings);
        Assert.True(exitCode == 0, $"exit {exitCode}: {stderr}");
        string[] lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.All(lines, line =>
        {
            double predicted = double.Parse(line[(line.IndexOf("predicted ", StringComparison.Ordinal) + 10)..].Split(' ')[0], CultureInfo.InvariantCulture);
            Assert.InRange(predicted, 0.5, 5.0);
        });
        string note = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("note: user 999 has no ratings", note, StringComparison.Ordinal);
    }

    [Fact]
    public void Recommend_with_intervals_adds_one_to_each_line_and_leaves_the_rest_unchanged()
    {
        string ratings = WriteRatings();
        (int plainExit, string plain, string plainErr) = CliRunner.Run("recommend", "--user", "1", "--top", "3", "--factors", "4", "--ratings", ratings);
        (int exitCode, string stdout, string stderr) = CliRunner.Run("recommend", "--user", "1", "--top", "3", "--factors", "4", "--ratings", ratings, "--intervals", "0.95");
        Assert.True(plainExit == 0 && exitCode == 0, $"exit {plainExit}, {exitCode}: {plainErr}{stderr}");
        string[] before = plain.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        string[] after = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(before.Length, after.Length);
        for (int t = 0; t < before.Length; t++)
        {
            Assert.DoesNotContain("interval", before[t], StringComparison.Ordinal);
            int at = after[t].IndexOf("  95 % interval [", StringComparison.Ordinal);
            Assert.True(at > 0, $"no interval in '{after[t]}'");
            string[] ends = after[t][(at + 17)..after[t].IndexOf(']', at)].Split(", ");
            double predicted = double.Parse(before[t][(before[t].IndexOf("predicted ", StringComparison.Ordinal) + 10)..].Split(' ')[0], CultureInfo.InvariantCulture);
            Assert.InRange(predicted, double.Parse(ends[0], CultureInfo.InvariantCulture), double.Parse(ends[1], CultureInfo.InvariantCulture));
            Assert.Equal(before[t], after[t][..at] + after[t][(after[t].IndexOf(']', at) + 1)..]);
        }
        (int badExit, _, string badErr) = CliRunner.Run("recommend", "--user", "1", "--ratings", ratings, "--intervals", "0.9");
        Assert.Equal(2, badExit);
        Assert.Contains("--intervals must be 0.8 or 0.95", badErr, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_svd_json_decides_on_the_reconstruction_of_every_implementation()
    {
        string matrix = Path.Combine(_folder, "a.csv");
        File.WriteAllText(matrix, "1,2,0\n0,1,3\n4,0,1\n2,2,2\n");
        (int exitCode, string stdout, string stderr) = CliRunner.Run("verify", "svd", "--input", matrix, "--json");
        Assert.True(exitCode == 0, $"exit {exitCode}: {stderr}");
        using var json = JsonDocument.Parse(stdout);
        JsonElement root = json.RootElement;
        foreach (string field in new[] { "check", "implementations", "maxAbsDiff", "tolerance", "passed" })
        {
            Assert.True(root.TryGetProperty(field, out _), $"missing '{field}'");
        }
        string[] ids = [.. root.GetProperty("comparisons").EnumerateArray().Select(c => c.GetProperty("id").GetString()!)];
        Assert.Equal(3, ids.Count(id => id == "recommender.svd-reconstruction"));
        foreach (string implementation in new[] { "from-scratch", "torch", "mathnet" })
        {
            string[] taken = [.. root.GetProperty("implementations").GetProperty(implementation).GetProperty("comparisons").EnumerateArray().Select(c => c.GetString()!)];
            Assert.Contains("svd reconstruction and orthonormality", taken);
        }
    }

    [Fact]
    public void Run_with_every_hyper_parameter_given_selects_nothing()
    {
        string output = Path.Combine(_folder, "run");
        (int exitCode, string stdout, string stderr) = CliRunner.Run("run", "recommender", "--factors", "32", "--epochs", "60", "--reg", "0.05",
            "--als-reg", "0.1", "--als-epochs", "5", "--bias-reg", "5", "--out", output);
        Assert.True(exitCode == 0, $"exit {exitCode}\n{stdout}\n{stderr}");
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, "metrics.json")));
        JsonElement protocol = json.RootElement.GetProperty("protocol");
        Assert.Equal("fixed", protocol.GetProperty("selection").GetString());
        Assert.Equal(0, protocol.GetProperty("validation").GetInt32());
        Assert.Equal(json.RootElement.GetProperty("dataset").GetProperty("rows").GetInt32(), protocol.GetProperty("train").GetInt32() + protocol.GetProperty("test").GetInt32());
        Assert.Equal(0.05, protocol.GetProperty("fixed").GetProperty("mf-sgd-from-scratch").GetProperty("reg").GetDouble());
    }

    /// <summary>40 users × 12 items, about half rated, on MovieLens's 0.5..5 scale.</summary>
    private string WriteRatings()
    {
        var text = new StringBuilder("userId,movieId,rating\n");
        for (int u = 1; u <= 40; u++)
        {
            for (int i = 1; i <= 12; i++)
            {
                if ((u * 7 + i * 3) % 5 < 3)
                {
                    text.Append(CultureInfo.InvariantCulture, $"{u},{i},{0.5 * (1 + ((u + 2 * i) % 10))}\n");
                }
            }
        }
        string path = Path.Combine(_folder, "ratings.csv");
        File.WriteAllText(path, text.ToString());
        return path;
    }
}
