using System.CommandLine;
using System.Globalization;
using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.Models;
using ReferenceSolutions.Core.Onnx;
using ReferenceSolutions.Core.Output;
using ReferenceSolutions.FraudDetection.Onnx;
using ReferenceSolutions.NeuralNet.Models;
using ReferenceSolutions.NeuralNet.Onnx;

namespace ReferenceSolutions.Cli.Commands;

/// <summary>
/// <c>refsol export onnx --model DIR --out FILE.onnx</c>: one saved model as an ONNX file, written atomically. DIR is one
/// model's folder, or a run folder (or its <c>models/</c>) holding exactly one exportable model. The suite's own models
/// (<c>refsol-mlp</c>, <c>refsol-logreg</c>) are written by the suite's ONNX writer (float64, opset 17, input
/// <c>input</c>, output <c>probability</c>); <c>mlnet-zip</c> models by ML.NET's converter (float32, its own names).
/// Exit 0 on success, 2 for a folder without exactly one exportable model or a format that cannot be exported.
/// </summary>
internal static class ExportCommand
{
    private static readonly string[] Exportable = [ModelFile.Format, SavedLogisticRegression.Format, "mlnet-zip"];

    public static Command Create(CliIo io)
    {
        var model = new Option<string>("--model") { Description = "One model's folder, or a run folder (or its models/) with exactly one exportable model.", Required = true };
        var output = new Option<string>("--out") { Description = "The ONNX file to write.", Required = true };
        var onnx = new Command("onnx", $"Export a saved model as ONNX ({string.Join(", ", Exportable)}), checked by ONNX Runtime in the tests.") { model, output };
        onnx.SetAction(parse => Export(io, parse.GetValue(model)!, parse.GetValue(output)!));
        var export = new Command("export", "Export a saved model to another format.") { onnx, ParquetCommand.Create(io) };
        export.SetAction(new Func<ParseResult, int>(_ => throw new UserInputException("'export' needs a format: onnx or parquet")));
        return export;
    }

    private static int Export(CliIo io, string directory, string path)
    {
        (string folder, ModelManifest manifest) = Choose(directory);
        string manifestPath = Path.Combine(folder, ModelManifest.FileName);
        byte[] bytes = manifest.Format switch
        {
            ModelFile.Format => Mlp(folder, manifest, manifestPath),
            SavedLogisticRegression.Format => LogisticRegression(folder, manifest, manifestPath),
            _ => MLNetOnnx.Convert(Artifact(folder, manifest, manifestPath, ".zip")),
        };
        AtomicFile.WriteAllBytes(path, bytes);
        OnnxGraph graph = OnnxReader.Read(bytes).Graph;
        io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {path} ({bytes.Length:N0} bytes): {manifest.Name} ({manifest.Format}); input {Describe(graph.Inputs[0])}; outputs {string.Join(", ", graph.Outputs.Select(Describe))}"));
        return ExitCodes.Success;
    }

    /// <summary>The one model to export: DIR itself when it is a model's folder, else the only exportable model under it.</summary>
    private static (string Folder, ModelManifest Manifest) Choose(string directory)
    {
        IReadOnlyList<string> folders = SavedModels.ModelFolders(directory);
        (string Folder, ModelManifest Manifest)[] models = [.. folders.Select(f => (f, ModelManifest.Read(Path.Combine(f, ModelManifest.FileName))))];
        if (File.Exists(Path.Combine(directory, ModelManifest.FileName)))
        {
            (string folder, ModelManifest manifest) = models[0];
            return Exportable.Contains(manifest.Format)
                ? models[0]
                : throw new DataFormatException(Path.Combine(folder, ModelManifest.FileName), null, "'format'", $"'{Echo.Value(manifest.Format)}' cannot be exported to ONNX (exportable: {string.Join(", ", Exportable)})");
        }
        (string Folder, ModelManifest Manifest)[] exportable = [.. models.Where(m => Exportable.Contains(m.Manifest.Format))];
        return exportable.Length switch
        {
            1 => exportable[0],
            0 => throw new DataFormatException(directory, null, null, $"holds no model that can be exported to ONNX (found: {string.Join(", ", models.Select(m => $"{m.Manifest.Name} ({m.Manifest.Format})"))}; exportable formats: {string.Join(", ", Exportable)})"),
            _ => throw new DataFormatException(directory, null, null, $"holds {exportable.Length} exportable models ({string.Join(", ", exportable.Select(m => m.Manifest.Name))}): give one model's folder, e.g. --model {exportable[0].Folder}"),
        };
    }

    private static byte[] Mlp(string folder, ModelManifest manifest, string manifestPath)
    {
        (NeuralNet.MlpDescription model, NeuralNet.Data.InputScaling? scaling) = ModelFile.Load(Artifact(folder, manifest, manifestPath, ".json"));
        if (manifest.Features.Count != model.Inputs)
        {
            throw new DataFormatException(manifestPath, null, "'features'", $"lists {manifest.Features.Count} columns, the network takes {model.Inputs}");
        }
        return MlpOnnx.Build(model, scaling, SuiteVersion.Current);
    }

    private static byte[] LogisticRegression(string folder, ModelManifest manifest, string manifestPath) =>
        LogisticRegressionOnnx.FromSavedFolder(folder, manifest.Features, manifestPath);

    /// <summary>The manifest's one listed file with <paramref name="extension"/>.</summary>
    private static string Artifact(string folder, ModelManifest manifest, string manifestPath, string extension)
    {
        string[] files = [.. manifest.Files.Where(f => f.EndsWith(extension, StringComparison.OrdinalIgnoreCase))];
        return files.Length == 1
            ? Path.Combine(folder, files[0])
            : throw new DataFormatException(manifestPath, null, "'files'", $"lists {files.Length} '{extension}' files; a {manifest.Format} model has exactly one");
    }

    private static string Describe(OnnxValueInfo value) =>
        $"'{value.Name}' {value.ElementType.ToString().ToLowerInvariant()} [{string.Join("×", value.Shape)}]";
}
