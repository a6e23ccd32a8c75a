namespace ReferenceSolutions.NotebookCheck;

/// <summary>One way an executed notebook's outputs differ from the committed ones: where (cell, output) and how.</summary>
internal sealed record OutputDifference(int Cell, string CellFirstLine, string Where, string What)
{
    /// <inheritdoc/>
    public override string ToString() => $"cell {Cell} ({CellFirstLine}), {Where}: {What}";
}

/// <summary>
/// Compares every code cell's outputs of an executed notebook with the committed notebook's, item by item
/// (<see cref="OutputItem.Of"/>): texts exactly after <see cref="VolatileText.Mask"/>, images by
/// <see cref="ImageComparison"/>. The code cells must be the same cells with the same source (the executed copy was
/// made from the committed file); a different cell count or source is reported as such, not compared.
/// </summary>
internal static class NotebookComparison
{
    /// <summary>Every difference, in cell order; empty when the outputs match.</summary>
    public static IReadOnlyList<OutputDifference> Compare(Notebook committed, Notebook executed)
    {
        var differences = new List<OutputDifference>();
        IReadOnlyList<CodeCell> a = committed.CodeCells, b = executed.CodeCells;
        if (a.Count != b.Count)
        {
            return [new OutputDifference(0, "", "code cells", $"{a.Count} committed, {b.Count} executed: run build/notebooks.sh --update")];
        }
        for (int c = 0; c < a.Count; c++)
        {
            if (a[c].Source.ReplaceLineEndings("\n") != b[c].Source.ReplaceLineEndings("\n"))
            {
                differences.Add(new OutputDifference(a[c].Index, a[c].FirstLine, "source", "the executed copy has another source in this cell"));
                continue;
            }
            IReadOnlyList<OutputItem> before, after;
            try
            {
                (before, after) = (OutputItem.Of(a[c].Outputs), OutputItem.Of(b[c].Outputs));
            }
            catch (Exception e) when (e is NotebookFormatException or FormatException)
            {
                differences.Add(new OutputDifference(a[c].Index, a[c].FirstLine, "outputs", $"cannot be read: {e.Message}"));
                continue;
            }
            for (int i = 0; i < Math.Max(before.Count, after.Count); i++)
            {
                if (i >= before.Count || i >= after.Count || before[i].Label != after[i].Label)
                {
                    string Items(IReadOnlyList<OutputItem> items) => items.Count == 0 ? "none" : string.Join("; ", items.Skip(i).Take(3).Select(o => o.Label)) + (items.Count > i + 3 ? "; …" : "");
                    differences.Add(new OutputDifference(a[c].Index, a[c].FirstLine, $"output item {i + 1}",
                        $"the outputs differ in number or kind ({before.Count} items committed, {after.Count} executed)\n  committed from here: {(i < before.Count ? Items(before) : "none")}\n  executed from here:  {(i < after.Count ? Items(after) : "none")}"));
                    break;
                }
                string? what = before[i].Image is { } image
                    ? ImageComparison.Difference(image, after[i].Image!)
                    : TextDiff.FirstDifference(VolatileText.Mask(before[i].Text!), VolatileText.Mask(after[i].Text!));
                if (what is not null)
                {
                    differences.Add(new OutputDifference(a[c].Index, a[c].FirstLine, before[i].Label, what));
                }
            }
        }
        return differences;
    }
}
