using System.Text.Json;
using ReferenceSolutions.Core.Data;

namespace ReferenceSolutions.Recommender.Models;

/// <summary>
/// Reading one saved model's JSON: every field checked for presence and type, each failure a
/// <see cref="DataFormatException"/> naming the file and the field.
/// </summary>
internal sealed class ModelJson
{
    private ModelJson(string path, JsonElement root)
    {
        Path = path;
        Root = root;
    }

    /// <summary>The file read.</summary>
    public string Path { get; }

    /// <summary>Its top-level object.</summary>
    public JsonElement Root { get; }

    /// <summary>Parses <paramref name="path"/>, which must hold a JSON object.</summary>
    public static ModelJson Read(string path) => new(path, JsonObjectFile.Read(path));

    /// <summary>Whether <paramref name="field"/> is present and not null.</summary>
    public bool Has(string field) => Root.TryGetProperty(field, out JsonElement value) && value.ValueKind != JsonValueKind.Null;

    /// <summary>A finite number.</summary>
    public double Number(string field) => Number(Get(field), field);

    /// <summary>An integer in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public int Integer(string field, int min, int max = int.MaxValue)
    {
        JsonElement value = Get(field);
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int n) && n >= min && n <= max
            ? n
            : throw Error(field, $"is not an integer in {min}..{max}");
    }

    /// <summary>A non-empty string.</summary>
    public string Text(string field)
    {
        JsonElement value = Get(field);
        return value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : throw Error(field, "is not a non-empty string");
    }

    /// <summary>An array of exactly <paramref name="count"/> finite numbers.</summary>
    public double[] Numbers(string field, int count)
    {
        JsonElement value = Array(field, count);
        return [.. value.EnumerateArray().Select((e, t) => Number(e, $"{field}[{t}]"))];
    }

    /// <summary>An array of exactly <paramref name="count"/> distinct 64-bit integer ids.</summary>
    public long[] Ids(string field, int count)
    {
        JsonElement value = Array(field, count);
        long[] ids = [.. value.EnumerateArray().Select((e, t) => e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out long id)
            ? id
            : throw Error($"{field}[{t}]", "is not a 64-bit integer id"))];
        var seen = new HashSet<long>();
        for (int t = 0; t < ids.Length; t++)
        {
            if (!seen.Add(ids[t]))
            {
                throw Error($"{field}[{t}]", $"repeats id {ids[t]}");
            }
        }
        return ids;
    }

    /// <summary>A nested object, read the same way.</summary>
    public ModelJson Object(string field)
    {
        JsonElement value = Get(field);
        return value.ValueKind == JsonValueKind.Object ? new ModelJson(Path, value) : throw Error(field, "is not an object");
    }

    /// <summary>A file name beside the JSON (no folder part), as a full path; the file must exist.</summary>
    public string File(string field)
    {
        string name = Text(field);
        if (name != System.IO.Path.GetFileName(name) || name is "." or "..")
        {
            throw Error(field, $"'{Echo.Value(name)}' is not a file name in the model's folder");
        }
        string full = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!, name);
        return System.IO.File.Exists(full) ? full : throw Error(field, $"'{Echo.Value(name)}' is missing");
    }

    /// <summary>The error for <paramref name="field"/> of this file.</summary>
    public DataFormatException Error(string field, string what) => new(Path, null, $"'{field}'", what);

    private JsonElement Get(string field) =>
        Root.TryGetProperty(field, out JsonElement value) ? value : throw Error(field, "is missing");

    private JsonElement Array(string field, int count)
    {
        JsonElement value = Get(field);
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Error(field, "is not an array");
        }
        int length = value.GetArrayLength();
        return length == count ? value : throw Error(field, $"has {length} entries, expected {count}");
    }

    private double Number(JsonElement value, string field) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out double x) && double.IsFinite(x) ? x : throw Error(field, "is not a finite number");
}
