using System.Globalization;
using System.Text.Json;
using ReferenceSolutions.Core.Data;
using ReferenceSolutions.NeuralNet.Data;

namespace ReferenceSolutions.NeuralNet.Models;

/// <summary>
/// Reading the small JSON side files of the saved models (<see cref="TorchModelFile"/>, <see cref="MLNetModelFile"/>):
/// every missing or mistyped field is a <see cref="DataFormatException"/> naming the file and the field.
/// </summary>
internal static class JsonFields
{
    /// <summary>The root object of <paramref name="path"/>, whose <c>format</c> must be <paramref name="format"/> and <c>version</c> 1..<paramref name="version"/>.</summary>
    public static JsonElement Root(string path, string format, int version)
    {
        JsonElement root = JsonObjectFile.Read(path);
        string found = Text(root, path, "format");
        if (found != format)
        {
            throw new DataFormatException(path, null, "'format'", $"is '{Echo.Value(found)}', expected '{format}'");
        }
        int v = Integer(root, path, "version", 1, int.MaxValue);
        if (v > version)
        {
            throw new DataFormatException(path, null, "'version'", $"{v} is not supported (this build reads 1..{version})");
        }
        return root;
    }

    /// <summary>The property <paramref name="field"/>'s last dotted part of <paramref name="e"/>, which must be of <paramref name="kind"/>.</summary>
    public static JsonElement Field(JsonElement e, string path, string field, JsonValueKind kind) =>
        e.TryGetProperty(field.Split('.')[^1], out JsonElement value) && value.ValueKind == kind
            ? value
            : throw new DataFormatException(path, null, $"'{field}'", $"missing or not a JSON {kind.ToString().ToLowerInvariant()}");

    public static string Text(JsonElement e, string path, string field) =>
        Field(e, path, field, JsonValueKind.String).GetString() is { Length: > 0 } text
            ? text
            : throw new DataFormatException(path, null, $"'{field}'", "is empty");

    public static int Integer(JsonElement e, string path, string field, int min, int max) =>
        Field(e, path, field, JsonValueKind.Number).TryGetInt32(out int value) && value >= min && value <= max
            ? value
            : throw new DataFormatException(path, null, $"'{field}'", string.Create(CultureInfo.InvariantCulture, $"expected an integer in {min}..{max}"));

    /// <summary><c>"inputScaling": {"mean": μ, "scale": σ}</c>, μ finite and σ finite and &gt; 0.</summary>
    public static InputScaling Scaling(JsonElement e, string path)
    {
        JsonElement s = Field(e, path, "inputScaling", JsonValueKind.Object);
        double mean = Field(s, path, "inputScaling.mean", JsonValueKind.Number) is var m && m.TryGetDouble(out double mu) && double.IsFinite(mu)
            ? mu
            : throw new DataFormatException(path, null, "'inputScaling.mean'", "expected a finite number");
        double scale = Field(s, path, "inputScaling.scale", JsonValueKind.Number) is var v && v.TryGetDouble(out double sigma) && double.IsFinite(sigma) && sigma > 0
            ? sigma
            : throw new DataFormatException(path, null, "'inputScaling.scale'", "expected a finite number > 0");
        return new InputScaling(mean, scale);
    }
}
