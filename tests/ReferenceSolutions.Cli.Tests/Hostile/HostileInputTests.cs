using System.Text;

namespace ReferenceSolutions.Cli.Tests.Hostile;

/// <summary>
/// Hostile input against every command that reads a file or writes a folder, each run as a child process: the exit
/// code is 1 (with metrics.json) or 2 (one line, naming the path), never 3; no stack trace; no new or changed file in
/// <c>--out</c>; under 60 s and 2 GB peak RSS.
/// </summary>
public sealed class HostileInputTests() : HostileTest("refsol-hostile-")
{
    [Fact]
    public void A_repeated_label_column_is_refused_naming_it_instead_of_leaking_the_label()
    {
        string data = Write("dup.csv", "Time,V1,Class,Amount,Class\n1,0.5,0,3,0\n2,0.1,1,4,1\n");
        ChildRefsol.Outcome outcome = Refsol("run", "fraud", "--data", data, "--out", Out());
        AssertInputError(outcome, $"{data}:1: column 'Class': the header names this column twice");
    }

    [Theory]
    [InlineData("nul.csv", new byte[] { 0x61, 0x2C, 0x62, 0x0A, 0x31, 0x2C, 0x00, 0x0A }, ":2: holds a NUL byte")]
    [InlineData("latin1.csv", new byte[] { 0x61, 0x2C, 0x62, 0x0A, 0x0A, 0x31, 0x2C, 0xE9, 0x0A }, ":3: byte 0xE9 is not valid UTF-8")]
    [InlineData("quote.csv", new byte[] { 0x61, 0x2C, 0x62, 0x0A, 0x31, 0x2C, 0x22, 0x32, 0x0A, 0x33, 0x2C, 0x34, 0x0A }, ":2: a quoted field opened on this line is never closed")]
    public void Bytes_that_are_not_CSV_text_name_their_line(string name, byte[] content, string expected)
    {
        string path = Path.Combine(Folder, name);
        File.WriteAllBytes(path, content);
        AssertInputError(Refsol("verify", "svd", "--input", path), path + expected);
    }

    [Fact]
    public void A_huge_field_with_a_newline_gives_one_short_line()
    {
        string path = Write("huge.csv", $"label,score\n1,\"{new string('7', 20_000_000)}\nx\"\n0,0.5\n");
        ChildRefsol.Outcome outcome = Refsol("verify", "metrics", "--input", path);
        AssertInputError(outcome, $"{path}:2: column 'score':");
        Assert.True(outcome.Stderr.Length < 300, outcome.ToString());
    }

    [Theory]
    [InlineData("run", "fraud")]
    [InlineData("run", "all")]
    [InlineData("data", "generate", "fraud")]
    public void An_out_that_is_a_file_empty_or_unwritable_is_an_input_error(params string[] command)
    {
        string file = Write("a-file", "keep me");
        AssertInputError(Refsol([.. command, "--out", file]), $"--out {file}: is a file");
        Assert.Equal("keep me", File.ReadAllText(file));
        AssertInputError(Refsol([.. command, "--out", ""]), "--out: the folder name is empty");
        AssertInputError(Refsol([.. command, "--out", "/proc/refsol-hostile"]), "--out /proc/refsol-hostile: cannot");
    }

    [Fact]
    public void A_non_empty_out_is_refused_untouched_and_force_replaces_it_only_when_the_run_completes()
    {
        string folder = Out();
        Directory.CreateDirectory(folder);
        Write(Path.Combine(folder, "metrics.json"), "{\"an\": \"older run\"}");
        Write(Path.Combine(folder, "stale.png"), "old plot");

        AssertInputError(Refsol("run", "fraud", "--out", folder), "the folder exists and is not empty");
        AssertInputError(Refsol("run", "fraud", "--data", Path.Combine(Folder, "missing.csv"), "--out", folder, "--force"), "missing.csv: file not found");
        Assert.Equal(["metrics.json", "stale.png"], Directory.GetFileSystemEntries(folder).Select(Path.GetFileName).Order());
        Assert.Equal("{\"an\": \"older run\"}", File.ReadAllText(Path.Combine(folder, "metrics.json")));
        Assert.DoesNotContain(Directory.GetFileSystemEntries(Folder).Select(Path.GetFileName), name => name!.StartsWith('.'));
    }

    [Fact]
    public void Data_generate_into_a_non_empty_folder_is_refused_untouched_and_force_replaces_it_whole()
    {
        string folder = Out();
        Directory.CreateDirectory(folder);
        Write(Path.Combine(folder, "ratings.csv"), "older data");

        AssertInputError(Refsol("data", "generate", "recommender", "--out", folder), "the folder exists and is not empty");
        Assert.Equal("older data", File.ReadAllText(Path.Combine(folder, "ratings.csv")));

        ChildRefsol.Outcome forced = Refsol("data", "generate", "fraud", "--out", folder, "--force");
        Assert.Equal(0, forced.ExitCode);
        string[] files = [.. Directory.GetFileSystemEntries(folder).Order()];
        Assert.Equal(files, forced.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order());
        Assert.DoesNotContain(Path.Combine(folder, "ratings.csv"), files);
        Assert.DoesNotContain(Directory.GetFileSystemEntries(Folder).Select(Path.GetFileName), name => name!.StartsWith('.'));
    }

    [Fact]
    public void A_run_that_fails_on_its_input_leaves_no_folder_and_no_staging()
    {
        string folder = Path.Combine(Folder, "deep", "new", "run");
        AssertInputError(Refsol("run", "recommender", "--ratings", Path.Combine(Folder, "none.csv"), "--out", folder), "none.csv: file not found");
        Assert.False(Directory.Exists(Path.Combine(Folder, "deep")));
        Assert.Empty(Directory.GetFileSystemEntries(Folder));
    }

    [Fact]
    public void An_input_that_is_a_folder_or_in_a_missing_folder_is_named()
    {
        AssertInputError(Refsol("verify", "svd", "--input", Folder), $"{Folder}: is a directory");
        string missing = Path.Combine(Folder, "no", "such", "file.csv");
        AssertInputError(Refsol("verify", "pca", "--input", missing, "--components", "1"), $"{missing}: file not found");
    }
}
