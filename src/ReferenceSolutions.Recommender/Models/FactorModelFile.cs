using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Output;
using ReferenceSolutions.Recommender.Evaluation;
using ReferenceSolutions.Recommender.Factorization;

namespace ReferenceSolutions.Recommender.Models;

/// <summary>
/// The <c>refsol-mf</c> format of a from-scratch rating model (global mean, bias baseline, MF-SGD, ALS): one JSON file
/// <c>&lt;stem&gt;.json</c> and, when k ≥ 1, P and Q in <see cref="BinaryArrayFile"/> side files beside it.
/// <code>
/// {"model": name, "formula": text, "users": m, "items": n, "factors": k,
///  "userIds": [m ids], "itemIds": [n ids],          index → external id (ascending ids)
///  "mu": μ, "userBias": [m], "itemBias": [n],
///  "ratingRange": {"min", "max"},                    predictions are clipped to it
///  "hyperParameters": {name: number},                how the model was fitted (documentation only)
///  "p": "&lt;stem&gt;-p.bin", "q": "&lt;stem&gt;-q.bin",   float64 m×k and n×k (absent when k = 0)
///  "seen": {"offsets": "seen-offsets.bin", "items": "seen-items.bin"}}   int32 (m+1)×1 and N×1, see SeenItems (MF-SGD only)
/// </code>
/// r̂ᵤᵢ = clip(μ + bᵤ + bᵢ + pᵤ·qᵢ) (<see cref="FactorScorer"/>). The global mean is saved with every bias 0 and
/// k = 0, the bias baseline with k = 0: one format and one scorer for all four.
/// </summary>
public static class FactorModelFile
{
    /// <summary>The manifest format of this layout.</summary>
    public const string Format = "refsol-mf";

    /// <summary>The formula recorded in every file.</summary>
    public const string Formula = "r̂ = clip(μ + bᵤ + bᵢ + pᵤ·qᵢ, ratingRange.min, ratingRange.max); an id not in userIds/itemIds has b = 0 and a zero factor row";

    /// <summary>Writes <paramref name="scorer"/> as <c>&lt;stem&gt;.json</c> (+ side files) into <paramref name="folder"/>; returns the file names written.</summary>
    public static IReadOnlyList<string> Write(string folder, string stem, string name, FactorScorer scorer, IReadOnlyDictionary<string, double> hyperParameters, SeenItems? seen = null)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        BiasedMf model = scorer.Model;
        int k = model.Factors;
        var files = new List<string> { $"{stem}.json" };
        string? p = null, q = null;
        if (k > 0)
        {
            p = $"{stem}-p.bin";
            q = $"{stem}-q.bin";
            BinaryArrayFile.WriteDoubles(Path.Combine(folder, p), model.P.Rows, k, model.P.Data);
            BinaryArrayFile.WriteDoubles(Path.Combine(folder, q), model.Q.Rows, k, model.Q.Data);
            files.AddRange([p, q]);
        }
        SeenFiles? seenFiles = null;
        if (seen is not null)
        {
            seenFiles = new SeenFiles("seen-offsets.bin", "seen-items.bin");
            BinaryArrayFile.WriteInts(Path.Combine(folder, seenFiles.Offsets), seen.Offsets.Length, 1, seen.Offsets);
            BinaryArrayFile.WriteInts(Path.Combine(folder, seenFiles.Items), seen.Items.Length, 1, seen.Items);
            files.AddRange([seenFiles.Offsets, seenFiles.Items]);
        }
        JsonOutput.Write(Path.Combine(folder, $"{stem}.json"), new Document(
            name, Formula, scorer.UserIds.Count, scorer.ItemIds.Count, k, scorer.UserIds, scorer.ItemIds, model.Mu, model.UserBias, model.ItemBias,
            new RangeJson(scorer.Range.Min, scorer.Range.Max), hyperParameters, p, q, seenFiles));
        return files;
    }

    /// <summary>Reads <paramref name="path"/> and its side files; the seen items when the file lists them.</summary>
    public static (FactorScorer Scorer, SeenItems? Seen) Read(string path)
    {
        ModelJson json = ModelJson.Read(path);
        (int m, int n, int k, long[] userIds, long[] itemIds, double mu, RatingRange range) = Header(json);
        double[] userBias = json.Numbers("userBias", m);
        double[] itemBias = json.Numbers("itemBias", n);
        Matrix p = k == 0 ? new Matrix(m, 0) : new Matrix(m, k, BinaryArrayFile.ReadDoubles(json.File("p"), m, k));
        Matrix q = k == 0 ? new Matrix(n, 0) : new Matrix(n, k, BinaryArrayFile.ReadDoubles(json.File("q"), n, k));
        RequireFinite(json, "p", p.Data);
        RequireFinite(json, "q", q.Data);
        SeenItems? seen = null;
        if (json.Has("seen"))
        {
            ModelJson files = json.Object("seen");
            int[] offsets = BinaryArrayFile.ReadInts(files.File("offsets"), m + 1, 1);
            int total = offsets[m];
            if (total < 0)
            {
                throw json.Error("seen.offsets", $"ends at {total}, not a count of ratings");
            }
            seen = new SeenItems(offsets, BinaryArrayFile.ReadInts(files.File("items"), total, 1)).Require(path, m, n);
        }
        return (new FactorScorer(userIds, itemIds, new BiasedMf(mu, userBias, itemBias, p, q), range), seen);
    }

    /// <summary>The fields every rating model's JSON shares: m, n, k, the id maps, μ and the range.</summary>
    internal static (int M, int N, int K, long[] UserIds, long[] ItemIds, double Mu, RatingRange Range) Header(ModelJson json)
    {
        int m = json.Integer("users", 0);
        int n = json.Integer("items", 0);
        int k = json.Integer("factors", 0, RecommenderOptions.MaxFactors);
        long[] userIds = json.Ids("userIds", m);
        long[] itemIds = json.Ids("itemIds", n);
        double mu = json.Number("mu");
        ModelJson rangeJson = json.Object("ratingRange");
        double min = rangeJson.Number("min"), max = rangeJson.Number("max");
        if (!(min <= max))
        {
            throw json.Error("ratingRange", $"min {min} is above max {max}");
        }
        return (m, n, k, userIds, itemIds, mu, new RatingRange(min, max));
    }

    private static void RequireFinite(ModelJson json, string field, double[] values)
    {
        for (int t = 0; t < values.Length; t++)
        {
            if (!double.IsFinite(values[t]))
            {
                throw json.Error(field, $"value {t} is {values[t]}, not finite");
            }
        }
    }

    private sealed record Document(
        string Model, string Formula, int Users, int Items, int Factors,
        IReadOnlyList<long> UserIds, IReadOnlyList<long> ItemIds, double Mu, IReadOnlyList<double> UserBias, IReadOnlyList<double> ItemBias,
        RangeJson RatingRange, IReadOnlyDictionary<string, double> HyperParameters, string? P, string? Q, SeenFiles? Seen);

    private sealed record SeenFiles(string Offsets, string Items);

    /// <summary><c>{"min", "max"}</c> of a rating range.</summary>
    internal sealed record RangeJson(double Min, double Max);
}
