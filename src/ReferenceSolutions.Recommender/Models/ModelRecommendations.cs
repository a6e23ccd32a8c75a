using System.Globalization;
using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.Models;

namespace ReferenceSolutions.Recommender.Models;

/// <summary>
/// Top-N lists from MF-SGD's factors without training, the code behind both <c>recommendations.csv</c> (during the run)
/// and <c>refsol recommend --model</c> (from the saved models), so the two cannot disagree. A user in MF-SGD's id map:
/// the items they have not rated (<see cref="SeenItems"/>, all of the run's ratings), ranked by r̂ᵤᵢ, shown clipped
/// (<see cref="TopN.For(Factorization.IRatingModel, Evaluation.RatingRange, IReadOnlyList{long}, IReadOnlySet{int}, int, int, IReadOnlyDictionary{long, string}?)"/>).
/// A user it has never seen: the cold-start list (<see cref="TopN.Popular"/>) — the items with at least
/// min(10, the largest count) ratings in the run's data, ranked by μ + bᵢ of the run's bias baseline, shown clipped to
/// its range.
/// </summary>
public sealed class ModelRecommendations(FactorScorer model, SeenItems seen, FactorScorer baseline)
{
    /// <summary>Loads mf-sgd-from-scratch (with its seen items) and bias-baseline from <paramref name="directory"/> (a run folder or its models/).</summary>
    public static ModelRecommendations Load(string directory)
    {
        (string sgdFolder, ModelManifest sgdManifest) = RecommenderModels.Find(directory, RecommenderModels.MfSgd, "recommend --model ranks by MF-SGD");
        (FactorScorer model, SeenItems? seen, _) = RecommenderModels.LoadFactors(sgdFolder, sgdManifest);
        if (seen is null)
        {
            throw new DataFormatException(Path.Combine(sgdFolder, $"{RecommenderModels.ModelStem}.json"), null, "'seen'", "is missing: the items each user rated are needed to leave them out");
        }
        (string biasFolder, ModelManifest biasManifest) = RecommenderModels.Find(directory, RecommenderModels.BiasBaseline, "the cold-start list ranks by the bias baseline");
        (FactorScorer baseline, _, _) = RecommenderModels.LoadFactors(biasFolder, biasManifest);
        if (!baseline.ItemIds.SequenceEqual(model.ItemIds))
        {
            throw new DataFormatException(Path.Combine(biasFolder, $"{RecommenderModels.ModelStem}.json"), null, "'itemIds'", $"differ from {RecommenderModels.MfSgd}'s: the two models are not from one run");
        }
        return new ModelRecommendations(model, seen, baseline);
    }

    /// <summary>The external ids of the users MF-SGD knows, in its index order; any other id gets the cold-start list.</summary>
    public IReadOnlyList<long> UserIds => model.UserIds;

    /// <summary>The list for external user id <paramref name="userId"/>, with a notice when it is not personalised or empty.</summary>
    public RecommendationList For(long userId, int top, IReadOnlyDictionary<long, string>? titles)
    {
        if (top < 1)
        {
            throw new UserInputException($"--top must be at least 1, not {top}");
        }
        int user = model.UserIndex(userId);
        if (user < 0)
        {
            int[] counts = seen.Counts(model.ItemIds.Count);
            (IReadOnlyList<Recommendation> popular, int minimum) = TopN.Popular(model.ItemIds, counts, i => baseline.UnclippedAt(-1, i), baseline.Range, top, titles);
            return new RecommendationList(popular, string.Create(CultureInfo.InvariantCulture,
                $"user {userId} is not in the saved model: not personalised — the items with at least {minimum} ratings, ranked by μ + bᵢ of the run's bias baseline"));
        }
        var rated = new HashSet<int>(seen.Of(user).ToArray());
        IReadOnlyList<Recommendation> items = TopN.For(model.Model, model.Range, model.ItemIds, rated, user, top, titles);
        return new RecommendationList(items, items.Count == 0 ? $"user {userId} has rated all {model.ItemIds.Count} items of the run: nothing is left to recommend" : null);
    }

    /// <summary><c>recommendations.csv</c>: the top 10 of the first five users (by index), <c>userId,rank,movieId,predicted,title</c>, predicted in shortest round-trip form.</summary>
    public string Csv(IReadOnlyDictionary<long, string>? titles)
    {
        var text = new System.Text.StringBuilder("userId,rank,movieId,predicted,title\n");
        for (int u = 0; u < Math.Min(5, model.UserIds.Count); u++)
        {
            foreach (Recommendation r in For(model.UserIds[u], 10, titles).Items)
            {
                string title = (r.Title ?? "").Replace("\"", "\"\"", StringComparison.Ordinal);
                text.Append(CultureInfo.InvariantCulture, $"{model.UserIds[u]},{r.Rank},{r.ItemId},{r.PredictedRating:R},\"{title}\"\n");
            }
        }
        return text.ToString();
    }

}
