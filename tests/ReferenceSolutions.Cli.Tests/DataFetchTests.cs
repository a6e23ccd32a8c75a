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
/// corrupted response exits 2 with one line and leaves nothing behind; so do the hostile ones — an endless or oversized
/// body, a stalled or slow server, a redirect to another host, an archive entry larger than listed or lying about its
/// size — each within seconds; and a staging folder left by a killed fetch is removed by the next.
/// </summary>
public sealed class DataFetchTests : IDisposable
{
    private static readonly byte[] Train = Encoding.UTF8.GetBytes("0,1,2,3\n4,5,6,7\n");
    private static readonly byte[] Test = Encoding.UTF8.GetBytes("8,9,10,1\n");
    private static readonly string[] StoppedExtraction = ["holds more than its", "not a readable zip archive", "SHA-256 of movielens-small/ratings.csv is"];

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
                new { path = "movielens-small/ratings.csv", sha256 = Sha256(ratings), bytes = ratings.Length, member = "ml/ratings.csv" },
                new { path = "movielens-small/movies.csv", sha256 = Sha256(movies), bytes = movies.Length, member = "ml/movies.csv" },
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
            files = new[] { new { path = "movielens-small/movies.csv", sha256 = Sha256(Test), bytes = Test.Length, member = "ml/movies.csv" } },
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

    [Fact]
    public void An_endless_body_is_stopped_at_the_file_size_and_leaves_nothing()
    {
        string folder = Path.Combine(_root, "data");
        string sources = Sources("optdigits", Plain(_server.ServeEndless("tra"), "optdigits/optdigits-train.csv", Sha256(Train), bytes: 100_000));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        (int exitCode, string stdout, string stderr) = Fetch("optdigits", folder, sources);

        AssertOneLineError(exitCode, stdout, stderr, "sent more than the 100000 bytes this file can have");
        Assert.False(Directory.Exists(folder));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }

    [Fact]
    public void An_announced_length_above_the_file_size_is_refused_before_reading()
    {
        string folder = Path.Combine(_root, "data");
        string sources = Sources("optdigits", Plain(_server.ServeSlowly("tra", 1L << 40, TimeSpan.FromSeconds(1)), "optdigits/optdigits-train.csv", Sha256(Train)));

        (int exitCode, string stdout, string stderr) = Fetch("optdigits", folder, sources);

        AssertOneLineError(exitCode, stdout, stderr, $"announces {1L << 40} bytes, more than the {Train.Length}");
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void A_stalled_download_is_abandoned_after_the_stall_timeout()
    {
        string folder = Path.Combine(_root, "data");
        string sources = Sources("optdigits", Plain(_server.ServeSlowly("tra", Train.Length, TimeSpan.FromSeconds(3)), "optdigits/optdigits-train.csv", Sha256(Train)));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        (int exitCode, string stdout, string stderr) = Fetch("optdigits", folder, sources, "--stall-timeout", "1");

        AssertOneLineError(exitCode, stdout, stderr, "stalled: nothing arrived for 1 s");
        Assert.False(Directory.Exists(folder));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }

    [Fact]
    public void A_download_that_trickles_forever_ends_at_the_overall_timeout()
    {
        string folder = Path.Combine(_root, "data");
        string sources = Sources("optdigits", Plain(_server.ServeSlowly("tra", Train.Length, TimeSpan.FromMilliseconds(300)), "optdigits/optdigits-train.csv", Sha256(Train)));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        (int exitCode, string stdout, string stderr) = Fetch("optdigits", folder, sources, "--timeout", "2", "--stall-timeout", "10");

        AssertOneLineError(exitCode, stdout, stderr, "did not finish within 2 s");
        Assert.False(Directory.Exists(folder));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }

    [Fact]
    public void A_redirect_within_the_host_is_followed_and_one_to_another_host_is_refused()
    {
        string folder = Path.Combine(_root, "data");
        string target = _server.Serve("real-tra", Train);
        string sources = Sources("optdigits", Plain(_server.Redirect("tra", target), "optdigits/optdigits-train.csv", Sha256(Train)));
        Assert.Equal(0, Fetch("optdigits", folder, sources).ExitCode);
        Assert.Equal(Train, File.ReadAllBytes(Path.Combine(folder, "optdigits", "optdigits-train.csv")));

        string other = Path.Combine(_root, "other");
        string elsewhere = target.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
        string away = Sources("optdigits", Plain(_server.Redirect("away", elsewhere), "optdigits/optdigits-train.csv", Sha256(Train)));
        (int exitCode, string stdout, string stderr) = Fetch("optdigits", other, away);
        AssertOneLineError(exitCode, stdout, stderr, "another host; refused");
        Assert.False(Directory.Exists(other));
    }

    [Fact]
    public void An_archive_entry_larger_than_listed_is_refused_before_it_is_extracted()
    {
        string folder = Path.Combine(_root, "data");
        byte[] big = new byte[200_000];
        string sources = Sources("movielens-small", new
        {
            url = _server.Serve("ml.zip", Zip(("ml/ratings.csv", big))),
            files = new[] { new { path = "movielens-small/ratings.csv", sha256 = Sha256(Train), bytes = Train.Length, member = "ml/ratings.csv" } },
            maxBytes = 1_000_000,
        });

        (int exitCode, string stdout, string stderr) = Fetch("movielens-small", folder, sources);

        AssertOneLineError(exitCode, stdout, stderr, $"declares 200000 bytes, data/README.md lists {Train.Length}; refused before extracting");
        Assert.False(Directory.Exists(folder));
    }

    /// <summary>Whichever stops it first — our capped copy, .NET's own limit at the declared size, or the checksum — no more than the listed bytes are written.</summary>
    [Fact]
    public void An_archive_entry_that_lies_about_its_size_is_stopped_while_it_is_extracted()
    {
        string folder = Path.Combine(_root, "data");
        byte[] bomb = new byte[5_000_000];
        byte[] zip = WithDeclaredSize(Zip(("ml/ratings.csv", bomb)), Train.Length);
        string sources = Sources("movielens-small", new
        {
            url = _server.Serve("ml.zip", zip),
            files = new[] { new { path = "movielens-small/ratings.csv", sha256 = Sha256(Train), bytes = Train.Length, member = "ml/ratings.csv" } },
        });

        (int exitCode, string stdout, string stderr) = Fetch("movielens-small", folder, sources);

        Assert.Equal(2, exitCode);
        string line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.True(StoppedExtraction.Any(m => line.Contains(m, StringComparison.Ordinal)), line);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void A_staging_folder_left_by_a_killed_fetch_is_removed_by_the_next()
    {
        string folder = Path.Combine(_root, "data");
        string leftover = Path.Combine(folder, ".refsol-fetch-2147483646-0123456789abcdef");
        Directory.CreateDirectory(leftover);
        File.WriteAllText(Path.Combine(leftover, "download-0"), "half a file");
        string sources = Sources("optdigits", Plain(_server.Serve("tra", Train), "optdigits/optdigits-train.csv", Sha256(Train)));

        Assert.Equal(0, Fetch("optdigits", folder, sources).ExitCode);

        Assert.False(Directory.Exists(leftover));
        Assert.Equal(["optdigits"], Directory.GetFileSystemEntries(folder).Select(Path.GetFileName));
    }

    [Fact]
    public void A_sources_file_without_sizes_or_a_bad_timeout_is_a_usage_error()
    {
        string folder = Path.Combine(_root, "data");
        string unsized = Sources("optdigits", new { url = _server.Serve("tra", Train), files = new[] { new { path = "optdigits/optdigits-train.csv", sha256 = Sha256(Train) } } });
        (int exitCode, string stdout, string stderr) = Fetch("optdigits", folder, unsized);
        AssertOneLineError(exitCode, stdout, stderr, "needs its size in bytes");

        string sized = Sources("optdigits", Plain(_server.Serve("tra", Train), "optdigits/optdigits-train.csv", Sha256(Train)));
        (exitCode, stdout, stderr) = Fetch("optdigits", folder, sized, "--timeout", "0");
        AssertOneLineError(exitCode, stdout, stderr, "--timeout must be");
        Assert.False(Directory.Exists(folder));
    }

    private static (int ExitCode, string Stdout, string Stderr) Fetch(string dataset, string folder, string sources, params string[] extra) =>
        CliRunner.Run(["data", "fetch", dataset, "--to", folder, DataFetchCommand.SourcesOption, sources, .. extra]);

    /// <summary>The archive with its first entry's uncompressed size rewritten (local header and central directory) to <paramref name="size"/>.</summary>
    private static byte[] WithDeclaredSize(byte[] zip, int size)
    {
        byte[] patched = (byte[])zip.Clone();
        for (int i = 0; i + 4 <= patched.Length; i++)
        {
            uint signature = BitConverter.ToUInt32(patched, i);
            int offset = signature switch { 0x04034b50 => 22, 0x02014b50 => 24, _ => -1 };
            if (offset > 0)
            {
                BitConverter.GetBytes(size).CopyTo(patched, i + offset);
            }
        }
        return patched;
    }

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

    private static object Plain(string url, string path, string sha256, int? bytes = null) =>
        new { url, files = new[] { new { path, sha256, bytes = bytes ?? (path.EndsWith("test.csv", StringComparison.Ordinal) ? Test.Length : Train.Length) } } };

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
