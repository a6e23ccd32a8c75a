using System.Text.Json;

namespace ReferenceSolutions.Core.Data;

/// <summary>
/// The top-level object of a JSON file the user gave (a manifest, a saved model's artifact), or a
/// <see cref="DataFormatException"/> naming the file: missing, unreadable, not valid JSON (with the line), or valid JSON
/// that is not an object. What each field must hold is the reader's to check, naming the field.
/// </summary>
public static class JsonObjectFile
{
    /// <summary>The root object of <paramref name="path"/>, detached from the parsed document.</summary>
    public static JsonElement Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new DataFormatException(path, null, null, "file not found (a saved model's manifest.json lists every file the model needs)");
        }
        JsonElement root;
        try
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(path));
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new DataFormatException(path, e.LineNumber is long line ? (int)line + 1 : null, null, "is not valid JSON");
        }
        catch (IOException e)
        {
            throw new DataFormatException(path, null, null, $"cannot be read: {e.Message}");
        }
        return root.ValueKind == JsonValueKind.Object
            ? root
            : throw new DataFormatException(path, null, null, "is not a JSON object");
    }
}
