using ReferenceSolutions.Core.Evaluation;
using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.Core.Solutions;
using ReferenceSolutions.Recommender.Factorization;
using ReferenceSolutions.Recommender.Ratings;

namespace ReferenceSolutions.Recommender.Selection;

/// <summary>
/// The hyper-parameters of every model a run reports — the bias baseline's λ, MF-SGD's λ and epochs, ALS's λ and
/// epochs — each chosen on <see cref="RatingSplit.Validation"/> after fitting on <see cref="RatingSplit.Train"/>
/// (<see cref="HyperParameterSearch"/>) unless given in the options. k, η, the initial scale, the bias sweeps and
/// ML.NET's FFM settings are fixed. <see cref="ToProtocol"/> writes all of it as metrics.json's <c>protocol</c>.
/// </summary>
public sealed record RecommenderSelection(BiasChoice Bias, MfChoice Sgd, MfChoice Als)
{
    /// <summary>
    /// The most training ratings the search fits on. Above it the search runs on a seeded sample of users with all
    /// their ratings (see <see cref="SearchData"/>); the reported models are still refitted on every non-test rating.
    /// The search trains (4 λ × 100 + 5 λ × 20) epochs, so this bounds its cost at any N (docs/recommender.md#at-scale).
    /// </summary>
    public const int MaxSearchTrainRatings = 1_000_000;

    /// <summary>How the search's ratings were sampled from the splits, or null when it used them whole.</summary>
    public string? SearchSample { get; init; }

    /// <summary>The validation RMSE, as <c>protocol.metric</c> names it.</summary>
    public const string Metric = "RMSE on the validation split, predictions clipped to the training split's rating range";

    /// <summary>True when any hyper-parameter was chosen on validation.</summary>
    public bool Searched => Bias.Searched || Sgd.Searched || Als.Searched;

    /// <summary>
    /// Chooses what the options leave open. The factorizations start from one seeded state (<paramref name="rng"/>'s
    /// first fork; rows without training ratings zeroed, see <see cref="BiasedMf.ZeroRowsWithoutRatings"/>), and
    /// MF-SGD's epoch orders are drawn from the seed of its second fork.
    /// </summary>
    public static RecommenderSelection Choose(RatingSplit split, RecommenderOptions options, Rng rng, IRunProgress progress) =>
        Choose(split, options, rng, progress, MaxSearchTrainRatings);

    /// <summary><see cref="Choose(RatingSplit, RecommenderOptions, Rng, IRunProgress)"/> with the search's sampling threshold given (tests use a small one).</summary>
    internal static RecommenderSelection Choose(RatingSplit split, RecommenderOptions options, Rng rng, IRunProgress progress, int maxSearchTrainRatings)
    {
        ArgumentNullException.ThrowIfNull(split);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(rng);
        ArgumentNullException.ThrowIfNull(progress);
        bool open = options.BiasRegularization is null || options.Regularization is null || options.Epochs is null || options.AlsRegularization is null || options.AlsEpochs is null;
        if (open && (split.Train.Count == 0 || split.Validation.Count == 0))
        {
            throw new Core.Data.UserInputException($"{split.Fit.Source}: {split.Fit.Count + split.Test.Count} ratings are too few to hold out a validation split; give every hyper-parameter (--reg, --epochs, --als-reg, --als-epochs, --bias-reg) to fit without one");
        }
        Rng initialRng = rng.Fork();
        ulong orders = rng.NextUInt64();
        (RatingSet train, RatingSet validation, string? sample) = SearchData(split.Train, split.Validation, open, rng, maxSearchTrainRatings);
        BiasedMf initial = BiasedMf.Initial(train.UserCount, train.ItemCount, options.FactorCount, train.Mean(), RecommenderRun.InitialScale, initialRng)
            .ZeroRowsWithoutRatings(train);
        BiasChoice bias = HyperParameterSearch.Bias(train, validation, options.BiasRegularization);
        MfChoice sgd = HyperParameterSearch.Sgd(train, validation, initial, options.Eta, options.Regularization, options.Epochs, orders,
            (done, total) => progress.Report("mf-sgd selection (validation)", done, total));
        MfChoice als = HyperParameterSearch.Als(train, validation, initial, options.AlsRegularization, options.AlsEpochs,
            (done, total) => progress.Report("als selection (validation)", done, total));
        return new RecommenderSelection(bias, sgd, als) { SearchSample = sample };
    }

    /// <summary>
    /// The train and validation ratings a search that is <paramref name="open"/> uses: <paramref name="train"/> and
    /// <paramref name="validation"/>, or above
    /// <paramref name="maxTrainRatings"/> training ratings a seeded sample of users with all their ratings — the users
    /// with training ratings in the order of a permutation from a fork of <paramref name="rng"/> (forked only when
    /// sampling), each taken while the training ratings taken stay at most <paramref name="maxTrainRatings"/>; their
    /// training ratings re-indexed over the users and items in them (<see cref="RatingSet.Compact"/>: small tables, so
    /// the 500 epochs of the search stay in cache), and their validation ratings on those items. A user keeps every
    /// rating, so the sample has the data's ratings per user, which λ and the epoch count depend on most.
    /// </summary>
    internal static (RatingSet Train, RatingSet Validation, string? Sample) SearchData(RatingSet train, RatingSet validation, bool open, Rng rng, int maxTrainRatings)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentNullException.ThrowIfNull(rng);
        if (!open || train.Count <= maxTrainRatings)
        {
            return (train, validation, null);
        }
        int[] perUser = new int[train.UserCount];
        foreach (int u in train.Users)
        {
            perUser[u]++;
        }
        bool[] chosen = new bool[perUser.Length];
        long taken = 0;
        int users = 0;
        foreach (int u in rng.Fork().Permutation(perUser.Length))
        {
            if (perUser[u] > 0 && taken + perUser[u] <= maxTrainRatings)
            {
                chosen[u] = true;
                taken += perUser[u];
                users++;
            }
        }
        (RatingSet sampleTrain, int[] oldUsers, int[] oldItems) = train.Subset(Of(train, chosen)).Compact();
        RatingSet sampleValidation = validation.Subset(Of(validation, chosen)).Restrict(oldUsers, oldItems);
        int withRatings = perUser.Count(n => n > 0);
        return (sampleTrain, sampleValidation, string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"above {maxTrainRatings} training ratings the search runs on a seeded sample of {users} of the {withRatings} users with training ratings (taken in a seeded random order while their training ratings total at most {maxTrainRatings}): their {sampleTrain.Count} of the {train.Count} training ratings ({sampleTrain.ItemCount} items), scored on their {sampleValidation.Count} of the {validation.Count} validation ratings on those items"));
    }

    private static int[] Of(RatingSet ratings, bool[] chosen) => [.. Enumerable.Range(0, ratings.Count).Where(r => chosen[ratings.Users[r]])];

    /// <summary>
    /// metrics.json's <c>protocol</c>: the split sizes (train + validation + test = N), <c>validation</c> or
    /// <c>fixed</c>, every candidate with its score, the selected values and the fixed ones, per model. When nothing
    /// was searched the models are fitted on train ∪ validation directly and it is reported as train.
    /// </summary>
    public Protocol ToProtocol(RatingSplit split, RecommenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(split);
        ArgumentNullException.ThrowIfNull(options);
        var selected = new Dictionary<string, object>();
        var fixedValues = new Dictionary<string, object>();
        Describe("bias-baseline", Bias.Searched, Bias.Lambda, null, false, selected, fixedValues, new() { ["sweeps"] = HyperParameterSearch.BiasSweeps });
        Describe("mf-sgd-from-scratch", Sgd.LambdaSearched, Sgd.Lambda, Sgd.Epochs, Sgd.EpochsSearched, selected, fixedValues,
            new() { ["factors"] = options.FactorCount, ["lr"] = options.Eta, ["initialScale"] = RecommenderRun.InitialScale });
        Describe("als-from-scratch", Als.LambdaSearched, Als.Lambda, Als.Epochs, Als.EpochsSearched, selected, fixedValues,
            new() { ["factors"] = options.FactorCount, ["initialScale"] = RecommenderRun.InitialScale });
        fixedValues["ffm-mlnet"] = new Dictionary<string, object> { ["iterations"] = RecommenderRun.FfmIterations, ["latentDimension"] = RecommenderRun.FfmLatentDimension };
        Candidate[] candidates = [.. Bias.Candidates, .. Sgd.Candidates, .. Als.Candidates];
        return Searched
            ? new Protocol(SplitKinds.Random, split.Train.Count, split.Validation.Count, split.Test.Count, SelectionKinds.Validation, null, SearchSample is null ? Metric : $"{Metric}; {SearchSample}", candidates, selected)
            {
                Goal = "minimise",
                Refit = $"train + validation: the reported models are refitted with the selected values on all {split.Fit.Count} non-test ratings (μ, the rating range, the initial factors and the cold rows recomputed on them); the test split is scored once",
                Fixed = fixedValues,
            }
            : new Protocol(SplitKinds.Random, split.Fit.Count, 0, split.Test.Count, SelectionKinds.Fixed, null, Metric, [], selected) { Fixed = fixedValues };
    }

    private static void Describe(string model, bool lambdaSearched, double lambda, int? epochs, bool epochsSearched,
        Dictionary<string, object> selected, Dictionary<string, object> fixedValues, Dictionary<string, object> alwaysFixed)
    {
        var chosen = new Dictionary<string, object>();
        (lambdaSearched ? chosen : alwaysFixed)["reg"] = lambda;
        if (epochs is int e)
        {
            (epochsSearched ? chosen : alwaysFixed)["epochs"] = e;
        }
        if (chosen.Count > 0)
        {
            selected[model] = chosen;
        }
        fixedValues[model] = alwaysFixed;
    }
}
