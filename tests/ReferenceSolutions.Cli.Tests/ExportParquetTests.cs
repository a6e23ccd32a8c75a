using System.Text.Json;
using Parquet.Serialization;
using ReferenceSolutions.Core.Models;
using ReferenceSolutions.Recommender.Models;

namespace ReferenceSolutions.Cli.Tests;

/// <summary>
/// <c>export parquet</c> on the ALS model of one built-in <c>run recommender</c>: Spark's ALSModel layout, factors that
/// read back (Parquet.Net) as the float nearest each saved double, predictions xᵤ·yᵢ within the float32 rounding bound
/// of the suite's unclipped r̂, the same bytes twice, and exit 2 for what cannot be exported.
/// </summary>
public sealed class ExportParquetTests(RecommendModelTests.BuiltInRun shared) : IClassFixture<RecommendModelTests.BuiltInRun>
{
    private const double U32 = 1.0 / (1 << 24);
    private const double U64 = 1.0 / (1L << 53);

    [Fact]
    public void Export_parquet_writes_spark_layout_that_reads_back_to_the_saved_factors()
    {
        string target = Path.Combine(shared.Folder, "spark-als");
        (int exitCode, string stdout, string stderr) = CliRunner.Run("export", "parquet", "--model", shared.RunFolder, "--out", target);
        Assert.True(exitCode == 0, $"exit {exitCode}: {stderr}");
        Assert.Contains(RecommenderModels.Als, stdout, StringComparison.Ordinal);
        string[] files = [.. Directory.EnumerateFiles(target, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(target, f)).Order(StringComparer.Ordinal)];
        Assert.Equal(["itemFactors/_SUCCESS", "itemFactors/part-00000.parquet", "metadata/_SUCCESS", "metadata/part-00000", "refsol.json", "userFactors/_SUCCESS", "userFactors/part-00000.parquet"], files);

        (string folder, ModelManifest manifest) = RecommenderModels.Find(shared.RunFolder, RecommenderModels.Als, "test");
        FactorScorer saved = RecommenderModels.LoadFactors(folder, manifest).Scorer;
        int k = saved.Model.Factors;
        using (JsonDocument metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(target, "metadata", "part-00000"))))
        {
            Assert.Equal("org.apache.spark.ml.recommendation.ALSModel", metadata.RootElement.GetProperty("class").GetString());
            Assert.Equal(k + 2, metadata.RootElement.GetProperty("rank").GetInt32());
        }

        SparkFactorRow[] users = Read(Path.Combine(target, "userFactors", "part-00000.parquet"));
        SparkFactorRow[] items = Read(Path.Combine(target, "itemFactors", "part-00000.parquet"));
        Assert.Equal(saved.UserIds, users.Select(r => (long)r.Id));
        Assert.Equal(saved.ItemIds, items.Select(r => (long)r.Id));
        for (int u = 0; u < users.Length; u++)
        {
            Assert.Equal([.. Enumerable.Range(0, k).Select(f => (float)saved.Model.P[u, f]), (float)(saved.Model.Mu + saved.Model.UserBias[u]), 1f], users[u].Features);
        }
        for (int i = 0; i < items.Length; i++)
        {
            Assert.Equal([.. Enumerable.Range(0, k).Select(f => (float)saved.Model.Q[i, f]), 1f, (float)saved.Model.ItemBias[i]], items[i].Features);
        }

        // fl32(Σ x̃y) with x̃ = x(1+δ), |δ| ≤ u: |Δ| ≤ (γₙ(1+u)² + 2u + u²)·Σ|xy| for n = k + 2 terms summed in float in any
        // order, plus the suite's own float64 sum of k + 3 terms, γ₍ₖ₊₃₎(2⁻⁵³)·Σ|terms|.
        double gamma32 = (k + 2) * U32 / (1 - (k + 2) * U32);
        double gamma64 = (k + 3) * U64 / (1 - (k + 3) * U64);
        double worst = 0;
        for (int u = 0; u < users.Length; u += 7)
        {
            for (int i = 0; i < items.Length; i += 5)
            {
                float spark = 0f;
                double magnitude = 0;
                for (int f = 0; f < k + 2; f++)
                {
                    spark += users[u].Features[f] * items[i].Features[f];
                    magnitude += Math.Abs((double)users[u].Features[f] * items[i].Features[f]);
                }
                double suite = saved.UnclippedAt(u, i);
                double bound = (gamma32 * (1 + U32) * (1 + U32) + 2 * U32 + U32 * U32 + gamma64) * magnitude;
                Assert.True(double.IsFinite(spark) && Math.Abs(spark - suite) <= bound, $"user {users[u].Id}, item {items[i].Id}: Spark {spark}, suite {suite}, bound {bound}");
                worst = Math.Max(worst, Math.Abs(spark - suite) / bound);
            }
        }
        Assert.InRange(worst, 1e-3, 1);

        string again = Path.Combine(shared.Folder, "spark-als-again");
        Assert.Equal(0, CliRunner.Run("export", "parquet", "--model", folder, "--out", again).ExitCode);
        foreach (string file in files)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(target, file)), File.ReadAllBytes(Path.Combine(again, file)));
        }
    }

    [Fact]
    public void Export_parquet_refuses_what_it_cannot_export_with_exit_2_and_writes_nothing()
    {
        string target = Path.Combine(shared.Folder, "refused");
        string fraudLike = Directory.CreateTempSubdirectory("refsol-no-als-").FullName;
        try
        {
            (int exitCode, _, string stderr) = CliRunner.Run("export", "parquet", "--model", fraudLike, "--out", target);
            Assert.Equal(2, exitCode);
            Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
            Assert.False(Directory.Exists(target));

            (int busyExit, _, string busyErr) = CliRunner.Run("export", "parquet", "--model", shared.RunFolder, "--out", shared.RunFolder);
            Assert.Equal(2, busyExit);
            Assert.Contains("--out", busyErr, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(fraudLike, recursive: true);
        }
    }

    private static SparkFactorRow[] Read(string path) =>
        [.. ParquetSerializer.DeserializeAsync<SparkFactorRow>(path).GetAwaiter().GetResult().Data];
}
