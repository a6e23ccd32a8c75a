using System.Text;

namespace ReferenceSolutions.Cli.Tests.Hostile;

/// <summary>
/// What every hostile-input test shares: a temporary folder for its crafted files and output, and <c>refsol</c> run as
/// a child process (<see cref="ChildRefsol"/>) under the bounds the README promises — an exit code of 0, 1 or 2 (never
/// 3), no stack trace, under <see cref="Limit"/> and <see cref="PeakLimit"/> peak RSS.
/// </summary>
public abstract class HostileTest : IDisposable
{
    /// <summary>The longest a hostile input may keep a command busy.</summary>
    protected static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    /// <summary>The most resident memory a command may reach on an input of at most 5 MB (2 GB).</summary>
    protected const long PeakLimit = 2L << 30;

    /// <summary>Creates the test's folder, named after <paramref name="prefix"/>.</summary>
    protected HostileTest(string prefix) => Folder = Directory.CreateTempSubdirectory(prefix).FullName;

    /// <summary>The test's temporary folder (deleted with the test).</summary>
    protected string Folder { get; }

    /// <inheritdoc/>
    public void Dispose()
    {
        Directory.Delete(Folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Runs <c>refsol <paramref name="args"/></c> and asserts the bounds every command keeps.</summary>
    private protected static ChildRefsol.Outcome Refsol(params string[] args)
    {
        ChildRefsol.Outcome outcome = ChildRefsol.Run(Limit, args);
        string command = $"refsol {string.Join(' ', args.Select(a => a.Length > 200 ? a[..200] + "…" : a))}";
        Assert.True(outcome.ExitCode is 0 or 1 or 2, $"{command}: {outcome}");
        Assert.True(outcome.PeakBytes < PeakLimit, $"{command}: {outcome}");
        Assert.DoesNotContain("   at ", outcome.Stderr, StringComparison.Ordinal);
        return outcome;
    }

    /// <summary>Exit 2 with exactly one line on stderr, <c>error: …</c>, that contains <paramref name="expected"/>.</summary>
    private protected static void AssertInputError(ChildRefsol.Outcome outcome, string expected)
    {
        Assert.True(outcome.ExitCode == 2, outcome.ToString());
        string line = Assert.Single(outcome.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    /// <summary>An output folder path inside <see cref="Folder"/> (not created).</summary>
    protected string Out(string name = "out") => Path.Combine(Folder, name);

    /// <summary>Writes <paramref name="content"/> as UTF-8 without BOM to <paramref name="name"/> in <see cref="Folder"/>; returns its path.</summary>
    protected string Write(string name, string content)
    {
        string path = Path.Combine(Folder, name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }
}
