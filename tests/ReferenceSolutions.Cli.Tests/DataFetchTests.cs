using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ReferenceSolutions.Cli.Commands;
using ReferenceSolutions.Cli.Fetching;
using ReferenceSolutions.Core.Data;

namespace ReferenceSolutions.Cli.Tests;

/// <summary>
/// <c>refsol data fetch</c> against a loopback server serving small fixtures, with their URLs and SHA-256 given through
/// the hidden <c>--sources</c> option: a good download lands with the run command printed; a 404, a truncated or a
/// corrupted response exits 2 with one line and leaves nothing behind.
/// </summary>
public sealed class DataFetchTests : IDisposable
{
    private static readonly byte[] Train = Encoding.UTF8.GetBytes("0,1,2,3\n4,5,6,7\n");
    private static readonly byte[] Test = Encoding.UTF8.GetBytes("8,9,10,1\n");

    private readonly LoopbackServer _server = new();
    private readonly string _root = Path.Combine(Path.GetTempPath(), "refsol-fetch-tests", Guid.NewGuid().ToString("N"));

    public DataFetchTests() => Directory.CreateDirectory(_root);

    public void Dispose()
    {
        _server.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void Fetch_puts_verified_files_in_place_and_prints_the_run_command()
    {
        string folder = Path.Combine(_root, "data");
        string sources = Sources("optdigits",
            Plain(_server.Serve("tra", Train), "optdigits/optdigits-train.csv", Sha256(Train)),
            Plain(_server.Serve("tes", Test), "optdigits/optdigits-test.csv", Sha256(Test)));

        (int exitCode, string stdout, string stderr) = Fetch("optdigits", folder, sources);

        Assert.True(exitCode == 0, stderr);
        Assert.Equal(Train, File.ReadAllBytes(Path.Combine(folder, "optdigits", "optdigits-train.csv")));
        Assert.Equal(Test, File.ReadAllBytes(Path.Combine(folder, "optdigits", "optdigits-test.csv")));
        Assert.Equal(["optdigits"], Directory.GetFileSystemEntries(folder).Select(Path.GetFileName));
        string train = Path.Combine(folder, "optdigits", "optdigits-train.csv");
        string test = Path.Combine(folder, "optdigits", "optdigits-test.csv");
        Assert.Contains($"refsol run neuralnet --train {train} --test {test}", stdout);
    }

    [Fact]
    public void Fetch_unpacks_the_listed_members_of_a_zip_archive()
    {
        byte[] ratings = Encoding.UTF8.GetBytes("userId,movieId,rating,timestamp\n1,1,4,964982703\n");
        byte[] movies = Encoding.UTF8.GetBytes("movieId,title,genres\n1,Toy Story (1995),Comedy\n");
        byte[] zip = Zip(("ml/ratings.csv", ratings), ("ml/movies.csv", movies), ("ml/README.txt", [1, 2, 3]));
        string folder = Path.Combine(_root, "data");
        string sources = Sources("movielens-small", new
        {
            url = _server.Serve("ml.zip", zip),
            files = new[]
            {
                new { path = "movielens-small/ratings.csv", sha256 = Sha256(ratings), member = "ml/ratings.csv" },
                new { path = "movielens-small/movies.csv", sha256 = Sha256(movies), member = "ml/movies.csv" },
            },
        });

        (int exitCode, string stdout, string stderr) = Fetch("movielens-small", folder, sources);

        Assert.True(exitCode == 0, stderr);
        Assert.Equal(ratings, File.ReadAllBytes(Path.Combine(folder, "movielens-small", "ratings.csv")));
        Assert.Equal(movies, File.ReadAllBytes(Path.Combine(folder, "movielens-small", "movies.csv")));
        Assert.Equal(["movielens-small"], Directory.GetFileSystemEntries(folder).Select(Path.GetFileName));
        Assert.Equal(2, Directory.GetFiles(Path.Combine(folder, "movielens-small")).Length);
        Assert.Contains("refsol run recommender --ratings ", stdout);
    }

    [Fact]
    public void A_second_fetch_finds_the_files_present_without_downloading()
    {
        string folder = Path.Combine(_root, "data");
        string sources = Sources("creditcard", Plain(_server.Serve("cc", Train), "creditcard-fraud/creditcard_sample.csv", Sha256(Train)));
        Assert.Equal(0, Fetch("creditcard", folder, sources).ExitCode);
        _server.Dispose();

        (int exitCode, string stdout, _) = Fetch("creditcard", folder, sources);

        Assert.Equal(0, exitCode);
        Assert.Contains("already in", stdout);
        Assert.Contains("refsol run fraud --data ", stdout);
    }

    [Fact]
    public void A_404_exits_2_and_leaves_nothing()
    {
        string folder = Path.Combine(_root, "data");
        string sources = Sources("optdigits", Plain(_server.Missing("gone"), "optdigits/optdigits-train.csv", Sha256(Train)));

        (int exitCode, string stdout, string stderr) = Fetch("optdigits", folder, sources);

        AssertOneLineError(exitCode, stdout, stderr, "HTTP 404");
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void A_truncated_response_exits_2_and_leaves_nothing()
    {
        string folder = Path.Combine(_root, "data");
        string sources = Sources("optdigits", Plain(_server.ServeTruncated("tra", Train), "optdigits/optdigits-train.csv", Sha256(Train)));

        (int exitCode, string stdout, string stderr) = Fetch("optdigits", folder, sources);

        AssertOneLineError(exitCode, stdout, stderr, "download of ");
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void A_corrupted_response_fails_its_SHA_256_and_leaves_an_existing_folder_as_it_was()
    {
        string folder = Path.Combine(_root, "data");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "mine.txt"), "the user's own file");
        byte[] corrupted = (byte[])Train.Clone();
        corrupted[3] ^= 0x01;
        string sources = Sources("optdigits", Plain(_server.Serve("tra", corrupted), "optdigits/optdigits-train.csv", Sha256(Train)));

        (int exitCode, string stdout, string stderr) = Fetch("optdigits", folder, sources);

        AssertOneLineError(exitCode, stdout, stderr, $"SHA-256 of optdigits/optdigits-train.csv is {Sha256(corrupted)}, expected {Sha256(Train)}");
        Assert.Equal(["mine.txt"], Directory.GetFileSystemEntries(folder).Select(Path.GetFileName));
    }

    [Fact]
    public void A_failure_in_a_later_file_leaves_none_of_the_earlier_ones()
    {
        string folder = Path.Combine(_root, "data");
        Directory.CreateDirectory(folder);
        string sources = Sources("optdigits",
            Plain(_server.Serve("tra", Train), "optdigits/optdigits-train.csv", Sha256(Train)),
            Plain(_server.Missing("tes"), "optdigits/optdigits-test.csv", Sha256(Test)));

        (int exitCode, string stdout, string stderr) = Fetch("optdigits", folder, sources);

        AssertOneLineError(exitCode, stdout, stderr, "HTTP 404");
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public void A_missing_archive_member_exits_2_and_leaves_nothing()
    {
        string folder = Path.Combine(_root, "data");
        string sources = Sources("movielens-small", new
        {
            url = _server.Serve("ml.zip", Zip(("ml/ratings.csv", Train))),
            files = new[] { new { path = "movielens-small/movies.csv", sha256 = Sha256(Test), member = "ml/movies.csv" } },
        });

        (int exitCode, string stdout, string stderr) = Fetch("movielens-small", folder, sources);

        AssertOneLineError(exitCode, stdout, stderr, "no entry 'ml/movies.csv'");
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void A_data_folder_that_is_a_file_exits_2_and_leaves_the_file_alone()
    {
        string file = Path.Combine(_root, "not-a-folder");
        File.WriteAllText(file, "x");
        string sources = Sources("optdigits", Plain(_server.Serve("tra", Train), "optdigits/optdigits-train.csv", Sha256(Train)));

        (int exitCode, string stdout, string stderr) = Fetch("optdigits", file, sources);

        AssertOneLineError(exitCode, stdout, stderr, $"cannot write into {file}");
        Assert.Equal("x", File.ReadAllText(file));
    }

    [Theory]
    [InlineData("movielens-small")]
    [InlineData("creditcard")]
    [InlineData("credit-default")]
    public void Datasets_no_publisher_serves_as_listed_exit_2_with_the_reason_and_write_nothing(string dataset)
    {
        string folder = Path.Combine(_root, "data");

        (int exitCode, string stdout, string stderr) = CliRunner.Run("data", "fetch", dataset, "--to", folder);

        AssertOneLineError(exitCode, stdout, stderr, "no download can match its SHA-256");
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void The_catalog_covers_every_dataset_of_data_README_with_its_files_and_sums()
    {
        Assert.Equal(KnownDataset.All.Select(d => d.Name), FetchCatalog.Names);
        foreach (FetchableDataset dataset in FetchCatalog.BuiltIn)
        {
            KnownDataset known = KnownDataset.All.Single(k => k.Name == dataset.Name);
            Assert.True(dataset.NotServed is not null || dataset.Files.Any(), $"{dataset.Name} has neither sources nor a reason");
            Assert.Equal(
                dataset.NotServed is null ? known.Files.Select(f => (f.RelativePath, f.Sha256)).Order() : [],
                dataset.Files.Select(f => (f.Path, f.Sha256)).Order());
            Assert.All(dataset.Sources, s => Assert.StartsWith("https://", s.Url, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void An_unknown_dataset_is_a_usage_error()
    {
        (int exitCode, string stdout, string stderr) = CliRunner.Run("data", "fetch", "mnist", "--to", Path.Combine(_root, "data"));

        AssertOneLineError(exitCode, stdout, stderr, "mnist");
    }

    private static (int ExitCode, string Stdout, string Stderr) Fetch(string dataset, string folder, string sources) =>
        CliRunner.Run("data", "fetch", dataset, "--to", folder, DataFetchCommand.SourcesOption, sources);

    private static void AssertOneLineError(int exitCode, string stdout, string stderr, string expected)
    {
        Assert.Equal(2, exitCode);
        string line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line);
        Assert.Contains(expected, line);
        Assert.DoesNotContain(Path.DirectorySeparatorChar + "optdigits-", stdout);
    }

    private string Sources(string dataset, params object[] sources)
    {
        string path = Path.Combine(_root, $"sources-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new Dictionary<string, object[]> { [dataset] = sources }));
        return path;
    }

    private static object Plain(string url, string path, string sha256) => new { url, files = new[] { new { path, sha256 } } };

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach ((string name, byte[] content) in entries)
            {
                using Stream stream = archive.CreateEntry(name).Open();
                stream.Write(content);
            }
        }
        return buffer.ToArray();
    }
}
