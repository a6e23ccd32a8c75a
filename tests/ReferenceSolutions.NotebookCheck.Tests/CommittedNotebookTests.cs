using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ReferenceSolutions.NotebookCheck.Tests;

/// <summary>
/// The committed notebooks carry their outputs, and the comparison build/notebooks.sh runs in CI would notice a changed
/// number in them: the negative control, on the real files.
/// </summary>
public partial class CommittedNotebookTests
{
    public static TheoryData<string> Notebooks => [.. CommittedNotebooks.Paths.Select(p => Path.GetFileName(p))];

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Every_code_cell_that_shows_something_has_its_outputs_committed(string name)
    {
        var notebook = Notebook.Read(PathOf(name));
        var silent = notebook.CodeCells
            .Where(c => c.Outputs.Count == 0 && c.Source.Split('\n').Any(line => ShowsSomething().IsMatch(line) && !char.IsWhiteSpace(line.FirstOrDefault(' ')) && !Definition().IsMatch(line)))
            .Select(c => $"cell {c.Index} ({c.FirstLine})")
            .ToList();
        Assert.True(silent.Count == 0, $"{name}: no committed outputs in {string.Join(", ", silent)}: run build/notebooks.sh --update");
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Changing_any_one_printed_digit_fails_the_comparison_at_that_cell(string name)
    {
        var committed = Notebook.Read(PathOf(name));
        Assert.Empty(NotebookComparison.Compare(committed, Notebook.Read(PathOf(name))));

        int changed = 0;
        foreach (var cell in committed.CodeCells)
        {
            var executed = Notebook.Read(PathOf(name));
            var target = executed.CodeCells.Single(c => c.Index == cell.Index);
            if (!ChangeFirstDigit(target.Outputs))
            {
                continue;
            }
            var difference = Assert.Single(NotebookComparison.Compare(committed, executed));
            Assert.Equal(cell.Index, difference.Cell);
            changed++;
        }
        Assert.True(changed > 0, $"{name}: no output with a digit outside images and masked durations");
    }

    /// <summary>Increments the first digit of the first text output that is neither an embedded image nor a duration.</summary>
    private static bool ChangeFirstDigit(JsonArray outputs)
    {
        foreach (var output in outputs.OfType<JsonObject>())
        {
            var lines = output["text"] as JsonArray ?? (output["data"] as JsonObject)?["text/html"] as JsonArray;
            for (int i = 0; lines is not null && i < lines.Count; i++)
            {
                string line = lines[i]!.GetValue<string>();
                string masked = VolatileText.Mask(Regex.Replace(line, @"base64,[A-Za-z0-9+/=]+", m => new string('x', m.Length)));
                var digit = Regex.Match(masked, @"\d");
                if (digit.Success && masked.Length == line.Length)
                {
                    lines[i] = line[..digit.Index] + (char)('0' + ((line[digit.Index] - '0' + 1) % 10)) + line[(digit.Index + 1)..];
                    return true;
                }
            }
        }
        return false;
    }

    private static string PathOf(string name) => CommittedNotebooks.Paths.Single(p => Path.GetFileName(p) == name);

    /// <summary>A call that displays something; only top-level statements count (not indented, not a definition's body).</summary>
    [GeneratedRegex(@"\b(Console\.Write|Show(Table|Plot|Run|ScoreColumns)|display)\s*\(")]
    private static partial Regex ShowsSomething();

    /// <summary>A line that starts a method or local-function definition, e.g. <c>void ShowWorked(params Worked[] rows) =&gt; …</c>.</summary>
    [GeneratedRegex(@"^(static\s+|async\s+)*[\w<>\[\],?]+\s+\w+\s*\([^)]*\)\s*(=>|\{|$)")]
    private static partial Regex Definition();
}
