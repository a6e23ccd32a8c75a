using System.Text.Json;
using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.Output;
using ReferenceSolutions.NeuralNet.Data;
using ReferenceSolutions.NeuralNet.MLNet;

namespace ReferenceSolutions.NeuralNet.Models;

/// <summary>
/// The saved ML.NET baseline, two files. <c>model.zip</c>: <c>mlContext.Model.Save</c> of the L-BFGS maximum-entropy
/// prediction transformer with its input schema (one column <c>Features</c>, a float32 vector of D), every entry stored
/// and dated 1980-01-01 (<see cref="MLNetModel.Save"/>). <c>inputs.json</c>: what ML.NET's zip does not say,
/// <c>{"format": "refsol-mlnet-inputs", "version": 1, "classCount": C, "classes": [the class of each Score slot, ascending],
/// "inputScaling": {"mean", "scale"}}</c>; the model's input is (float)((x − mean)/scale) of the raw row x.
/// </summary>
public static class MLNetModelFile
{
    /// <summary>The manifest's format.</summary>
    public const string Format = "mlnet-zip";

    /// <summary>The side file's format tag.</summary>
    public const string InputsFormat = "refsol-mlnet-inputs";

    /// <summary>The zip's name.</summary>
    public const string ZipFile = "model.zip";

    /// <summary>The side file's name.</summary>
    public const string InputsFile = "inputs.json";

    /// <summary>The files, as the manifest lists them.</summary>
    public static IReadOnlyList<string> Files { get; } = [ZipFile, InputsFile];

    /// <summary>Writes the zip and the side file into <paramref name="folder"/>.</summary>
    public static void Save(string folder, MLNetModel model, int classCount, InputScaling scaling)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(scaling);
        model.Save(Path.Combine(folder, ZipFile));
        JsonOutput.Write(Path.Combine(folder, InputsFile), new Inputs(InputsFormat, 1, classCount, model.Classes, new ScalingEntry(scaling.Mean, scaling.Scale)));
    }

    /// <summary>Loads the model saved in <paramref name="folder"/> for inputs of <paramref name="features"/> columns; returns it with the class count and the scaling.</summary>
    public static (MLNetModel Model, int ClassCount, InputScaling Scaling) Load(string folder, int features, ulong seed)
    {
        string path = Path.Combine(folder, InputsFile);
        JsonElement root = JsonFields.Root(path, InputsFormat, 1);
        int classCount = JsonFields.Integer(root, path, "classCount", 1, LabeledCsv.MaxClasses);
        int[] classes = [.. JsonFields.Field(root, path, "classes", JsonValueKind.Array).EnumerateArray().Select((c, i) =>
            c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out int k) && k >= 0 && k < classCount
                ? k
                : throw new DataFormatException(path, null, $"'classes[{i}]'", $"expected a class in 0..{classCount - 1}"))];
        if (classes.Length == 0 || classes.Zip(classes.Skip(1)).Any(p => p.First >= p.Second))
        {
            throw new DataFormatException(path, null, "'classes'", "expected a non-empty ascending list of distinct classes");
        }
        InputScaling scaling = JsonFields.Scaling(root, path);
        return (MLNetModel.Load(Path.Combine(folder, ZipFile), classes, features, unchecked((int)seed)), classCount, scaling);
    }

    private sealed record Inputs(string Format, int Version, int ClassCount, IReadOnlyList<int> Classes, ScalingEntry InputScaling);
}
