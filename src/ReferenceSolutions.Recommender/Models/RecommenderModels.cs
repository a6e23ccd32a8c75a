using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.Models;
using ReferenceSolutions.Core.Output;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.Recommender.Factorization;

namespace ReferenceSolutions.Recommender.Models;

/// <summary>
/// The recommender's saved models: one folder per model of <c>metrics.json</c> under <c>&lt;run&gt;/models/</c>, each
/// with its <c>manifest.json</c> (features <c>userId</c>, <c>movieId</c>) and artifacts:
/// global-mean, bias-baseline, als-from-scratch: <c>refsol-mf</c> (<see cref="FactorModelFile"/>);
/// mf-sgd-from-scratch: <c>refsol-mf</c> plus the seen items (what a top-N list leaves out) and, as
/// <c>twin-sample.json</c>, the same trainer's state on the twins' parity sample (what mf-torch is compared with);
/// als-from-scratch likewise carries its twin-sample state; mf-torch, als-torch: <c>torch-module</c>
/// (<see cref="TorchFactorModule"/>); ffm-mlnet: <c>mlnet-zip</c> (<see cref="MLNetFfm.Save"/>).
/// </summary>
public static class RecommenderModels
{
    /// <summary>The solution's name in manifests.</summary>
    public const string Solution = "recommender";

    /// <summary>The global-mean baseline.</summary>
    public const string GlobalMean = "global-mean";

    /// <summary>The bias baseline (the cold-start list's scores).</summary>
    public const string BiasBaseline = "bias-baseline";

    /// <summary>MF-SGD from scratch (recommendations.csv's model).</summary>
    public const string MfSgd = "mf-sgd-from-scratch";

    /// <summary>ALS from scratch.</summary>
    public const string Als = "als-from-scratch";

    /// <summary>ML.NET's FFM.</summary>
    public const string Ffm = "ffm-mlnet";

    /// <summary>MF-SGD's TorchSharp twin.</summary>
    public const string MfTorch = "mf-torch";

    /// <summary>ALS's TorchSharp twin.</summary>
    public const string AlsTorch = "als-torch";

    /// <summary>The JSON of a refsol-mf model.</summary>
    public const string ModelStem = "model";

    /// <summary>The JSON stem of a from-scratch trainer's state on the twins' parity sample.</summary>
    public const string TwinSampleStem = "twin-sample";

    /// <summary>The zip of the FFM.</summary>
    public const string FfmFile = "model.zip";

    /// <summary>The id maps of the FFM's features.</summary>
    public const string FfmIdsFile = "ids.json";

    /// <summary>What the FFM's input columns hold, recorded in <c>ids.json</c>.</summary>
    public const string FfmFeatures = "User = the index of userId in userIds, Item = the index of movieId in itemIds, as invariant-culture integer text; an id in neither is the text 'unknown' (all-zero one-hot); Label (bool, r ≥ 4) is read in training only";

    /// <summary>The manifest's features: the input columns, in order.</summary>
    public static IReadOnlyList<string> Features { get; } = ["userId", "movieId"];

    /// <summary>Saves a from-scratch model (refsol-mf), with the seen items and a twin-sample state when given.</summary>
    public static void SaveFromScratch(string runFolder, ulong seed, string name, FactorScorer scorer, IReadOnlyDictionary<string, double> hyperParameters,
        SeenItems? seen = null, FactorScorer? twinSample = null, IReadOnlyDictionary<string, double>? twinHyperParameters = null)
    {
        var files = new List<string>();
        SavedModels.Save(runFolder, Manifest(name, ModelKinds.FromScratch, FactorModelFile.Format, files, seed), folder =>
        {
            files.AddRange(FactorModelFile.Write(folder, ModelStem, name, scorer, hyperParameters, seen));
            if (twinSample is not null)
            {
                files.AddRange(FactorModelFile.Write(folder, TwinSampleStem, $"{name} on the twins' sample", twinSample, twinHyperParameters ?? hyperParameters));
            }
        });
    }

    /// <summary>Saves a TorchSharp twin (torch-module).</summary>
    public static void SaveTorch(string runFolder, ulong seed, string name, FactorScorer scorer, IReadOnlyDictionary<string, double> hyperParameters)
    {
        var files = new List<string>();
        SavedModels.Save(runFolder, Manifest(name, ModelKinds.Torch, TorchFactorModule.Format, files, seed),
            folder => files.AddRange(TorchFactorModule.Write(folder, name, scorer, hyperParameters)));
    }

    /// <summary>Saves ML.NET's FFM (mlnet-zip) and the id maps its features index (<c>ids.json</c>: <c>{"userIds", "itemIds", "features"}</c>).</summary>
    public static void SaveFfm(string runFolder, ulong seed, MLNetFfm ffm)
    {
        ArgumentNullException.ThrowIfNull(ffm);
        SavedModels.Save(runFolder, Manifest(Ffm, ModelKinds.MLNet, MLNetFfm.Format, [FfmFile, FfmIdsFile], seed), folder =>
        {
            ffm.Save(Path.Combine(folder, FfmFile));
            JsonOutput.Write(Path.Combine(folder, FfmIdsFile), new FfmIds(ffm.UserIds.Count, ffm.ItemIds.Count, ffm.UserIds, ffm.ItemIds, FfmFeatures));
        });
    }

    /// <summary>
    /// Loads the rating model saved in <paramref name="folder"/> (refsol-mf or torch-module) and, for refsol-mf, its seen
    /// items and twin-sample state when saved.
    /// </summary>
    public static (FactorScorer Scorer, SeenItems? Seen, FactorScorer? TwinSample) LoadFactors(string folder, ModelManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        string manifestPath = Path.Combine(folder, ModelManifest.FileName);
        RequireFeatures(manifestPath, manifest);
        string json = Path.Combine(folder, $"{ModelStem}.json");
        if (manifest.Format == TorchFactorModule.Format)
        {
            return (TorchFactorModule.Read(json), null, null);
        }
        manifest.RequireFormat(manifestPath, FactorModelFile.Format);
        (FactorScorer scorer, SeenItems? seen) = FactorModelFile.Read(json);
        string twin = Path.Combine(folder, $"{TwinSampleStem}.json");
        return (scorer, seen, manifest.Files.Contains($"{TwinSampleStem}.json") ? FactorModelFile.Read(twin).Scorer : null);
    }

    /// <summary>Loads the FFM saved in <paramref name="folder"/>.</summary>
    public static MLNetFfm LoadFfm(string folder, ModelManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        string manifestPath = Path.Combine(folder, ModelManifest.FileName);
        RequireFeatures(manifestPath, manifest);
        manifest.RequireFormat(manifestPath, MLNetFfm.Format);
        ModelJson ids = ModelJson.Read(Path.Combine(folder, FfmIdsFile));
        long[] userIds = ids.Ids("userIds", ids.Integer("users", 0));
        long[] itemIds = ids.Ids("itemIds", ids.Integer("items", 0));
        return MLNetFfm.Load(Path.Combine(folder, FfmFile), userIds, itemIds, RecommenderRun.MLNetSeed(manifest.Seed));
    }

    /// <summary>The saved model named <paramref name="name"/> under <paramref name="directory"/>, or a <see cref="UserInputException"/> saying it is missing.</summary>
    public static (string Folder, ModelManifest Manifest) Find(string directory, string name, string why)
    {
        IReadOnlyList<(string Folder, ModelManifest Manifest)> all = SavedModels.Of(directory, Solution);
        foreach ((string folder, ModelManifest manifest) in all)
        {
            if (manifest.Name == name)
            {
                return (folder, manifest);
            }
        }
        string diverged = name == MfSgd ? "; a run whose MF-SGD diverged saves none — metrics.json says why" : "";
        throw new DataFormatException(directory, null, null, $"holds no saved '{name}' model ({why}{diverged})");
    }

    private sealed record FfmIds(int Users, int Items, IReadOnlyList<long> UserIds, IReadOnlyList<long> ItemIds, string Features);

    private static ModelManifest Manifest(string name, string kind, string format, IReadOnlyList<string> files, ulong seed) =>
        new(name, kind, Solution, format, Features, files, SuiteVersion.Current, seed);

    private static void RequireFeatures(string path, ModelManifest manifest)
    {
        if (!manifest.Features.SequenceEqual(Features))
        {
            throw new DataFormatException(path, null, "'features'", $"is [{string.Join(", ", manifest.Features)}]; a recommender model reads [{string.Join(", ", Features)}]");
        }
    }
}
