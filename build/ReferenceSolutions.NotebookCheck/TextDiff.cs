namespace ReferenceSolutions.NotebookCheck;

/// <summary>
/// Where two texts first differ, as a reader wants to see it: the line number and both lines, cut to a window of
/// <see cref="Window"/> characters around the first differing column, with a caret under it. HTML is broken into lines
/// after every <c>&lt;/tr&gt;</c>, <c>&lt;/p&gt;</c> and <c>&lt;br&gt;</c> first, so that a table reads row by row.
/// </summary>
internal static class TextDiff
{
    /// <summary>The most characters of a line shown.</summary>
    public const int Window = 120;

    private static readonly string[] LineEnds = ["</tr>", "</p>", "<br>", "<br/>", "</thead>"];

    /// <summary>The lines of <paramref name="text"/> as <see cref="FirstDifference"/> numbers them.</summary>
    public static string[] Lines(string text)
    {
        foreach (string end in LineEnds)
        {
            text = text.Replace(end, end + "\n", StringComparison.Ordinal);
        }
        return text.Split('\n');
    }

    /// <summary>
    /// Null when <paramref name="committed"/> equals <paramref name="executed"/>; otherwise
    /// <c>line L, column C:</c> and the two lines labelled <c>committed:</c> and <c>executed:</c>, a missing line shown as
    /// <c>&lt;no line&gt;</c>.
    /// </summary>
    public static string? FirstDifference(string committed, string executed)
    {
        if (committed == executed)
        {
            return null;
        }
        string[] a = Lines(committed), b = Lines(executed);
        int line = 0;
        while (line < a.Length && line < b.Length && a[line] == b[line])
        {
            line++;
        }
        string left = line < a.Length ? a[line] : "", right = line < b.Length ? b[line] : "";
        int column = 0;
        while (column < left.Length && column < right.Length && left[column] == right[column])
        {
            column++;
        }
        int start = Math.Max(0, column - (Window / 3));
        string Cut(string s, bool exists) => !exists ? "<no line>"
            : (start > 0 ? "…" : "") + s[Math.Min(start, s.Length)..Math.Min(s.Length, start + Window)] + (s.Length > start + Window ? "…" : "");
        int caret = column - start + (start > 0 ? 1 : 0);
        return $"line {line + 1}, column {column + 1}:\n"
            + $"  committed: {Cut(left, line < a.Length)}\n"
            + $"  executed:  {Cut(right, line < b.Length)}\n"
            + $"             {new string(' ', caret)}^";
    }
}
