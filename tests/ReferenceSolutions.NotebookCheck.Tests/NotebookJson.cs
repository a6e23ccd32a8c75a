using System.Text.Json.Nodes;

namespace ReferenceSolutions.NotebookCheck.Tests;

/// <summary>Small notebooks built in memory: a markdown cell, then one code cell per outputs array given.</summary>
internal static class NotebookJson
{
    /// <summary>A notebook whose code cell i has source <c>cell i</c> and the outputs <paramref name="outputs"/>[i].</summary>
    public static Notebook With(params JsonArray[] outputs)
    {
        var cells = new JsonArray { new JsonObject { ["cell_type"] = "markdown", ["metadata"] = new JsonObject(), ["source"] = "# title\n" } };
        for (int i = 0; i < outputs.Length; i++)
        {
            cells.Add(new JsonObject
            {
                ["cell_type"] = "code",
                ["execution_count"] = null,
                ["metadata"] = new JsonObject(),
                ["outputs"] = outputs[i],
                ["source"] = new JsonArray($"// cell {i}\n", "Console.WriteLine(1);\n"),
            });
        }
        return Parse(new JsonObject { ["cells"] = cells, ["metadata"] = new JsonObject(), ["nbformat"] = 4, ["nbformat_minor"] = 5 }.ToJsonString());
    }

    /// <summary>A <c>stream</c> output of stdout holding <paramref name="lines"/>.</summary>
    public static JsonObject Stream(params string[] lines) =>
        new() { ["name"] = "stdout", ["output_type"] = "stream", ["text"] = new JsonArray([.. lines.Select(l => (JsonNode)JsonValue.Create(l))]) };

    /// <summary>A <c>display_data</c> output with one <c>text/html</c> string.</summary>
    public static JsonObject Html(string html) =>
        new() { ["data"] = new JsonObject { ["text/html"] = new JsonArray(html) }, ["metadata"] = new JsonObject(), ["output_type"] = "display_data" };

    /// <summary>Outputs as a JSON array.</summary>
    public static JsonArray Outputs(params JsonObject[] outputs) => [.. outputs];

    /// <summary>Parses notebook JSON through the file reader (a temporary file, deleted).</summary>
    public static Notebook Parse(string json)
    {
        string path = Path.Combine(Path.GetTempPath(), $"notebook-check-{Guid.NewGuid():N}.ipynb");
        try
        {
            File.WriteAllText(path, json);
            return Notebook.Read(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
