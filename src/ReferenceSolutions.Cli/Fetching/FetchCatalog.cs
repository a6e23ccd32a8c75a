using System.Text.Json;
using ReferenceSolutions.Core.Data;

namespace ReferenceSolutions.Cli.Fetching;

/// <summary>
/// Where each dataset of data/README.md comes from. The SHA-256 of every file is taken from
/// <see cref="KnownDataset.All"/> (the README's list), so the download is checked against the same sums as the data folder.
/// </summary>
internal static class FetchCatalog
{
    private static readonly JsonSerializerOptions OverrideJson = new() { PropertyNameCaseInsensitive = true };

    /// <summary>The datasets in README order.</summary>
    public static IReadOnlyList<FetchableDataset> BuiltIn { get; } =
    [
        new("optdigits",
        [
            Plain("https://archive.ics.uci.edu/ml/machine-learning-databases/optdigits/optdigits.tra", "optdigits/optdigits-train.csv"),
            Plain("https://archive.ics.uci.edu/ml/machine-learning-databases/optdigits/optdigits.tes", "optdigits/optdigits-test.csv"),
        ],
        folder => ["run", "neuralnet", "--train", In(folder, "optdigits/optdigits-train.csv"), "--test", In(folder, "optdigits/optdigits-test.csv")]),
        new("movielens-small", [],
        folder => ["run", "recommender", "--ratings", In(folder, "movielens-small/ratings.csv"), "--movies", In(folder, "movielens-small/movies.csv")],
        "data/README.md's movielens-small/ratings.csv is the training split that ML.NET's samples ship (99,979 of the "
        + "100,836 ratings of GroupLens' ml-latest-small), which no publisher serves as a file, so no download can match "
        + "its SHA-256; download https://files.grouplens.org/datasets/movielens/ml-latest-small.zip yourself (GroupLens "
        + "licence) and give its files to 'refsol run recommender --ratings FILE --movies FILE'"),
        new("creditcard", [],
        folder => ["run", "fraud", "--data", In(folder, "creditcard-fraud/creditcard_sample.csv")],
        "data/README.md's creditcard-fraud/creditcard_sample.csv is an undersample (all 492 frauds and 4,920 legitimate "
        + "rows drawn with seed 42) of the ULB file, which its publisher serves only whole and only behind a login "
        + "(https://www.kaggle.com/datasets/mlg-ulb/creditcardfraud), so no download can match its SHA-256; give your "
        + "copy to 'refsol run fraud --data FILE'"),
        new("credit-default", [],
        folder => ["run", "fraud", "--data", In(folder, "credit-default/credit-default.csv"), "--label", "default"],
        "data/README.md's credit-default/credit-default.csv is a CSV conversion (label column renamed 'default') of "
        + "the Excel file UCI publishes (https://archive.ics.uci.edu/static/public/350/default+of+credit+card+clients.zip), "
        + "so no download can match its SHA-256; convert that file to CSV and give it to "
        + "'refsol run fraud --data FILE --label default'"),
    ];

    /// <summary>The names <c>refsol data fetch</c> accepts.</summary>
    public static IReadOnlyList<string> Names => [.. BuiltIn.Select(d => d.Name)];

    /// <summary>
    /// The dataset called <paramref name="name"/>, with its sources replaced by those in the JSON file
    /// <paramref name="sourcesFile"/> when it names the dataset:
    /// <c>{"optdigits": [{"url": "...", "maxBytes": null, "files": [{"path": "optdigits/optdigits-train.csv", "sha256": "...", "bytes": 563639, "member": null}]}]}</c>;
    /// every file needs its size in bytes.
    /// </summary>
    public static FetchableDataset Find(string name, string? sourcesFile)
    {
        FetchableDataset dataset = BuiltIn.FirstOrDefault(d => d.Name == name)
            ?? throw new UserInputException($"no dataset '{name}' (known: {string.Join(", ", Names)})");
        if (sourcesFile is null)
        {
            return dataset;
        }
        Dictionary<string, FetchSource[]> replacements = ReadSources(sourcesFile);
        if (!replacements.TryGetValue(name, out FetchSource[]? sources))
        {
            return dataset;
        }
        FetchedFile? unsized = sources.SelectMany(s => s.Files).FirstOrDefault(f => f.Bytes <= 0);
        if (unsized is not null)
        {
            throw new UserInputException($"{sourcesFile}: {name}: file '{unsized.Path}' needs its size in bytes (\"bytes\")");
        }
        return dataset with { Sources = sources, NotServed = null };
    }

    private static Dictionary<string, FetchSource[]> ReadSources(string file)
    {
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, FetchSource[]>>(File.ReadAllText(file), OverrideJson)
                ?? throw new UserInputException($"{file}: expected a JSON object of dataset sources");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new UserInputException($"{file}: {e.Message}", e);
        }
    }

    private static FetchSource Plain(string url, string path)
    {
        KnownDataset.DataFile known = KnownDataset.All.SelectMany(d => d.Files).Single(f => f.RelativePath == path);
        return new(url, [new FetchedFile(path, known.Sha256, known.Bytes)]);
    }

    private static string In(string folder, string path) => Path.Combine(folder, path);
}
