using System.Text.Json;
using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.Models;
using ReferenceSolutions.Core.Output;

namespace ReferenceSolutions.SolutionName;

/// <summary>
/// The <c>refsol-ridge</c> layout of a saved model: <c>model.json</c> beside its manifest,
/// <c>{"intercept": b, "weights": [w₁, …, w_d], "lambda": λ, "parityScale": s}</c>, numbers in shortest round-trip form
/// (so the same seed gives the same bytes), weights in the order of the manifest's <c>features</c>; <c>parityScale</c>,
/// the s the twin check divided |Δθ| by, only for the twin. Both twins are saved as their coefficients: a linear model
/// is its coefficients, and scoring needs neither TorchSharp nor an ML.NET pipeline.
/// </summary>
public sealed record SavedRidge(double Intercept, IReadOnlyList<double> Weights, double Lambda, double? ParityScale = null)
{
    /// <summary>The artifact's file name.</summary>
    public const string FileName = "model.json";

    /// <summary>The model.</summary>
    public RidgeModel Model => new(Intercept, Weights);

    /// <summary>Saves this model as <c>models/&lt;name&gt;/</c> of <paramref name="runFolder"/>, manifest last.</summary>
    public void Save(string runFolder, string name, string kind, IReadOnlyList<string> features, ulong seed) =>
        SavedModels.Save(runFolder, new ModelManifest(name, kind, SolutionNameModels.Solution, SolutionNameModels.Format, features, [FileName], SuiteVersion.Current, seed),
            folder => JsonOutput.Write(Path.Combine(folder, FileName), this));

    /// <summary>Reads <c>model.json</c> from <paramref name="folder"/>; a bad field is a <see cref="DataFormatException"/> naming it.</summary>
    public static SavedRidge Load(string folder, int features)
    {
        string path = Path.Combine(folder, FileName);
        JsonElement root = JsonObjectFile.Read(path);
        double[] weights = root.TryGetProperty("weights", out JsonElement w) && w.ValueKind == JsonValueKind.Array
            ? [.. w.EnumerateArray().Select((e, i) => Finite(e, path, $"weights[{i}]"))]
            : throw new DataFormatException(path, null, "'weights'", "missing or not an array of numbers");
        if (weights.Length != features)
        {
            throw new DataFormatException(path, null, "'weights'", $"has {weights.Length} entries, the manifest lists {features} features");
        }
        double? scale = root.TryGetProperty("parityScale", out JsonElement s) ? Finite(s, path, "parityScale") : null;
        return new SavedRidge(Number(root, path, "intercept"), weights, Number(root, path, "lambda"), scale);
    }

    private static double Number(JsonElement root, string path, string field) =>
        root.TryGetProperty(field, out JsonElement value)
            ? Finite(value, path, field)
            : throw new DataFormatException(path, null, $"'{field}'", "missing");

    private static double Finite(JsonElement value, string path, string field) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out double number) && double.IsFinite(number)
            ? number
            : throw new DataFormatException(path, null, $"'{field}'", "not a finite number");
}
