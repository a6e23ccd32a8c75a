using System.Text.RegularExpressions;

namespace ReferenceSolutions.NotebookCheck;

/// <summary>
/// The only parts of a notebook's text outputs that may change from one execution to the next, each replaced by a
/// placeholder before two outputs are compared. Everything else — every number a cell prints — must come back
/// character for character. (dotnet-repl's other volatile parts, the cells' <c>execution_count</c> and
/// <c>dotnet_repl_cellExecutionStartTime</c>/<c>EndTime</c> metadata, are not outputs: they are never compared, and
/// <see cref="NotebookUpdate"/> does not copy them into the committed notebook.)
/// </summary>
internal static partial class VolatileText
{
    /// <summary>The placeholder of a duration.</summary>
    public const string Duration = "<duration>";

    /// <summary>The placeholder of a path under the temporary folder.</summary>
    public const string TemporaryPath = "<temp path>";

    /// <summary>
    /// <paramref name="text"/> with (1) every duration — a number followed by a unit of time, <c>ns</c>, <c>µs</c>,
    /// <c>us</c>, <c>ms</c> or <c>s</c> (e.g. "in 16.7 s", "(12 ms)") — replaced by <see cref="Duration"/>: wall-clock
    /// time depends on the machine and its load; (2) every absolute path under a temporary folder (<c>/tmp/…</c>,
    /// <c>/var/tmp/…</c>, macOS's <c>/var/folders/…/T/…</c>, a Windows <c>…\Temp\…</c>, or this process's
    /// <see cref="Path.GetTempPath"/>) replaced by <see cref="TemporaryPath"/>: a fresh temporary folder gets a random name.
    /// </summary>
    public static string Mask(string text)
    {
        string masked = DurationPattern().Replace(text, Duration);
        string temp = Path.GetTempPath().TrimEnd('/', '\\');
        if (temp.Length > 1)
        {
            masked = Regex.Replace(masked, Regex.Escape(temp) + @"[/\\][^\s""'<>]*", TemporaryPath, RegexOptions.CultureInvariant);
        }
        return TemporaryPathPattern().Replace(masked, TemporaryPath);
    }

    [GeneratedRegex(@"(?<![\w.,])\d[\d,]*(?:\.\d+)? ?(?:ns|µs|us|ms|s)(?!\w)", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"(?:(?<![\w.])/(?:tmp|var/tmp|(?:private/)?var/folders/[^\s/""'<>]+/[^\s/""'<>]+/T)|\b[A-Za-z]:\\(?:[^\s\\""'<>]+\\)*?Temp)[/\\][^\s""'<>]*", RegexOptions.CultureInvariant)]
    private static partial Regex TemporaryPathPattern();
}
