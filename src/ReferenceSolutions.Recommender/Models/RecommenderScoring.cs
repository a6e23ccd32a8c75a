using System.Globalization;
using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.Models;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.Core.Solutions;
using ReferenceSolutions.Recommender.Factorization;

namespace ReferenceSolutions.Recommender.Models;

/// <summary>
/// <c>refsol score recommender</c>: every saved model of a run scores the (userId, movieId) pairs of a CSV with a header
/// naming at least <c>userId</c> and <c>movieId</c> (the ratings layout: a <c>rating</c> or any other column may be
/// present and is ignored). One column per model, in metrics.json's order: the rating models' clip(r̂)
/// (<see cref="FactorScorer"/>, unknown ids by the run's cold-start rule), and ffm-mlnet's P(rating ≥ 4). The twins are
/// compared on these rows (<see cref="TwinScores"/>): mf-sgd-from-scratch's state on the twins' sample vs mf-torch,
/// and als-from-scratch's vs als-torch.
/// </summary>
public static class RecommenderScoring
{
    /// <summary>The order of the CSV's columns, as in metrics.json.</summary>
    public static IReadOnlyList<string> Order { get; } =
        [RecommenderModels.GlobalMean, RecommenderModels.BiasBaseline, RecommenderModels.MfSgd, RecommenderModels.Als, RecommenderModels.Ffm, RecommenderModels.MfTorch, RecommenderModels.AlsTorch];

    /// <summary>Loads, scores and compares as the class summary says.</summary>
    public static ScoreOutput Score(ScoreRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Engine == ScoreEngines.Onnx)
        {
            throw new UserInputException("--engine onnx: no recommender model has an ONNX graph; score it with --engine native");
        }
        (long[] users, long[] items) = ReadPairs(request.InputFile);
        IReadOnlyList<(string Folder, ModelManifest Manifest)> saved = SavedModels.Of(request.ModelDirectory, RecommenderModels.Solution);
        foreach ((string folder, ModelManifest manifest) in saved)
        {
            if (!Order.Contains(manifest.Name))
            {
                throw new DataFormatException(Path.Combine(folder, ModelManifest.FileName), null, "'name'", $"'{Echo.Value(manifest.Name)}' is not a recommender model ({string.Join(", ", Order)})");
            }
        }
        var columns = new List<ScoreColumn>();
        var implementations = new Dictionary<string, object>(StringComparer.Ordinal);
        var scorers = new Dictionary<string, (FactorScorer Scorer, FactorScorer? TwinSample)>(StringComparer.Ordinal);
        foreach ((string folder, ModelManifest manifest) in saved.OrderBy(m => Order.IndexOf(m.Manifest.Name)))
        {
            double[] scores;
            string what;
            if (manifest.Name == RecommenderModels.Ffm)
            {
                scores = RecommenderModels.LoadFfm(folder, manifest).Score(users, items);
                what = "P(rating ≥ 4), ML.NET's float32 probability";
            }
            else
            {
                (FactorScorer scorer, _, FactorScorer? twin) = RecommenderModels.LoadFactors(folder, manifest);
                scorers[manifest.Name] = (scorer, twin);
                scores = [.. users.Select((u, r) => scorer.Predict(u, items[r]))];
                what = "clip(μ + bᵤ + bᵢ + pᵤ·qᵢ) to the training range; an unknown id has b = 0 and a zero factor row";
            }
            columns.Add(ScoreColumn.Of(manifest.Name, scores));
            implementations[manifest.Name] = new ScoredModel(manifest.Kind, manifest.Format, what);
        }
        var comparisons = new List<ParityCheck>();
        foreach ((string scratch, string torch, CheckDefinition check, Tolerance factors) in new[]
        {
            (RecommenderModels.MfSgd, RecommenderModels.MfTorch, RecommenderChecks.SgdTwinScores, RecommenderTolerances.SgdFactorsPerEpoch),
            (RecommenderModels.Als, RecommenderModels.AlsTorch, RecommenderChecks.AlsTwinScores, RecommenderTolerances.AlsFactorsPerEpoch),
        })
        {
            if (scorers.TryGetValue(scratch, out var left) && left.TwinSample is FactorScorer sample && scorers.TryGetValue(torch, out var right))
            {
                comparisons.Add(check.Measure(TwinScores.Compare(scratch, sample, torch, right.Scorer, users, items, factors.Value),
                    string.Create(CultureInfo.InvariantCulture, $"the {users.Length} rows of {request.InputFile}; {scratch}'s saved state on the twins' sample vs {torch}")));
            }
        }
        return new ScoreOutput(columns, ScoreReport.Create(users.Length, implementations, comparisons));
    }

    /// <summary>The (userId, movieId) of every row of <paramref name="path"/>; a bad id is a <see cref="DataFormatException"/> naming file, line and column.</summary>
    public static (long[] Users, long[] Items) ReadPairs(string path)
    {
        CsvTable table = CsvTable.Read(path, hasHeader: true);
        int userColumn = table.ColumnIndex(RecommenderModels.Features[0]);
        int itemColumn = table.ColumnIndex(RecommenderModels.Features[1]);
        long[] users = new long[table.RowCount], items = new long[table.RowCount];
        for (int r = 0; r < table.RowCount; r++)
        {
            users[r] = Id(table, r, userColumn);
            items[r] = Id(table, r, itemColumn);
        }
        return (users, items);
    }

    private static long Id(CsvTable table, int row, int column)
    {
        string text = table.Text(row, column);
        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long id)
            ? id
            : throw table.Error(row, column, text.Length == 0 ? "empty field, expected an integer id" : $"'{Echo.Value(text)}' is not a 64-bit integer id");
    }

    private static int IndexOf(this IReadOnlyList<string> list, string name)
    {
        for (int t = 0; t < list.Count; t++)
        {
            if (list[t] == name)
            {
                return t;
            }
        }
        return -1;
    }

    /// <summary>An entry of the report's implementations: the model's kind, format and what its column holds.</summary>
    private sealed record ScoredModel(string Kind, string Format, string Scores);
}
