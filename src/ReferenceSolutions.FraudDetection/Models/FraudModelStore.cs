using Microsoft.ML;
using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.Models;
using ReferenceSolutions.FraudDetection.Calibration;
using ReferenceSolutions.FraudDetection.Decisions;

namespace ReferenceSolutions.FraudDetection.Models;

/// <summary>
/// Saves the run's fitted models under <c>models/&lt;name&gt;/</c> (Core's <see cref="SavedModels"/>: artifacts, then
/// <c>manifest.json</c>) and loads them back. A model that could not be fitted (no thresholds) is not saved.
/// </summary>
internal static class FraudModelStore
{
    /// <summary>
    /// Saves every reported model of <paramref name="fitted"/> that has thresholds (<paramref name="thresholds"/>, in
    /// <see cref="FraudModels.Names"/> order; null for a model that could not be fitted).
    /// </summary>
    public static void Save(string runFolder, FraudModels fitted, IReadOnlyList<string> features, string label, string? timeColumn, PriorCorrection? prior,
        IReadOnlyList<DecisionThresholds?> thresholds, FraudRunOptions options, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(fitted);
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentNullException.ThrowIfNull(options);
        SavedPrior? savedPrior = prior is null ? null : new SavedPrior(prior.Beta, prior.TruePrior, prior.SamplePrior);
        SavedInput Input(int k) => new(features, label, timeColumn, fitted.Scaler, savedPrior, new SavedThresholds(Reporting.ModelMetrics.BayesThreshold(options),
            thresholds[k]!.MinimumExpectedCost, thresholds[k]!.TargetRecall, options.FalsePositiveCost, options.FalseNegativeCost, options.TargetRecall));
        void Write(int k, string format, Func<string, string[]> writeFiles)
        {
            if (thresholds[k] is null)
            {
                return;
            }
            (string name, string kind) = FraudModels.Names[k];
            string folder = Path.Combine(runFolder, SavedModels.FolderName, name);
            Directory.CreateDirectory(folder);
            string[] files = writeFiles(folder);
            SavedModels.Save(runFolder, new ModelManifest(name, kind, Solution, format, [.. features], files, SuiteVersion.Current, seed), _ => { });
        }
        Write(0, FraudModelFormats.LogReg, folder =>
        {
            new SavedLogReg(Input(0), fitted.Scratch.Model).Save(folder);
            return [FraudModelFormats.LogRegFile];
        });
        Write(1, FraudModelFormats.TorchModule, folder =>
        {
            new SavedTorchLogReg(Input(1), fitted.TorchModule).Save(folder);
            return [FraudModelFormats.TorchFile, FraudModelFormats.InputFile];
        });
        Write(2, FraudModelFormats.MLNetZip, folder => MLNet(folder, Input(2), fitted.MLNet.Trained, "Probability", null));
        Write(3, FraudModelFormats.MLNetZip, folder => MLNet(folder, Input(3), fitted.FastTree.Trained, "Probability", null));
        Write(4, FraudModelFormats.PcaAnomaly, folder => new SavedPcaAnomaly(Input(4), fitted.Pca, fitted.PcaPlatt, fitted.Mahalanobis).Save(folder));
        if (fitted.PcaNet is not null)
        {
            Write(FraudModels.PcaNetIndex, FraudModelFormats.MLNetZip, folder => MLNet(folder, Input(FraudModels.PcaNetIndex), fitted.PcaNet.Trained, "Score", fitted.PcaNetPlatt));
        }
    }

    /// <summary>The solution name in the manifests.</summary>
    public const string Solution = "fraud";

    /// <summary>
    /// Every saved fraud model under <paramref name="directory"/> (a run folder, its models/ or one model's folder),
    /// in report order, each checked: its manifest's format is the one its name is saved in, and its artifacts list the
    /// same features as the manifest.
    /// </summary>
    public static IReadOnlyList<(ModelManifest Manifest, ISavedFraudModel Model)> Load(string directory)
    {
        var loaded = new List<(ModelManifest, ISavedFraudModel)>();
        foreach ((string folder, ModelManifest manifest) in SavedModels.Of(directory, Solution))
        {
            string path = Path.Combine(folder, ModelManifest.FileName);
            int index = Enumerable.Range(0, FraudModels.Names.Count).FirstOrDefault(k => FraudModels.Names[k].Name == manifest.Name, -1);
            if (index < 0)
            {
                throw new DataFormatException(path, null, "'name'", $"'{Echo.Value(manifest.Name)}' is not a fraud model ({string.Join(", ", FraudModels.Names.Select(m => m.Name))})");
            }
            manifest.RequireFormat(path, index switch
            {
                0 => FraudModelFormats.LogReg,
                1 => FraudModelFormats.TorchModule,
                4 => FraudModelFormats.PcaAnomaly,
                _ => FraudModelFormats.MLNetZip,
            });
            ISavedFraudModel model = index switch
            {
                0 => SavedLogReg.Load(folder),
                1 => SavedTorchLogReg.Load(folder),
                4 => SavedPcaAnomaly.Load(folder, manifest.Files),
                _ => SavedMLNet.Load(folder, (int)(manifest.Seed % int.MaxValue)),
            };
            if (!model.Input.Features.SequenceEqual(manifest.Features))
            {
                throw new DataFormatException(path, null, "'features'", "differ from those of the model's artifact");
            }
            loaded.Add((manifest, model));
        }
        return [.. loaded.OrderBy(m => Enumerable.Range(0, FraudModels.Names.Count).First(k => FraudModels.Names[k].Name == m.Item1.Name))];
    }

    private static string[] MLNet(string folder, SavedInput input, (MLContext Context, ITransformer Model) trained, string output, PlattScaling? platt)
    {
        new SavedMLNet(input, trained.Context, trained.Model, output, platt).Save(folder);
        return [FraudModelFormats.MLNetFile, FraudModelFormats.InputFile];
    }
}
