using System.Text.Json;
using System.Text.Json.Nodes;
using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Output;

namespace ReferenceSolutions.FraudDetection.Models;

/// <summary>
/// A saved model's JSON artifact, read field by field: every getter checks presence, type, length and finiteness and
/// throws a <see cref="DataFormatException"/> naming the file and the field (<c>'prior.beta'</c>, <c>'mean'</c> entry 3).
/// Writing goes through <see cref="JsonOutput"/>, whose doubles are in shortest round-trip form, so every number
/// reads back bit for bit.
/// </summary>
internal sealed class SavedJson
{
    private readonly JsonElement _root;
    private readonly string _prefix;

    private SavedJson(string path, JsonElement root, string prefix)
    {
        Path = path;
        _root = root;
        _prefix = prefix;
    }

    /// <summary>The file read.</summary>
    public string Path { get; }

    /// <summary>Reads <paramref name="path"/> and checks its <c>format</c> is <paramref name="format"/> and its <c>version</c> <see cref="FraudModelFormats.Version"/>.</summary>
    public static SavedJson Open(string path, string format)
    {
        JsonElement root = JsonObjectFile.Read(path);
        var json = new SavedJson(path, root, "");
        string found = json.Text("format");
        if (found != format)
        {
            throw json.Error("format", $"is '{Echo.Value(found)}', expected '{format}'");
        }
        int version = json.Integer("version");
        if (version != FraudModelFormats.Version)
        {
            throw json.Error("version", $"is {version}; this build reads version {FraudModelFormats.Version}");
        }
        return json;
    }

    /// <summary>Writes <paramref name="json"/> to <paramref name="path"/> atomically.</summary>
    public static void Write(string path, JsonObject json) => JsonOutput.Write(path, json);

    /// <summary>A JSON array of the numbers.</summary>
    public static JsonArray Array(IEnumerable<double> values) => [.. values.Select(v => (JsonNode?)JsonValue.Create(v))];

    /// <summary>A JSON array of arrays, one per row of <paramref name="m"/>.</summary>
    public static JsonArray Rows(Matrix m) => [.. Enumerable.Range(0, m.Rows).Select(i => (JsonNode?)Array(m.Row(i).ToArray()))];

    /// <summary>A DataFormatException naming the file and <paramref name="field"/>.</summary>
    public DataFormatException Error(string field, string what) => new(Path, null, $"'{_prefix}{field}'", what);

    /// <summary>The non-empty string <paramref name="field"/>.</summary>
    public string Text(string field) => Get(field).ValueKind == JsonValueKind.String && Get(field).GetString() is { Length: > 0 } text
        ? text
        : throw Error(field, "missing or not a non-empty string");

    /// <summary>A string, or null when the field is JSON null.</summary>
    public string? OptionalText(string field) => Get(field).ValueKind == JsonValueKind.Null ? null : Text(field);

    /// <summary>The 32-bit integer <paramref name="field"/>.</summary>
    public int Integer(string field) => Get(field).ValueKind == JsonValueKind.Number && Get(field).TryGetInt32(out int value)
        ? value
        : throw Error(field, "missing or not an integer");

    /// <summary>The finite number <paramref name="field"/>.</summary>
    public double Number(string field) => Finite(Get(field), field, null);

    /// <summary>An array of <paramref name="length"/> finite numbers (any length when null).</summary>
    public double[] Numbers(string field, int? length = null) => Numbers(Get(field), field, length);

    /// <summary>The array of non-empty strings <paramref name="field"/>.</summary>
    public string[] Texts(string field)
    {
        JsonElement value = Get(field);
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Error(field, "missing or not an array of strings");
        }
        return [.. value.EnumerateArray().Select((e, i) => e.ValueKind == JsonValueKind.String && e.GetString() is { Length: > 0 } text
            ? text
            : throw Error(field, $"entry {i + 1} is not a non-empty string"))];
    }

    /// <summary>A <paramref name="rows"/>×<paramref name="columns"/> matrix stored as an array of row arrays.</summary>
    public Matrix Matrix(string field, int rows, int columns)
    {
        JsonElement value = Get(field);
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() != rows)
        {
            throw Error(field, $"missing or not an array of {rows} rows");
        }
        var m = new Matrix(rows, columns);
        int i = 0;
        foreach (JsonElement row in value.EnumerateArray())
        {
            Numbers(row, $"{field}[{i}]", columns).CopyTo(m.Row(i));
            i++;
        }
        return m;
    }

    /// <summary>The object <paramref name="field"/>, or null when it is JSON null.</summary>
    public SavedJson? OptionalObject(string field)
    {
        JsonElement value = Get(field);
        return value.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.Object => new SavedJson(Path, value, $"{_prefix}{field}."),
            _ => throw Error(field, "missing or not an object (or null)"),
        };
    }

    /// <summary>The objects of the array <paramref name="field"/>.</summary>
    public SavedJson[] Objects(string field)
    {
        JsonElement value = Get(field);
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Error(field, "missing or not an array of objects");
        }
        return [.. value.EnumerateArray().Select((e, i) => e.ValueKind == JsonValueKind.Object
            ? new SavedJson(Path, e, $"{_prefix}{field}[{i}].")
            : throw Error(field, $"entry {i + 1} is not an object"))];
    }

    private JsonElement Get(string field) =>
        _root.TryGetProperty(field, out JsonElement value) ? value : throw Error(field, "missing");

    private double[] Numbers(JsonElement value, string field, int? length)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Error(field, "missing or not an array of numbers");
        }
        if (length is int n && value.GetArrayLength() != n)
        {
            throw Error(field, $"has {value.GetArrayLength()} entries, expected {n}");
        }
        return [.. value.EnumerateArray().Select((e, i) => Finite(e, field, i))];
    }

    private double Finite(JsonElement value, string field, int? index) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out double number) && double.IsFinite(number)
            ? number
            : throw Error(field, index is int i ? $"entry {i + 1} is not a finite number" : "missing or not a finite number");
}
