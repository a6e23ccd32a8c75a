using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Output;
using ReferenceSolutions.Recommender.Factorization;
using TorchSharp;
using static TorchSharp.torch;

namespace ReferenceSolutions.Recommender.Models;

/// <summary>
/// The <c>torch-module</c> format of a TorchSharp twin (mf-torch, als-torch): the trained tables as a
/// <c>torch.nn.Module</c> with float64 parameters <c>user_factors</c> (m, k), <c>item_factors</c> (n, k),
/// <c>user_bias</c> (m) and <c>item_bias</c> (n), written by TorchSharp's <c>module.save</c> to <c>module.dat</c>
/// (TorchSharp's own state-dict layout, not PyTorch's pickle: an entry count, then each parameter's name, dtype, shape
/// and raw bytes), and <c>model.json</c> with what the module does not hold:
/// <code>
/// {"model", "formula", "users": m, "items": n, "factors": k, "userIds": [m], "itemIds": [n], "mu": μ,
///  "ratingRange": {"min", "max"}, "hyperParameters": {...}, "module": "module.dat"}
/// </code>
/// Loading builds a module of those shapes, <c>module.load</c>s the file (strict: every name and shape must match) and
/// copies the float64 tensors out unchanged, so the loaded twin scores through the same <see cref="FactorScorer"/> as
/// the run did — bit for bit.
/// </summary>
public sealed class TorchFactorModule : nn.Module
{
    /// <summary>The manifest format of this layout.</summary>
    public const string Format = "torch-module";

    /// <summary>The module file's name.</summary>
    public const string ModuleFile = "module.dat";

    /// <summary>The JSON file's name.</summary>
    public const string JsonFile = "model.json";

    private readonly TorchSharp.Modules.Parameter _userFactors;
    private readonly TorchSharp.Modules.Parameter _itemFactors;
    private readonly TorchSharp.Modules.Parameter _userBias;
    private readonly TorchSharp.Modules.Parameter _itemBias;

    /// <summary>A module holding a copy of <paramref name="state"/>'s bᵤ, bᵢ, P and Q.</summary>
    public TorchFactorModule(BiasedMf state)
        : base("biased_mf")
    {
        ArgumentNullException.ThrowIfNull(state);
        int m = state.P.Rows, n = state.Q.Rows, k = state.Factors;
        _userFactors = new TorchSharp.Modules.Parameter(tensor(state.P.Data, [m, k], ScalarType.Float64), requires_grad: false);
        _itemFactors = new TorchSharp.Modules.Parameter(tensor(state.Q.Data, [n, k], ScalarType.Float64), requires_grad: false);
        _userBias = new TorchSharp.Modules.Parameter(tensor(state.UserBias, [m], ScalarType.Float64), requires_grad: false);
        _itemBias = new TorchSharp.Modules.Parameter(tensor(state.ItemBias, [n], ScalarType.Float64), requires_grad: false);
        register_parameter("user_factors", _userFactors);
        register_parameter("item_factors", _itemFactors);
        register_parameter("user_bias", _userBias);
        register_parameter("item_bias", _itemBias);
    }

    /// <summary>μ (from the JSON) with the module's tables, copied out of the tensors.</summary>
    public BiasedMf ToModel(double mu) => TorchMfSgd.Snapshot(mu, _userFactors, _itemFactors, _userBias, _itemBias);

    /// <summary>Writes <c>module.dat</c> and <c>model.json</c> of <paramref name="scorer"/> into <paramref name="folder"/>; returns the file names.</summary>
    public static IReadOnlyList<string> Write(string folder, string name, FactorScorer scorer, IReadOnlyDictionary<string, double> hyperParameters)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        using (var module = new TorchFactorModule(scorer.Model))
        {
            string path = Path.Combine(folder, ModuleFile);
            string staging = path + ".partial";
            module.save(staging);
            File.Move(staging, path, overwrite: true);
        }
        JsonOutput.Write(Path.Combine(folder, JsonFile), new Document(
            name, FactorModelFile.Formula, scorer.UserIds.Count, scorer.ItemIds.Count, scorer.Model.Factors, scorer.UserIds, scorer.ItemIds, scorer.Model.Mu,
            new FactorModelFile.RangeJson(scorer.Range.Min, scorer.Range.Max), hyperParameters, ModuleFile));
        return [ModuleFile, JsonFile];
    }

    /// <summary>Reads <c>model.json</c> at <paramref name="path"/> and the module it names.</summary>
    public static FactorScorer Read(string path)
    {
        ModelJson json = ModelJson.Read(path);
        (int m, int n, int k, long[] userIds, long[] itemIds, double mu, Evaluation.RatingRange range) = FactorModelFile.Header(json);
        string modulePath = json.File("module");
        using var module = new TorchFactorModule(new BiasedMf(mu, new double[m], new double[n], new Matrix(m, k), new Matrix(n, k)));
        try
        {
            module.load(modulePath, strict: true);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or EndOfStreamException or FormatException)
        {
            throw new DataFormatException(modulePath, null, null, $"is not a TorchSharp module of {m}×{k} user and {n}×{k} item factors: {e.Message}");
        }
        BiasedMf model = module.ToModel(mu);
        return model.IsFinite() ? new FactorScorer(userIds, itemIds, model, range) : throw new DataFormatException(modulePath, null, null, "holds a value that is not finite");
    }

    private sealed record Document(
        string Model, string Formula, int Users, int Items, int Factors, IReadOnlyList<long> UserIds, IReadOnlyList<long> ItemIds, double Mu,
        FactorModelFile.RangeJson RatingRange, IReadOnlyDictionary<string, double> HyperParameters, string Module);
}
