using System.Text.Json;
using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.Output;

namespace ReferenceSolutions.Core.Models;

/// <summary>
/// <c>models/&lt;name&gt;/manifest.json</c>, what every saved model carries: <c>{"name", "kind", "solution", "format",
/// "features": [input columns in order], "files": [artifact file names], "suiteVersion", "seed"}</c>. <see cref="Kind"/>
/// is a <see cref="Reporting.ModelKinds"/> value; <see cref="Format"/> names the artifact's documented layout (e.g.
/// <c>refsol-logreg</c>, <c>mlnet-zip</c>, <c>torch-module</c>); <see cref="Files"/> lists the artifacts in the same
/// folder (the manifest itself excluded). A model is loaded only by the suite version that saved it.
/// </summary>
public sealed record ModelManifest(
    string Name,
    string Kind,
    string Solution,
    string Format,
    IReadOnlyList<string> Features,
    IReadOnlyList<string> Files,
    string SuiteVersion,
    ulong Seed)
{
    /// <summary>The manifest's file name inside a model's folder.</summary>
    public const string FileName = "manifest.json";

    /// <summary>
    /// Reads and checks <paramref name="path"/>: valid JSON, every field present with its type, the suite version this
    /// build's (<see cref="Models.SuiteVersion.Current"/>), every listed file present beside it and inside the folder. A
    /// failure is a <see cref="DataFormatException"/> naming the file and the field.
    /// </summary>
    public static ModelManifest Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new DataFormatException(path, null, null, "file not found (not a saved model folder)");
        }
        JsonElement root = JsonObjectFile.Read(path);
        var manifest = new ModelManifest(
            Text(root, path, "name"),
            Text(root, path, "kind"),
            Text(root, path, "solution"),
            Text(root, path, "format"),
            Texts(root, path, "features"),
            Texts(root, path, "files"),
            Text(root, path, "suiteVersion"),
            SeedOf(root, path));
        if (manifest.SuiteVersion != Models.SuiteVersion.Current)
        {
            throw new DataFormatException(path, null, "'suiteVersion'", $"the model was saved by suite version '{Echo.Value(manifest.SuiteVersion)}'; this is {Models.SuiteVersion.Current}: run again with this version");
        }
        string folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        foreach (string file in manifest.Files)
        {
            if (file.Length == 0 || file != Path.GetFileName(file) || file is "." or ".." || file == FileName)
            {
                throw new DataFormatException(path, null, "'files'", $"'{Echo.Value(file)}' is not a file name in the model's folder");
            }
            if (!File.Exists(Path.Combine(folder, file)))
            {
                throw new DataFormatException(path, null, "'files'", $"'{Echo.Value(file)}' is listed but missing");
            }
        }
        return manifest;
    }

    /// <summary>
    /// This manifest's <see cref="Format"/> must be <paramref name="expected"/> (the loader's layout), else a
    /// <see cref="DataFormatException"/> naming <paramref name="path"/> and the field.
    /// </summary>
    public void RequireFormat(string path, string expected)
    {
        if (Format != expected)
        {
            throw new DataFormatException(path, null, "'format'", $"is '{Echo.Value(Format)}', expected '{Echo.Value(expected)}' for a {Kind} model of {Solution}");
        }
    }

    /// <summary>Writes the manifest to <paramref name="path"/> atomically, in the suite's JSON layout.</summary>
    public void Write(string path) => JsonOutput.Write(path, this);

    private static string Text(JsonElement root, string path, string field) =>
        root.TryGetProperty(field, out JsonElement value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new DataFormatException(path, null, $"'{field}'", "missing or not a non-empty string");

    private static string[] Texts(JsonElement root, string path, string field)
    {
        if (!root.TryGetProperty(field, out JsonElement value) || value.ValueKind != JsonValueKind.Array)
        {
            throw new DataFormatException(path, null, $"'{field}'", "missing or not an array of strings");
        }
        return [.. value.EnumerateArray().Select((e, i) => e.ValueKind == JsonValueKind.String
            ? e.GetString()!
            : throw new DataFormatException(path, null, $"'{field}'", $"entry {i + 1} is not a string"))];
    }

    private static ulong SeedOf(JsonElement root, string path) =>
        root.TryGetProperty("seed", out JsonElement value) && value.ValueKind == JsonValueKind.Number && value.TryGetUInt64(out ulong seed)
            ? seed
            : throw new DataFormatException(path, null, "'seed'", "missing or not a non-negative integer");
}
