using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReferenceSolutions.Core.Output;

/// <summary>
/// The one JSON shape of the suite's outputs: camelCase names, indented, properties in declaration order, doubles in
/// shortest round-trip form. Same values give the same bytes. NaN and ±∞ are refused (a result is never silently NaN).
/// </summary>
public static class JsonOutput
{
    /// <summary>Options used for every results file and every <c>--json</c> print.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.Strict,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The JSON text of <paramref name="value"/>, ending in a newline.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options) + "\n";

    /// <summary>Writes <paramref name="value"/> to <paramref name="path"/> atomically.</summary>
    public static void Write<T>(string path, T value) => AtomicFile.WriteAllText(path, Serialize(value));
}
