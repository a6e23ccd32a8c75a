using System.Globalization;
using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.Models;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.Core.Solutions;
using ReferenceSolutions.NeuralNet.Data;
using ReferenceSolutions.NeuralNet.Evaluation;
using ReferenceSolutions.NeuralNet.FromScratch;
using ReferenceSolutions.NeuralNet.MLNet;
using ReferenceSolutions.NeuralNet.Models;
using ReferenceSolutions.NeuralNet.Onnx;
using ReferenceSolutions.NeuralNet.Torch;

namespace ReferenceSolutions.NeuralNet;

/// <summary>
/// <c>refsol score neuralnet</c>: every saved model of a run scores the raw rows (<see cref="ScoringInput"/>) — each
/// applies its saved input scaling, then its own forward pass (the from-scratch <see cref="Mlp"/> and softmax, the
/// TorchSharp module, the ML.NET zip) — giving columns <c>&lt;model&gt;.p0</c> … <c>&lt;model&gt;.p{C−1}</c> and
/// <c>&lt;model&gt;.class</c> (argmax, first on ties; empty for a row whose outputs are not finite). The two MLP twins
/// are compared on the probabilities (<see cref="NeuralNetChecks.ScoreTwins"/>), each by its own code. With
/// <c>--engine onnx</c> the <c>mlp-from-scratch</c> columns are ONNX Runtime's outputs on the model's exported graph,
/// checked against the from-scratch forward pass (<see cref="NeuralNetChecks.OnnxMlp"/>). <c>--explain</c> is ignored here
/// (the neural net's explanation is the saliency map of <c>run neuralnet</c>).
/// </summary>
public static class NeuralNetScoring
{
    /// <summary>Scores <see cref="ScoreRequest.InputFile"/> with the models under <see cref="ScoreRequest.ModelDirectory"/>.</summary>
    public static ScoreOutput Score(ScoreRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        IReadOnlyList<(string Folder, ModelManifest Manifest)> models = SavedModels.Of(request.ModelDirectory, NeuralNetModels.Solution);
        IReadOnlyList<string> features = models[0].Manifest.Features;
        foreach ((string folder, ModelManifest manifest) in models.Skip(1))
        {
            if (!manifest.Features.SequenceEqual(features))
            {
                throw new DataFormatException(ManifestPath(folder), null, "'features'", $"differ from those of {models[0].Manifest.Name}: the models were not trained on the same columns");
            }
        }
        if (features.Count == 0)
        {
            throw new DataFormatException(ManifestPath(models[0].Folder), null, "'features'", "is empty");
        }
        Matrix raw = ScoringInput.Read(request.InputFile, features);
        var columns = new List<ScoreColumn>();
        var implementations = new Dictionary<string, object>(StringComparer.Ordinal);
        var scored = new List<(ModelManifest Manifest, Matrix P)>();
        var comparisons = new List<ParityCheck>();
        bool onnx = request.Engine == ScoreEngines.Onnx;
        foreach ((string folder, ModelManifest manifest) in models)
        {
            Matrix native = Probabilities(folder, manifest, raw), p = native;
            if (onnx && manifest.Kind == ModelKinds.FromScratch)
            {
                (p, ParityCheck parity) = OnnxProbabilities(folder, manifest, raw, native, request.InputFile);
                comparisons.Add(parity);
            }
            scored.Add((manifest, native));
            int[] predicted = ClassificationMetrics.Predict(p);
            for (int c = 0; c < p.Columns; c++)
            {
                columns.Add(ScoreColumn.Of(string.Create(CultureInfo.InvariantCulture, $"{manifest.Name}.p{c}"), [.. Enumerable.Range(0, p.Rows).Select(n => p[n, c])]));
            }
            columns.Add(ScoreColumn.Of($"{manifest.Name}.class", [.. predicted.Select(k => k >= 0 ? k : double.NaN)]));
            implementations[manifest.Name] = new ScoredModel(manifest.Kind, manifest.Format, p.Columns, predicted.Count(k => k < 0),
                onnx && manifest.Kind == ModelKinds.FromScratch ? ScoreEngines.Onnx : ScoreEngines.Native);
        }
        if (scored.FirstOrDefault(s => s.Manifest.Kind == ModelKinds.FromScratch) is { Manifest: not null } scratch
            && scored.FirstOrDefault(s => s.Manifest.Kind == ModelKinds.Torch) is { Manifest: not null } torch)
        {
            comparisons.Add(NeuralNetChecks.ScoreTwins.Measure(
                new Comparison(scratch.Manifest.Name, torch.Manifest.Name).Add("P", scratch.P, torch.P),
                $"the {raw.Rows} rows of {request.InputFile}, each twin loaded from its saved files"));
        }
        if (onnx && comparisons.Count == 0)
        {
            throw new UserInputException($"--engine onnx: {request.ModelDirectory} holds no mlp-from-scratch model, the neural-net model with an ONNX graph");
        }
        return new ScoreOutput(columns, ScoreReport.Create(raw.Rows, implementations, comparisons));
    }

    /// <summary>P (N×C) of the raw rows by the model saved in <paramref name="folder"/>, loaded by its kind after its format is checked.</summary>
    public static Matrix Probabilities(string folder, ModelManifest manifest, Matrix raw)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(raw);
        string path = ManifestPath(folder);
        switch (manifest.Kind)
        {
            case ModelKinds.FromScratch:
                {
                    manifest.RequireFormat(path, ModelFile.Format);
                    string file = Path.Combine(folder, NeuralNetModels.FromScratchFile);
                    (MlpDescription model, InputScaling? scaling) = ModelFile.Load(file);
                    RequireInputs(file, model.Inputs, raw.Columns);
                    InputScaling s = scaling ?? throw new DataFormatException(file, null, "'inputScaling'", "missing: a saved run model carries the input scaling it was trained with");
                    return ClassificationMetrics.Softmax(new Mlp(model).Forward(s.Apply(raw)));
                }
            case ModelKinds.Torch:
                {
                    manifest.RequireFormat(path, TorchModelFile.Format);
                    (TorchMlp module, MlpDescription shape, InputScaling scaling) = TorchModelFile.Load(folder);
                    using (module)
                    {
                        RequireInputs(Path.Combine(folder, TorchModelFile.ArchitectureFile), shape.Inputs, raw.Columns);
                        return ClassificationMetrics.Softmax(module.Outputs(scaling.Apply(raw), shape.ChunkRows));
                    }
                }
            case ModelKinds.MLNet:
                {
                    manifest.RequireFormat(path, MLNetModelFile.Format);
                    (MLNetModel model, int classCount, InputScaling scaling) = MLNetModelFile.Load(folder, raw.Columns, manifest.Seed);
                    return model.Predict(scaling.Apply(raw), classCount);
                }
            default:
                throw new DataFormatException(path, null, "'kind'", $"'{Echo.Value(manifest.Kind)}' is not a kind of neuralnet model ({ModelKinds.FromScratch}, {ModelKinds.Torch}, {ModelKinds.MLNet})");
        }
    }

    /// <summary>
    /// With <c>--engine onnx</c>: the from-scratch MLP exported as its ONNX graph (<see cref="MlpOnnx"/>) and run by ONNX
    /// Runtime on the raw rows, its P (softmax applied after an mse network, as <see cref="Probabilities"/> does), and the
    /// check of the graph's outputs against the from-scratch forward pass (<see cref="NeuralNetChecks.OnnxMlp"/>).
    /// </summary>
    private static (Matrix P, ParityCheck Parity) OnnxProbabilities(string folder, ModelManifest manifest, Matrix raw, Matrix native, string input)
    {
        (MlpDescription model, InputScaling? scaling) = ModelFile.Load(Path.Combine(folder, NeuralNetModels.FromScratchFile));
        Matrix outputs = Core.Onnx.OnnxRunner.Run(MlpOnnx.Build(model, scaling, SuiteVersion.Current), raw);
        bool softmax = model.Loss == LossKind.SoftmaxCrossEntropy;
        Matrix nativeOutputs = softmax ? native : new Mlp(model).Forward(scaling!.Apply(raw));
        Comparison comparison = MlpOnnx.AddParity(new Comparison($"{manifest.Name} (onnx)", manifest.Name), outputs, nativeOutputs, model.Loss);
        return (softmax ? outputs : ClassificationMetrics.Softmax(outputs),
            NeuralNetChecks.OnnxMlp.Measure(comparison, $"the {raw.Rows} rows of {input}: ONNX Runtime on the exported graph vs the from-scratch forward pass"));
    }

    private static string ManifestPath(string folder) => Path.Combine(folder, ModelManifest.FileName);

    private static void RequireInputs(string file, int inputs, int features)
    {
        if (inputs != features)
        {
            throw new DataFormatException(file, null, null, $"the network takes {inputs} inputs, its manifest lists {features} features");
        }
    }

    /// <summary>
    /// An entry of the report's <c>implementations</c>: the model's kind and format, its C classes, the rows it predicts no
    /// class for (outputs not finite), and the engine whose outputs are in its columns (<see cref="ScoreEngines"/>).
    /// </summary>
    private sealed record ScoredModel(string Kind, string Format, int Classes, int RowsWithoutClass, string Engine);
}
