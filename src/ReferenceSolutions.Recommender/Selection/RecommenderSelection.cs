using ReferenceSolutions.Core.Evaluation;
using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.Core.Solutions;
using ReferenceSolutions.Recommender.Factorization;

namespace ReferenceSolutions.Recommender.Selection;

/// <summary>
/// The hyper-parameters of every model a run reports — the bias baseline's λ, MF-SGD's λ and epochs, ALS's λ and
/// epochs — each chosen on <see cref="RatingSplit.Validation"/> after fitting on <see cref="RatingSplit.Train"/>
/// (<see cref="HyperParameterSearch"/>) unless given in the options. k, η, the initial scale, the bias sweeps and
/// ML.NET's FFM settings are fixed. <see cref="ToProtocol"/> writes all of it as metrics.json's <c>protocol</c>.
/// </summary>
public sealed record RecommenderSelection(BiasChoice Bias, MfChoice Sgd, MfChoice Als)
{
    /// <summary>The validation RMSE, as <c>protocol.metric</c> names it.</summary>
    public const string Metric = "RMSE on the validation split, predictions clipped to the training split's rating range";

    /// <summary>True when any hyper-parameter was chosen on validation.</summary>
    public bool Searched => Bias.Searched || Sgd.Searched || Als.Searched;

    /// <summary>
    /// Chooses what the options leave open. The factorizations start from one seeded state (<paramref name="rng"/>'s
    /// first fork; rows without training ratings zeroed, see <see cref="BiasedMf.ZeroRowsWithoutRatings"/>), and
    /// MF-SGD's epoch orders are drawn from the seed of its second fork.
    /// </summary>
    public static RecommenderSelection Choose(RatingSplit split, RecommenderOptions options, Rng rng, IRunProgress progress)
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
        BiasedMf initial = BiasedMf.Initial(split.Train.UserCount, split.Train.ItemCount, options.FactorCount, split.Train.Mean(), RecommenderRun.InitialScale, rng.Fork())
            .ZeroRowsWithoutRatings(split.Train);
        ulong orders = rng.NextUInt64();
        BiasChoice bias = HyperParameterSearch.Bias(split.Train, split.Validation, options.BiasRegularization);
        MfChoice sgd = HyperParameterSearch.Sgd(split.Train, split.Validation, initial, options.Eta, options.Regularization, options.Epochs, orders,
            (done, total) => progress.Report("mf-sgd selection (validation)", done, total));
        MfChoice als = HyperParameterSearch.Als(split.Train, split.Validation, initial, options.AlsRegularization, options.AlsEpochs,
            (done, total) => progress.Report("als selection (validation)", done, total));
        return new RecommenderSelection(bias, sgd, als);
    }

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
            ? new Protocol(SplitKinds.Random, split.Train.Count, split.Validation.Count, split.Test.Count, SelectionKinds.Validation, null, Metric, candidates, selected)
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
