using System.Text.Json;
using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.Output;
using ReferenceSolutions.NeuralNet.Data;
using ReferenceSolutions.NeuralNet.FromScratch;
using ReferenceSolutions.NeuralNet.Torch;

namespace ReferenceSolutions.NeuralNet.Models;

/// <summary>
/// The saved TorchSharp twin, two files. <c>module.dat</c>: TorchSharp's <c>module.save</c> of the float64
/// <see cref="TorchMlp"/> — its own format, not PyTorch's pickle: the number of state-dict entries (LEB128), then per
/// entry (<c>layers.0.weight</c> H₁×D, <c>layers.0.bias</c> H₁, …) its name (a .NET <c>BinaryWriter</c> string: LEB128 byte
/// length, UTF-8), the element type (LEB128, 7 = float64), the number of dimensions and each dimension (LEB128), then
/// the elements little-endian, row-major. <c>architecture.json</c>: what the module must be built as before
/// <c>module.load</c> fills it, <c>{"format": "refsol-torch-mlp", "version": 1, "inputs": D, "layers": [{"outputs": Hₗ,
/// "activation": "relu"|"tanh"|"sigmoid"|"identity"}, …], "loss", "inputScaling": {"mean", "scale"}}</c>; the module's
/// input is (x − mean)/scale of the raw row x.
/// </summary>
public static class TorchModelFile
{
    /// <summary>The manifest's format.</summary>
    public const string Format = "torch-module";

    /// <summary>The architecture file's format tag.</summary>
    public const string ArchitectureFormat = "refsol-torch-mlp";

    /// <summary>The module file's name.</summary>
    public const string ModuleFile = "module.dat";

    /// <summary>The architecture file's name.</summary>
    public const string ArchitectureFile = "architecture.json";

    /// <summary>The files, as the manifest lists them.</summary>
    public static IReadOnlyList<string> Files { get; } = [ModuleFile, ArchitectureFile];

    /// <summary>Writes the twin's module and the architecture of <paramref name="shape"/> with <paramref name="scaling"/> into <paramref name="folder"/>.</summary>
    public static void Save(string folder, TorchTwin twin, MlpDescription shape, InputScaling scaling)
    {
        ArgumentNullException.ThrowIfNull(twin);
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(scaling);
        twin.Save(Path.Combine(folder, ModuleFile));
        JsonOutput.Write(Path.Combine(folder, ArchitectureFile), new Architecture(
            ArchitectureFormat, 1, shape.Inputs,
            [.. shape.Layers.Select(l => new ArchitectureLayer(l.Weight.Rows, Activations.Name(l.Activation)))],
            LossKinds.Name(shape.Loss), new ScalingEntry(scaling.Mean, scaling.Scale)));
    }

    /// <summary>
    /// Builds the module that <c>architecture.json</c> describes (zero weights) and loads <c>module.dat</c> into it;
    /// returns it with that architecture (weights zero: the shapes, activations and loss only) and the input scaling. A
    /// bad field, a state dict with other names or shapes, or a truncated file is a <see cref="DataFormatException"/>.
    /// </summary>
    public static (TorchMlp Module, MlpDescription Shape, InputScaling Scaling) Load(string folder)
    {
        string path = Path.Combine(folder, ArchitectureFile);
        JsonElement root = JsonFields.Root(path, ArchitectureFormat, 1);
        int inputs = JsonFields.Integer(root, path, "inputs", 1, int.MaxValue);
        JsonElement[] layers = [.. JsonFields.Field(root, path, "layers", JsonValueKind.Array).EnumerateArray()];
        if (layers.Length is 0 || layers.Length > NeuralNetLimits.MaxLayers)
        {
            throw new DataFormatException(path, null, "'layers'", $"expected 1..{NeuralNetLimits.MaxLayers} layers, found {layers.Length}");
        }
        int[] widths = [.. layers.Select((l, i) => JsonFields.Integer(l, path, $"layers[{i}].outputs", 1, NeuralNetOptions.MaxWidth))];
        NeuralNetLimits.RequireNetwork(path, inputs, widths[..^1], widths[^1]);
        var values = new LayerValues[layers.Length];
        for (int l = 0; l < layers.Length; l++)
        {
            string activation = JsonFields.Text(layers[l], path, $"layers[{l}].activation");
            values[l] = new LayerValues(new Matrix(widths[l], l == 0 ? inputs : widths[l - 1]), new double[widths[l]], Activations.Parse(activation, $"{path}: layers[{l}].activation"));
        }
        var shape = new MlpDescription(values, LossKinds.Parse(JsonFields.Text(root, path, "loss"), $"{path}: loss"));
        InputScaling scaling = JsonFields.Scaling(root, path);
        string module = Path.Combine(folder, ModuleFile);
        var mlp = new TorchMlp(shape);
        try
        {
            mlp.load(module);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            mlp.Dispose();
            throw new DataFormatException(module, null, null, $"is not a TorchSharp module of the architecture in {ArchitectureFile} ({Echo.Message(e.Message)})");
        }
        return (mlp, shape, scaling);
    }

    private sealed record Architecture(string Format, int Version, int Inputs, IReadOnlyList<ArchitectureLayer> Layers, string Loss, ScalingEntry InputScaling);

    private sealed record ArchitectureLayer(int Outputs, string Activation);
}

/// <summary><c>{"mean": μ, "scale": σ}</c> of <see cref="InputScaling"/> in a side file.</summary>
internal sealed record ScalingEntry(double Mean, double Scale);
