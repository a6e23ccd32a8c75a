using System.Text.Json.Nodes;

namespace ReferenceSolutions.NotebookCheck;

/// <summary>
/// Writes an executed notebook's outputs into the committed notebook: each code cell's <c>outputs</c> array is replaced
/// by the executed cell's, as dotnet-repl wrote it. Nothing else changes — the sources, the markdown cells, the cell and
/// notebook metadata and <c>execution_count</c> stay as committed, so dotnet-repl's per-cell execution times and its
/// rewritten notebook metadata never reach the repository. The executed copy must have the same code cells with the
/// same sources.
/// </summary>
internal static class NotebookUpdate
{
    /// <summary>The committed notebook with the executed outputs, as the JSON to write.</summary>
    public static string Apply(Notebook committed, Notebook executed)
    {
        IReadOnlyList<CodeCell> a = committed.CodeCells, b = executed.CodeCells;
        if (a.Count != b.Count)
        {
            throw new NotebookFormatException($"{executed.Path}: has {b.Count} code cells, {committed.Path} has {a.Count}");
        }
        for (int c = 0; c < a.Count; c++)
        {
            if (a[c].Source.ReplaceLineEndings("\n") != b[c].Source.ReplaceLineEndings("\n"))
            {
                throw new NotebookFormatException($"{executed.Path}: cell {b[c].Index} ({b[c].FirstLine}) has another source than cell {a[c].Index} of {committed.Path}");
            }
            a[c].Json["outputs"] = (JsonArray)b[c].Outputs.DeepClone();
        }
        return committed.ToJson();
    }
}
