using System.Text.Json;
using ReferenceSolutions.Core.Data;

namespace ReferenceSolutions.FraudDetection.Onnx;

/// <summary>
/// The saved from-scratch logistic regression, format <c>refsol-logreg</c>: <c>{"features": [d names], "mean": [d],
/// "scale": [d], "intercept": b, "coefficients": [d], "prior": {"beta": β} | null, "thresholds": {…}}</c>. The
/// probability of a raw row x is σ(b + Σⱼ wⱼ·(xⱼ − μⱼ)/sⱼ), then β·p/(β·p − p + 1) when a prior is present.
/// <c>thresholds</c> does not enter the probability and is not read here.
/// </summary>
public sealed record SavedLogisticRegression(
    IReadOnlyList<string> Features,
    double[] Mean,
    double[] Scale,
    double Intercept,
    double[] Coefficients,
    double? PriorBeta)
{
    /// <summary>The manifest's <c>format</c> for this layout.</summary>
    public const string Format = "refsol-logreg";

    /// <summary>Reads and checks <paramref name="path"/>; every error is a <see cref="DataFormatException"/> naming the file and field.</summary>
    public static SavedLogisticRegression Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
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
        catch (FileNotFoundException)
        {
            throw new DataFormatException(path, null, null, "file not found");
        }
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new DataFormatException(path, null, null, "is not a JSON object");
        }
        if (!root.TryGetProperty("features", out JsonElement names) || names.ValueKind != JsonValueKind.Array || names.GetArrayLength() == 0
            || names.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
        {
            throw new DataFormatException(path, null, "'features'", "missing or not a non-empty array of strings");
        }
        string[] features = [.. names.EnumerateArray().Select(e => e.GetString()!)];
        double[] mean = Numbers(root, path, "mean", features.Length);
        double[] scale = Numbers(root, path, "scale", features.Length);
        int bad = Array.FindIndex(scale, s => !(s > 0));
        if (bad >= 0)
        {
            throw new DataFormatException(path, null, "'scale'", $"entry {bad + 1} is not > 0");
        }
        double intercept = Number(root, path, "intercept");
        double[] coefficients = Numbers(root, path, "coefficients", features.Length);
        double? beta = null;
        if (root.TryGetProperty("prior", out JsonElement prior) && prior.ValueKind != JsonValueKind.Null)
        {
            beta = prior.ValueKind == JsonValueKind.Object
                ? Number(prior, path, "prior.beta")
                : throw new DataFormatException(path, null, "'prior'", "is neither null nor an object {\"beta\": β}");
            if (!(beta > 0))
            {
                throw new DataFormatException(path, null, "'prior.beta'", "must be > 0");
            }
        }
        else if (!root.TryGetProperty("prior", out _))
        {
            throw new DataFormatException(path, null, "'prior'", "missing (null when there is no prior correction)");
        }
        return new SavedLogisticRegression(features, mean, scale, intercept, coefficients, beta);
    }

    private static double Number(JsonElement parent, string path, string field)
    {
        string name = field[(field.LastIndexOf('.') + 1)..];
        return parent.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out double number) && double.IsFinite(number)
            ? number
            : throw new DataFormatException(path, null, $"'{field}'", "missing or not a finite number");
    }

    private static double[] Numbers(JsonElement root, string path, string field, int length)
    {
        if (!root.TryGetProperty(field, out JsonElement array) || array.ValueKind != JsonValueKind.Array)
        {
            throw new DataFormatException(path, null, $"'{field}'", $"missing or not an array of {length} numbers");
        }
        if (array.GetArrayLength() != length)
        {
            throw new DataFormatException(path, null, $"'{field}'", $"has {array.GetArrayLength()} entries, 'features' has {length}");
        }
        return [.. array.EnumerateArray().Select((e, i) => e.ValueKind == JsonValueKind.Number && e.TryGetDouble(out double v) && double.IsFinite(v)
            ? v
            : throw new DataFormatException(path, null, $"'{field}'", $"entry {i + 1} is not a finite number"))];
    }
}
