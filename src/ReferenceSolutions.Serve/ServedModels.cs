using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.Models;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.FraudDetection.Models;
using ReferenceSolutions.NeuralNet.Models;
using ReferenceSolutions.Recommender.Models;
using ReferenceSolutions.Serve.Digits;
using ReferenceSolutions.Serve.Fraud;
using ReferenceSolutions.Serve.Recommendations;

namespace ReferenceSolutions.Serve;

/// <summary>
/// The models behind the API, loaded once at start from the <c>--model</c> folders (each a run folder, its
/// <c>models/</c>, one model's folder (<see cref="SavedModels.ModelFolders"/>), or a folder of run folders such as
/// <c>run all</c> writes) and shared by every request: per
/// solution the from-scratch model — <c>logreg-from-scratch</c> for fraud, the from-scratch MLP for digits, MF-SGD with
/// the bias baseline for recommendations (these two need the run folder or its <c>models/</c>). The library twins
/// found beside them are listed (<see cref="All"/>) but not served: they are the parity oracles of the run, and
/// <c>refsol score</c> compares them. A folder that does not load, or two folders holding the same solution, is a
/// <see cref="UserInputException"/> naming the file and field, before the server listens.
/// </summary>
public sealed class ServedModels
{
    private ServedModels(IReadOnlyList<LoadedModel> all, FraudScorer? fraud, DigitClassifier? digits, RecommendationService? recommendations)
    {
        All = all;
        Fraud = fraud;
        Digits = digits;
        Recommendations = recommendations;
    }

    /// <summary>Every saved model found, served or not, in the order of the folders given.</summary>
    public IReadOnlyList<LoadedModel> All { get; }

    internal FraudScorer? Fraud { get; }

    internal DigitClassifier? Digits { get; }

    internal RecommendationService? Recommendations { get; }

    /// <summary>Loads the models under <paramref name="directories"/>.</summary>
    public static ServedModels Load(IReadOnlyList<string> directories)
    {
        ArgumentNullException.ThrowIfNull(directories);
        if (directories.Count == 0)
        {
            throw new UserInputException("--model: give at least one run folder, models/ folder or model folder");
        }
        var all = new List<LoadedModel>();
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        FraudScorer? fraud = null;
        DigitClassifier? digits = null;
        RecommendationService? recommendations = null;
        foreach (string directory in directories.SelectMany(RunFolders))
        {
            (string Folder, ModelManifest Manifest)[] found = [.. SavedModels.ModelFolders(directory)
                .Select(f => (f, ModelManifest.Read(Path.Combine(f, ModelManifest.FileName))))];
            foreach (string solution in found.Select(m => m.Manifest.Solution).Distinct())
            {
                if (sources.TryGetValue(solution, out string? earlier))
                {
                    throw new UserInputException($"--model: {earlier} and {directory} both hold {solution} models: serve one run per solution");
                }
                sources[solution] = directory;
            }
            foreach ((string folder, ModelManifest manifest) in found)
            {
                string manifestPath = Path.Combine(folder, ModelManifest.FileName);
                string? endpoint = null, note = null;
                switch (manifest.Solution)
                {
                    case FraudModelStore.Solution when manifest.Name == FraudScorer.Name:
                        manifest.RequireFormat(manifestPath, FraudModelFormats.LogReg);
                        fraud = FraudScorer.Load(folder);
                        RequireFeatures(manifestPath, manifest, fraud.Features);
                        endpoint = FraudEndpoint.Route;
                        break;
                    case NeuralNetModels.Solution when manifest.Kind == ModelKinds.FromScratch:
                        manifest.RequireFormat(manifestPath, ModelFile.Format);
                        (digits, note) = DigitClassifier.Load(folder, manifest.Name);
                        endpoint = digits is null ? null : DigitEndpoint.Route;
                        break;
                    case RecommenderModels.Solution when manifest.Name == RecommenderModels.MfSgd:
                        recommendations = new RecommendationService(ModelRecommendations.Load(directory));
                        endpoint = RecommendationEndpoint.Route;
                        break;
                    case RecommenderModels.Solution when manifest.Name == RecommenderModels.BiasBaseline:
                        note = "ranks the cold-start list of /v1/recommendations";
                        break;
                    default:
                        note = manifest.Kind == ModelKinds.FromScratch
                            ? "not served by the API (refsol score scores it)"
                            : "a library twin: not served (refsol score compares it with the from-scratch model)";
                        break;
                }
                all.Add(new LoadedModel(manifest.Name, manifest.Solution, manifest.Kind, manifest.Format, endpoint, note));
            }
        }
        return new ServedModels(all, fraud, digits, recommendations);
    }

    /// <summary>
    /// The run folders of <paramref name="directory"/> when it is a folder of run folders (as <c>run all</c> writes:
    /// no manifest, no <c>models/</c>, and sub-folders that have one), in ordinal order; else the folder itself.
    /// </summary>
    private static IEnumerable<string> RunFolders(string directory)
    {
        if (!Directory.Exists(directory) || File.Exists(Path.Combine(directory, ModelManifest.FileName)) || Directory.Exists(Path.Combine(directory, SavedModels.FolderName)))
        {
            return [directory];
        }
        string[] runs = [.. Directory.GetDirectories(directory).Where(d => Directory.Exists(Path.Combine(d, SavedModels.FolderName))).Order(StringComparer.Ordinal)];
        return runs.Length > 0 ? runs : [directory];
    }

    private static void RequireFeatures(string path, ModelManifest manifest, IReadOnlyList<string> features)
    {
        if (!features.SequenceEqual(manifest.Features))
        {
            throw new DataFormatException(path, null, "'features'", "differ from those of the model's artifact");
        }
    }
}
