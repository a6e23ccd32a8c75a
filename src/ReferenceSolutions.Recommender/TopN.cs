using System.Globalization;
using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.Recommender.Evaluation;
using ReferenceSolutions.Recommender.Factorization;
using ReferenceSolutions.Recommender.Ratings;
using ReferenceSolutions.Recommender.Selection;

namespace ReferenceSolutions.Recommender;

/// <summary>
/// One recommended item: its rank (1-based), id, title when known, and predicted rating r̂ᵤᵢ (clipped to the rating
/// range); when an interval was asked for, its ends r̂ᵤᵢ ∓ z·√v clipped to the range (<see cref="PredictiveVariance"/>).
/// </summary>
public sealed record Recommendation(int Rank, long ItemId, string? Title, double PredictedRating, double? Low = null, double? High = null);

/// <summary>
/// A user's top-N list and a one-line <see cref="Notice"/> when it is not personalised (a user without ratings) or empty
/// (the user rated every item); or, when the model could not be fitted (MF-SGD diverged), no items and
/// <see cref="Failure"/> saying why.
/// </summary>
public sealed record RecommendationList(IReadOnlyList<Recommendation> Items, string? Notice, string? Failure = null);

/// <summary>
/// Top-N recommendation for one user (<c>refsol recommend</c>). A user with ratings: MF-SGD's λ and epochs are chosen
/// as in the run — fitted on a seeded 90 % of the ratings, scored on the other 10 % (<see cref="HyperParameterSearch.Sgd"/>;
/// above 10⁶ of those training ratings on a seeded sample of whole users, which the list's notice says) — then MF-SGD is refitted on all ratings with them, and the user's unrated items are ranked by r̂ᵤᵢ (ties by item
/// id), each shown with r̂ᵤᵢ clipped to the ratings' range; a fit whose factors are not finite (diverged) gives no list
/// but the reason. With an interval level, each item also gets r̂ᵤᵢ ± z·√v, v the predictive variance of the weighted-λ
/// user half-step around MF-SGD's item side with MF-SGD's λ (<see cref="PredictiveVariance"/>: SGD's summed loss is
/// ½J of ALS for the same λ), both ends clipped to the range. A user without ratings: the non-personalised list of
/// <see cref="ForNewUser"/>, without intervals. Nothing a list reports was used to choose anything.
/// </summary>
public static class TopN
{
    /// <summary>The share of the ratings held out to choose MF-SGD's λ and epochs (or the baseline's λ).</summary>
    public const double ValidationFraction = 0.1;

    /// <summary>A new user's list ranks items with at least min(this, the largest count any item has) ratings.</summary>
    public const int PopularMinimumRatings = 10;

    /// <summary>
    /// The top <paramref name="top"/> unrated items of user index <paramref name="user"/>, ranked by r̂ᵤᵢ of
    /// <paramref name="model"/> (ties by item id); each reported prediction is r̂ᵤᵢ clipped to <paramref name="range"/>
    /// (ranking by the clipped value would tie every item above the range and order them by id).
    /// </summary>
    public static IReadOnlyList<Recommendation> For(IRatingModel model, RatingRange range, RatingSet ratings, int user, int top, IReadOnlyDictionary<long, string>? titles)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        var rated = new HashSet<int>();
        for (int r = 0; r < ratings.Count; r++)
        {
            if (ratings.Users[r] == user)
            {
                rated.Add(ratings.Items[r]);
            }
        }
        return For(model, range, ratings.ItemIds, rated, user, top, titles);
    }

    /// <summary>
    /// The same list over item ids <paramref name="itemIds"/> (index → id), leaving out the item indices in
    /// <paramref name="rated"/>: the form <c>run recommender</c> and <c>recommend --model</c> share.
    /// </summary>
    public static IReadOnlyList<Recommendation> For(IRatingModel model, RatingRange range, IReadOnlyList<long> itemIds, IReadOnlySet<int> rated, int user, int top, IReadOnlyDictionary<long, string>? titles)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(range);
        ArgumentNullException.ThrowIfNull(itemIds);
        ArgumentNullException.ThrowIfNull(rated);
        return Ranked(Enumerable.Range(0, itemIds.Count).Where(i => !rated.Contains(i)).Select(i => (i, model.Predict(user, i))), itemIds, range, top, titles);
    }

    /// <summary>
    /// The cold-start list: the items whose rating count is at least m = min(<see cref="PopularMinimumRatings"/>, the
    /// largest count), ranked by <paramref name="score"/> (μ + bᵢ of a bias baseline), shown clipped; m is returned.
    /// </summary>
    public static (IReadOnlyList<Recommendation> Items, int Minimum) Popular(IReadOnlyList<long> itemIds, int[] counts, Func<int, double> score, RatingRange range, int top, IReadOnlyDictionary<long, string>? titles)
    {
        ArgumentNullException.ThrowIfNull(itemIds);
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(score);
        int minimum = Math.Min(PopularMinimumRatings, counts.Max());
        return (Ranked(Enumerable.Range(0, itemIds.Count).Where(i => counts[i] >= minimum).Select(i => (i, score(i))), itemIds, range, top, titles), minimum);
    }

    /// <summary>
    /// The list for a user without ratings: items with at least m = min(<see cref="PopularMinimumRatings"/>, the
    /// largest count) ratings — so at least one item always qualifies — ranked by μ + bᵢ of the bias baseline fitted on
    /// all ratings (shown clipped), its λ chosen on a validation split as in the run.
    /// </summary>
    public static RecommendationList ForNewUser(RatingSet ratings, long userId, int top, RecommenderOptions options, Rng rng, IReadOnlyDictionary<long, string>? titles)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        ArgumentNullException.ThrowIfNull(options);
        (RatingSet train, RatingSet validation) = HoldOut(ratings, rng);
        BiasChoice choice = HyperParameterSearch.Bias(train, validation, options.BiasRegularization);
        BiasBaseline baseline = BiasBaseline.Fit(ratings, choice.Lambda, HyperParameterSearch.BiasSweeps);
        var range = RatingRange.Of(ratings);
        int[] counts = [.. ratings.ByItem().Select(r => r.Length)];
        (IReadOnlyList<Recommendation> list, int minimum) = Popular(ratings.ItemIds, counts, baseline.PredictForNewUser, range, top, titles);
        string notice = string.Create(CultureInfo.InvariantCulture,
            $"user {userId} has no ratings in {ratings.Source}: not personalised — the items with at least {minimum} ratings, ranked by μ + bᵢ of the bias baseline (λ = {choice.Lambda}) fitted on all ratings");
        return new RecommendationList(list, notice);
    }

    /// <summary>
    /// Reads the ratings (or generates the built-in ones for <paramref name="seed"/>) and recommends for external user
    /// id <paramref name="userId"/> as the class summary says; options given are fixed, the others chosen on validation.
    /// </summary>
    public static RecommendationList Recommend(string? ratingsPath, string? moviesPath, long userId, int top, ulong seed, RecommenderOptions options, double? intervalLevel = null) =>
        Recommend(ratingsPath, moviesPath, userId, top, seed, options, intervalLevel, RecommenderSelection.MaxSearchTrainRatings);

    /// <summary>
    /// <see cref="Recommend(string?, string?, long, int, ulong, RecommenderOptions, double?)"/> with the search's
    /// sampling threshold given: above <paramref name="maxSearchTrainRatings"/> training ratings MF-SGD's λ and epochs
    /// are chosen on a seeded sample of whole users, as <c>run recommender</c> does
    /// (<see cref="RecommenderSelection.SearchData"/>), and the list's notice says so; tests use a small threshold.
    /// </summary>
    internal static RecommendationList Recommend(string? ratingsPath, string? moviesPath, long userId, int top, ulong seed, RecommenderOptions options, double? intervalLevel, int maxSearchTrainRatings)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (top < 1)
        {
            throw new UserInputException($"--top must be at least 1, not {top}");
        }
        if (intervalLevel is double level && !IntervalCoverage.Levels.Contains(level))
        {
            throw new UserInputException(string.Create(CultureInfo.InvariantCulture, $"--intervals must be 0.8 or 0.95 (the levels whose coverage `run recommender` measures), not {level}"));
        }
        RatingSet ratings = ratingsPath is null ? SyntheticRatings.Generate(seed) : RatingsFile.Read(ratingsPath);
        IReadOnlyDictionary<long, string>? titles = moviesPath is null ? null : MovieTitles.Read(moviesPath);
        var rng = new Rng(seed);
        int user = ratings.UserIndex(userId);
        if (user < 0)
        {
            RecommendationList popular = ForNewUser(ratings, userId, top, options, rng, titles);
            return intervalLevel is null ? popular : popular with { Notice = $"{popular.Notice}; no predictive intervals: a user without ratings has no posterior" };
        }
        options.RequireFits(ratings);
        int factors = options.FactorCount;
        (RatingSet train, RatingSet validation) = HoldOut(ratings, rng);
        (train, validation, string? sample) = RecommenderSelection.SearchData(train, validation, options.Regularization is null || options.Epochs is null, rng, maxSearchTrainRatings);
        BiasedMf start = BiasedMf.Initial(train.UserCount, train.ItemCount, factors, train.Mean(), RecommenderRun.InitialScale, rng.Fork()).ZeroRowsWithoutRatings(train);
        MfChoice choice = HyperParameterSearch.Sgd(train, validation, start, options.Eta, options.Regularization, options.Epochs, rng.NextUInt64());
        BiasedMf initial = BiasedMf.Initial(ratings.UserCount, ratings.ItemCount, factors, ratings.Mean(), RecommenderRun.InitialScale, rng.Fork());
        var orders = EpochOrders.Seeded(rng.NextUInt64(), choice.Epochs);
        int diverged = 0;
        BiasedMf model = new MfSgd(options.Eta, choice.Lambda, orders).Train(initial, ratings, (epoch, state) => diverged = diverged > 0 || state.IsFinite() ? diverged : epoch);
        if (diverged > 0)
        {
            return new RecommendationList([], null, $"{ratings.Source}: {RecommenderRun.Divergence(diverged, choice.Epochs, options.Eta, choice.Lambda)}");
        }
        var range = RatingRange.Of(ratings);
        IReadOnlyList<Recommendation> items = For(model, range, ratings, user, top, titles);
        string? searched = sample is null ? null : $"MF-SGD's λ and epochs were chosen on a sample: {sample}";
        string? notice = items.Count == 0 ? Join($"user {userId} has rated all {ratings.ItemCount} items in {ratings.Source}: nothing is left to recommend", searched) : searched;
        if (intervalLevel is double z && items.Count > 0)
        {
            PredictiveVariance variance = PredictiveVariance.Fit(model, ratings, choice.Lambda);
            if (!double.IsFinite(variance.NoiseVariance))
            {
                return new RecommendationList(items, Join($"no predictive intervals: σ² is not estimable from {ratings.Count} ratings (the user half-step's degrees of freedom leave none)", searched));
            }
            items = WithIntervals(items, model, variance, ratings, user, range, IntervalCoverage.Z(z));
        }
        return new RecommendationList(items, notice);
    }

    /// <summary>The notices that are not null, joined by "; ".</summary>
    private static string Join(string notice, string? more) => more is null ? notice : $"{notice}; {more}";

    /// <summary>Each item of <paramref name="items"/> with [clip(r̂ − z·√v), clip(r̂ + z·√v)], r̂ unclipped.</summary>
    private static List<Recommendation> WithIntervals(IReadOnlyList<Recommendation> items, BiasedMf model, PredictiveVariance variance, RatingSet ratings, int user, RatingRange range, double z)
    {
        var index = new Dictionary<long, int>(ratings.ItemCount);
        for (int i = 0; i < ratings.ItemCount; i++)
        {
            index[ratings.ItemIds[i]] = i;
        }
        int[] indices = [.. items.Select(r => index[r.ItemId])];
        double[] v = variance.ForUser(user, indices);
        return [.. items.Select((r, t) =>
        {
            double center = model.Predict(user, indices[t]), half = z * Math.Sqrt(v[t]);
            return r with { Low = range.Clip(center - half), High = range.Clip(center + half) };
        })];
    }

    private static (RatingSet Train, RatingSet Validation) HoldOut(RatingSet ratings, Rng rng)
    {
        (RatingSet train, RatingSet validation) = ratings.Split(ValidationFraction, rng.Fork());
        if (validation.Count == 0)
        {
            throw new UserInputException($"{ratings.Source}: {ratings.Count} ratings are too few to hold out a validation split ({ValidationFraction:P0} rounds to none)");
        }
        return (train, validation);
    }

    private static List<Recommendation> Ranked(IEnumerable<(int Item, double Score)> scored, IReadOnlyList<long> itemIds, RatingRange range, int top, IReadOnlyDictionary<long, string>? titles) =>
        scored.OrderByDescending(x => x.Score)
            .ThenBy(x => itemIds[x.Item])
            .Take(top)
            .Select((x, rank) => new Recommendation(rank + 1, itemIds[x.Item], titles?.GetValueOrDefault(itemIds[x.Item]), range.Clip(x.Score)))
            .ToList();
}
