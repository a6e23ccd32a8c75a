using System.Text.Json;
using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Serve.Problems;

namespace ReferenceSolutions.Serve.Fraud;

/// <summary>
/// The body of <c>POST /v1/fraud/score</c>: a JSON array of transactions, each an object with one finite number per
/// feature of the model (keyed by feature name, any order); the label and time columns the model was saved with may be
/// present and are ignored, as in <c>refsol score</c>. Anything else is a 400 naming the field, e.g. <c>items[3].V14</c>.
/// </summary>
internal static class FraudRequest
{
    /// <summary>X (n×d) in the model's feature order.</summary>
    public static Matrix Read(JsonElement root, FraudScorer model)
    {
        if (root.ValueKind != JsonValueKind.Array)
        {
            throw RequestProblem.Bad("items", "the body must be a JSON array of transactions (objects keyed by feature name)");
        }
        int n = root.GetArrayLength(), d = model.Features.Count;
        if (n == 0)
        {
            throw RequestProblem.Bad("items", "is empty: send at least one transaction");
        }
        var x = new Matrix(n, d);
        bool[] seen = new bool[d];
        int i = 0;
        foreach (JsonElement item in root.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw RequestProblem.Bad($"items[{i}]", $"is a JSON {item.ValueKind.ToString().ToLowerInvariant()}, not an object keyed by feature name");
            }
            Array.Clear(seen);
            foreach (JsonProperty property in item.EnumerateObject())
            {
                string field = $"items[{i}].{Echo.Value(property.Name)}";
                int j = model.Column(property.Name);
                if (j < 0)
                {
                    if (model.Ignored.Contains(property.Name))
                    {
                        continue;
                    }
                    throw RequestProblem.Bad(field, $"is not a feature of {FraudScorer.Name} (its {d} features: {string.Join(", ", model.Features)})");
                }
                if (seen[j])
                {
                    throw RequestProblem.Bad(field, "appears twice in the item");
                }
                seen[j] = true;
                x[i, j] = Number(property.Value, field);
            }
            int missing = Array.IndexOf(seen, false);
            if (missing >= 0)
            {
                throw RequestProblem.Bad($"items[{i}].{model.Features[missing]}", "is missing: the model needs every feature it was trained on");
            }
            i++;
        }
        return x;
    }

    /// <summary>A finite JSON number, else a 400 for <paramref name="field"/>.</summary>
    public static double Number(JsonElement value, string field)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            throw RequestProblem.Bad(field, $"is a JSON {value.ValueKind.ToString().ToLowerInvariant()}, not a number");
        }
        return value.TryGetDouble(out double number) && double.IsFinite(number)
            ? number
            : throw RequestProblem.Bad(field, "is not a finite number (beyond ±1.8e308)");
    }
}
