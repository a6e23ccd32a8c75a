using ReferenceSolutions.Core.Models;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.NeuralNet.Data;
using ReferenceSolutions.NeuralNet.MLNet;
using ReferenceSolutions.NeuralNet.Torch;

namespace ReferenceSolutions.NeuralNet.Models;

/// <summary>
/// The models a <c>run neuralnet</c> saves under <c>models/&lt;name&gt;/</c>, each with its <c>manifest.json</c>
/// (features <see cref="FeatureNames"/>): <c>mlp-from-scratch</c> (<see cref="ModelFile"/>, format <c>refsol-mlp</c>,
/// file <c>model.json</c>), <c>mlp-torch</c> (<see cref="TorchModelFile"/>, format <c>torch-module</c>) and
/// <c>mlnet-lbfgs-maxent</c> (<see cref="MLNetModelFile"/>, format <c>mlnet-zip</c>).
/// </summary>
public static class NeuralNetModels
{
    /// <summary>The solution name the manifests carry.</summary>
    public const string Solution = "neuralnet";

    /// <summary>The from-scratch model's file (the same layout as the run folder's <c>model.json</c>).</summary>
    public const string FromScratchFile = "model.json";

    /// <summary>Saves the three models of a run into <paramref name="runFolder"/>.</summary>
    public static void Save(string runFolder, ulong seed, MlpDescription scratch, string scratchName, TorchTwin torch, MLNetModel mlnet, int classCount, InputScaling scaling)
    {
        ArgumentNullException.ThrowIfNull(scratch);
        ArgumentNullException.ThrowIfNull(torch);
        IReadOnlyList<string> features = FeatureNames.Of(scratch.Inputs);
        SavedModels.Save(runFolder, Manifest(scratchName, ModelKinds.FromScratch, ModelFile.Format, features, [FromScratchFile], seed),
            folder => ModelFile.Save(Path.Combine(folder, FromScratchFile), scratch, scaling));
        SavedModels.Save(runFolder, Manifest(torch.Name, ModelKinds.Torch, TorchModelFile.Format, features, TorchModelFile.Files, seed),
            folder => TorchModelFile.Save(folder, torch, scratch, scaling));
        SavedModels.Save(runFolder, Manifest(MLNetBaseline.Name, ModelKinds.MLNet, MLNetModelFile.Format, features, MLNetModelFile.Files, seed),
            folder => MLNetModelFile.Save(folder, mlnet, classCount, scaling));
    }

    private static ModelManifest Manifest(string name, string kind, string format, IReadOnlyList<string> features, IReadOnlyList<string> files, ulong seed) =>
        new(name, kind, Solution, format, features, files, SuiteVersion.Current, seed);
}
