using System.Text.Json;
using System.Text.Json.Nodes;
using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.Output;
using ReferenceSolutions.NeuralNet.Data;
using ReferenceSolutions.NeuralNet.FromScratch;

namespace ReferenceSolutions.NeuralNet.Models;

/// <summary>
/// The model file, versioned JSON: <c>{"format": "refsol-mlp", "version": 1, "layers": [{"weight": [[…]] (H×D, rows =
/// outputs), "bias": […], "activation": "relu"|"tanh"|"sigmoid"|"identity"}, …], "loss": "softmax-cross-entropy"|"mse",
/// "inputScaling": {"mean", "scale"}}</c>. Only <c>layers</c> and <c>loss</c> are required (the <c>verify gradients</c>
/// input); every shape is checked on load and every error names its field.
/// </summary>
public static class ModelFile
{
    /// <summary>The format tag.</summary>
    public const string Format = "refsol-mlp";

    /// <summary>The version written and the highest read.</summary>
    public const int Version = 1;

    /// <summary>Writes the network (and the input scaling it expects, when given) atomically.</summary>
    public static void Save(string path, MlpDescription model, InputScaling? scaling)
    {
        ArgumentNullException.ThrowIfNull(model);
        var layers = model.Layers.Select(l => new
        {
            weight = l.Weight.ToRowArrays(),
            bias = l.Bias,
            activation = Activations.Name(l.Activation),
        }).ToArray();
        JsonOutput.Write(path, new
        {
            format = Format,
            version = Version,
            layers,
            loss = LossKinds.Name(model.Loss),
            inputScaling = scaling is null ? null : new { mean = scaling.Mean, scale = scaling.Scale },
        });
    }

    /// <summary>Reads and checks a model file; a missing, truncated or inconsistent file is a <see cref="UserInputException"/>.</summary>
    public static (MlpDescription Model, InputScaling? Scaling) Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new UserInputException($"{path}: file not found");
        }
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new UserInputException($"{path}: not valid JSON (truncated or corrupt?): {e.Message}");
        }
        if (root is not JsonObject obj)
        {
            throw new UserInputException($"{path}: expected a JSON object with \"layers\" and \"loss\"");
        }
        if (obj["version"] is JsonNode versionNode && Integer(path, versionNode, "version") is int version && (version < 1 || version > Version))
        {
            throw new UserInputException($"{path}: version: {version} is not supported (this build reads 1..{Version})");
        }
        if (obj["layers"] is not JsonArray layerArray || layerArray.Count == 0)
        {
            throw new UserInputException($"{path}: layers: expected a non-empty array of {{\"weight\", \"bias\", \"activation\"}}");
        }
        LossKind loss = LossKinds.Parse(obj["loss"] is JsonValue lossValue && lossValue.TryGetValue(out string? lossName) ? lossName : null, $"{path}: loss");
        var layers = new List<LayerValues>();
        int? previousOutputs = null;
        for (int l = 0; l < layerArray.Count; l++)
        {
            string field = $"{path}: layers[{l}]";
            if (layerArray[l] is not JsonObject layer)
            {
                throw new UserInputException($"{field}: expected an object with weight, bias and activation");
            }
            Matrix weight = ReadMatrix(layer["weight"], $"{field}.weight");
            if (previousOutputs is int inputs && weight.Columns != inputs)
            {
                throw new UserInputException($"{field}.weight: has {weight.Columns} columns, but layer {l - 1} has {inputs} outputs");
            }
            double[] bias = ReadVector(layer["bias"], $"{field}.bias");
            if (bias.Length != weight.Rows)
            {
                throw new UserInputException($"{field}.bias: has {bias.Length} values, the weight has {weight.Rows} rows (outputs)");
            }
            Activation activation = Activations.Parse(layer["activation"] is JsonValue a && a.TryGetValue(out string? name) ? name : null, $"{field}.activation");
            layers.Add(new LayerValues(weight, bias, activation));
            previousOutputs = weight.Rows;
        }
        InputScaling? scaling = null;
        if (obj["inputScaling"] is JsonObject s)
        {
            double mean = Number(s["mean"], $"{path}: inputScaling.mean");
            double scale = Number(s["scale"], $"{path}: inputScaling.scale");
            if (!(scale > 0.0))
            {
                throw new UserInputException($"{path}: inputScaling.scale: must be > 0, found {scale}");
            }
            scaling = new InputScaling(mean, scale);
        }
        return (new MlpDescription(layers, loss), scaling);
    }

    private static Matrix ReadMatrix(JsonNode? node, string field)
    {
        if (node is not JsonArray rows || rows.Count == 0)
        {
            throw new UserInputException($"{field}: expected a non-empty array of rows (one per output)");
        }
        var values = new double[rows.Count][];
        for (int i = 0; i < rows.Count; i++)
        {
            values[i] = ReadVector(rows[i], $"{field}[{i}]");
            if (values[i].Length != values[0].Length)
            {
                throw new UserInputException($"{field}[{i}]: has {values[i].Length} values, row 0 has {values[0].Length}");
            }
        }
        return Matrix.FromRows(values);
    }

    private static double[] ReadVector(JsonNode? node, string field)
    {
        if (node is not JsonArray array || array.Count == 0)
        {
            throw new UserInputException($"{field}: expected a non-empty array of numbers");
        }
        return array.Select((v, i) => Number(v, $"{field}[{i}]")).ToArray();
    }

    private static double Number(JsonNode? node, string field)
    {
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue(out double d) && double.IsFinite(d))
        {
            return d;
        }
        throw new UserInputException($"{field}: expected a finite number, found {(node is null ? "nothing" : node.ToJsonString())}");
    }

    private static int Integer(string path, JsonNode node, string field)
    {
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue(out int i))
        {
            return i;
        }
        throw new UserInputException($"{path}: {field}: expected an integer, found {node.ToJsonString()}");
    }
}
