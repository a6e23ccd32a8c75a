using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.Recommender.Factorization;
using ReferenceSolutions.Recommender.Ratings;

namespace ReferenceSolutions.Recommender;

/// <summary>One recommended item: its rank (1-based), id, title when known, and predicted rating r̂ᵤᵢ.</summary>
public sealed record Recommendation(int Rank, long ItemId, string? Title, double PredictedRating);

/// <summary>
/// Top-N recommendation for one user: biased MF (SGD, from scratch) trained on all ratings, then the items the user
/// has not rated ranked by r̂ᵤᵢ descending (ties by item id).
/// </summary>
public static class TopN
{
    /// <summary>The top <paramref name="top"/> unrated items of user index <paramref name="user"/> under <paramref name="model"/>.</summary>
    public static IReadOnlyList<Recommendation> For(IRatingModel model, RatingSet ratings, int user, int top, IReadOnlyDictionary<long, string>? titles)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(ratings);
        var rated = new HashSet<int>();
        for (int r = 0; r < ratings.Count; r++)
        {
            if (ratings.Users[r] == user)
            {
                rated.Add(ratings.Items[r]);
            }
        }
        return Enumerable.Range(0, ratings.ItemCount)
            .Where(i => !rated.Contains(i))
            .Select(i => (Item: i, Score: model.Predict(user, i)))
            .OrderByDescending(x => x.Score)
            .ThenBy(x => ratings.ItemIds[x.Item])
            .Take(top)
            .Select((x, rank) => new Recommendation(rank + 1, ratings.ItemIds[x.Item], titles?.GetValueOrDefault(ratings.ItemIds[x.Item]), x.Score))
            .ToList();
    }

    /// <summary>
    /// Reads the ratings (or generates the built-in ones for <paramref name="seed"/>), trains biased MF by SGD on all of
    /// them and recommends for external user id <paramref name="userId"/>; an unknown user is a <see cref="UserInputException"/>.
    /// </summary>
    public static IReadOnlyList<Recommendation> Recommend(string? ratingsPath, string? moviesPath, long userId, int top, ulong seed, RecommenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (top < 1)
        {
            throw new UserInputException($"--top must be at least 1, not {top}");
        }
        RatingSet ratings = ratingsPath is null ? SyntheticRatings.Generate(seed) : RatingsFile.Read(ratingsPath);
        IReadOnlyDictionary<long, string>? titles = moviesPath is null ? null : MovieTitles.Read(moviesPath);
        int user = ratings.UserIndex(userId);
        if (user < 0)
        {
            throw new UserInputException($"{ratings.Source}: user {userId} has no ratings (user ids run from {ratings.UserIds.Min()} to {ratings.UserIds.Max()})");
        }
        if (options.Factors > Math.Min(ratings.UserCount, ratings.ItemCount))
        {
            throw new UserInputException($"--factors {options.Factors} is larger than min(users, items) = {Math.Min(ratings.UserCount, ratings.ItemCount)}");
        }
        var rng = new Rng(seed);
        BiasedMf initial = BiasedMf.Initial(ratings.UserCount, ratings.ItemCount, options.Factors, ratings.Mean(), RecommenderRun.InitialScale, rng.Fork());
        int[][] orders = MfSgd.Orders(ratings.Count, options.Epochs, rng.Fork());
        BiasedMf model = new MfSgd(options.LearningRate, options.Regularization, orders).Train(initial, ratings);
        return For(model, ratings, user, top, titles);
    }
}
