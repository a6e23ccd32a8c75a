using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ReferenceSolutions.NotebookCheck;

/// <summary>
/// A Jupyter notebook (nbformat 4) as its JSON tree: <c>{"cells": [{"cell_type", "metadata", "source", "outputs",
/// "execution_count"}, …], "metadata", "nbformat", "nbformat_minor"}</c>, where <c>source</c> is one string or an array of
/// line strings and only code cells have <c>outputs</c>. Written back as the notebooks here are committed: two-space
/// indentation, non-ASCII characters as they are (not <c>\uXXXX</c>), a final newline.
/// </summary>
internal sealed class Notebook
{
    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private Notebook(string path, JsonObject root)
    {
        Path = path;
        Root = root;
    }

    /// <summary>The file it was read from, as given.</summary>
    public string Path { get; }

    /// <summary>The whole JSON tree.</summary>
    public JsonObject Root { get; }

    /// <summary>The code cells, in order, each with its index among all cells.</summary>
    public IReadOnlyList<CodeCell> CodeCells =>
        [.. Cells.Select((cell, index) => (cell: (JsonObject)cell!, index))
            .Where(c => c.cell["cell_type"]?.GetValue<string>() == "code")
            .Select(c => new CodeCell(c.index, c.cell))];

    private JsonArray Cells => Root["cells"] as JsonArray ?? throw new NotebookFormatException($"{Path}: has no \"cells\" array");

    /// <summary>Reads <paramref name="path"/>; a missing, unreadable or invalid file throws a <see cref="NotebookFormatException"/> naming it.</summary>
    public static Notebook Read(string path)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllBytes(path));
        }
        catch (FileNotFoundException)
        {
            throw new NotebookFormatException($"{path}: file not found");
        }
        catch (DirectoryNotFoundException)
        {
            throw new NotebookFormatException($"{path}: file not found");
        }
        catch (IOException e)
        {
            throw new NotebookFormatException($"{path}: cannot be read: {e.Message}");
        }
        catch (JsonException e)
        {
            throw new NotebookFormatException($"{path}: line {(e.LineNumber ?? 0) + 1}: is not valid JSON");
        }
        if (root is not JsonObject obj || obj["cells"] is not JsonArray cells)
        {
            throw new NotebookFormatException($"{path}: is not a notebook (no \"cells\" array)");
        }
        for (int i = 0; i < cells.Count; i++)
        {
            if (cells[i] is not JsonObject cell || cell["cell_type"] is not JsonValue)
            {
                throw new NotebookFormatException($"{path}: cell {i} has no \"cell_type\"");
            }
            if (cell["cell_type"]!.GetValue<string>() == "code" && cell["outputs"] is not JsonArray)
            {
                throw new NotebookFormatException($"{path}: code cell {i} has no \"outputs\" array");
            }
        }
        return new Notebook(path, obj);
    }

    /// <summary>The notebook as committed: indented JSON with a final newline.</summary>
    public string ToJson() => Root.ToJsonString(WriteOptions).ReplaceLineEndings("\n") + "\n";

    /// <summary>A string or an array of strings (nbformat's multi-line string), joined.</summary>
    public static string JoinedText(JsonNode? node) => node switch
    {
        null => "",
        JsonArray lines => string.Concat(lines.Select(JoinedText)),
        JsonValue value when value.TryGetValue(out string? text) => text,
        _ => node.ToJsonString(),
    };
}

/// <summary>One code cell: its index among all the notebook's cells and its JSON object.</summary>
internal sealed record CodeCell(int Index, JsonObject Json)
{
    /// <summary>The cell's code.</summary>
    public string Source => Notebook.JoinedText(Json["source"]);

    /// <summary>The cell's outputs as nbformat stores them.</summary>
    public JsonArray Outputs => (JsonArray)Json["outputs"]!;

    /// <summary>The first non-blank line of the code, to name the cell in a message.</summary>
    public string FirstLine => Source.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
}
