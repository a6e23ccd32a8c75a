using ReferenceSolutions.Core.Evaluation;
using ReferenceSolutions.Core.Output;
using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.Core.Solutions;
using ReferenceSolutions.Recommender.Ratings;
using ReferenceSolutions.Recommender.Selection;

namespace ReferenceSolutions.Recommender.Tests;

/// <summary>
/// metrics.json's <c>protocol</c>: the split adds up, every grid point is a candidate with its validation score, the
/// selected values are the best candidates, explicit options are fixed, and the test ratings cannot move the selection.
/// </summary>
public class ProtocolTests
{
    private static readonly RatingSet Ratings = TestRatings.Planted(60, 40, 0.4, 5);

    [Fact]
    public void SplitAddsUpAndEveryGridPointIsACandidate()
    {
        RatingSplit split = RatingSplit.Create(Ratings, new Rng(1));
        Assert.Equal(Ratings.Count, split.Train.Count + split.Validation.Count + split.Test.Count);
        Assert.Equal(split.Fit.Count, split.Train.Count + split.Validation.Count);
        Assert.Equal((int)Math.Round(0.2 * Ratings.Count), split.Test.Count);
        var options = new RecommenderOptions(Factors: 4);
        Protocol protocol = RecommenderSelection.Choose(split, options, new Rng(2), SilentProgress.Instance).ToProtocol(split, options);

        Assert.Equal((SplitKinds.Random, SelectionKinds.Validation, "minimise"), (protocol.Split, protocol.Selection, protocol.Goal));
        Assert.Equal(Ratings.Count, protocol.Train + protocol.Validation + protocol.Test);
        Assert.Equal((split.Train.Count, split.Validation.Count, split.Test.Count), (protocol.Train, protocol.Validation, protocol.Test));
        Assert.NotNull(protocol.Refit);
        Assert.Equal(SelectionGrid.BiasLambdas.Count, Count(protocol, "bias-baseline"));
        Assert.Equal(SelectionGrid.SgdLambdas.Count * SelectionGrid.SgdMaxEpochs, Count(protocol, "mf-sgd-from-scratch"));
        Assert.Equal(SelectionGrid.AlsLambdas.Count * SelectionGrid.AlsMaxEpochs, Count(protocol, "als-from-scratch"));
        foreach (string model in new[] { "bias-baseline", "mf-sgd-from-scratch", "als-from-scratch" })
        {
            Candidate best = protocol.Candidates.Where(c => (string)c.Params["model"] == model).MinBy(c => c.Score)!;
            var selected = (IReadOnlyDictionary<string, object>)protocol.Selected[model];
            Assert.Equal(best.Params["reg"], selected["reg"]);
            Assert.Equal(best.Params.GetValueOrDefault("epochs"), selected.GetValueOrDefault("epochs"));
        }
        var fixedSgd = (IReadOnlyDictionary<string, object>)protocol.Fixed!["mf-sgd-from-scratch"];
        Assert.Equal((4, RecommenderOptions.DefaultLearningRate), ((int)fixedSgd["factors"], (double)fixedSgd["lr"]));
        Assert.Contains("\"protocol\"", JsonOutput.Serialize(new RunReport("recommender", 1, new DatasetInfo("x", "y", 1), [], [], null, protocol)), StringComparison.Ordinal);
    }

    [Fact]
    public void ExplicitOptionsAreFixedNotSearched()
    {
        RatingSplit split = RatingSplit.Create(Ratings, new Rng(1));
        var some = new RecommenderOptions(Factors: 4, Regularization: 0.07, AlsEpochs: 3);
        Protocol partly = RecommenderSelection.Choose(split, some, new Rng(2), SilentProgress.Instance).ToProtocol(split, some);
        Assert.Equal(SelectionKinds.Validation, partly.Selection);
        Assert.All(partly.Candidates.Where(c => (string)c.Params["model"] == "mf-sgd-from-scratch"), c => Assert.Equal(0.07, c.Params["reg"]));
        Assert.All(partly.Candidates.Where(c => (string)c.Params["model"] == "als-from-scratch"), c => Assert.Equal(3, c.Params["epochs"]));
        Assert.Equal(0.07, ((IReadOnlyDictionary<string, object>)partly.Fixed!["mf-sgd-from-scratch"])["reg"]);
        Assert.Equal(3, ((IReadOnlyDictionary<string, object>)partly.Fixed!["als-from-scratch"])["epochs"]);
        Assert.False(((IReadOnlyDictionary<string, object>)partly.Selected["mf-sgd-from-scratch"]).ContainsKey("reg"));

        var all = new RecommenderOptions(Factors: 4, Epochs: 5, Regularization: 0.07, AlsRegularization: 0.1, AlsEpochs: 3, BiasRegularization: 5);
        Protocol none = RecommenderSelection.Choose(split, all, new Rng(2), SilentProgress.Instance).ToProtocol(split, all);
        Assert.Equal((SelectionKinds.Fixed, 0, split.Fit.Count), (none.Selection, none.Validation, none.Train));
        Assert.Empty(none.Candidates);
        Assert.Empty(none.Selected);
        Assert.Null(none.Refit);
        Assert.Equal(Ratings.Count, none.Train + none.Validation + none.Test);
    }

    /// <summary>The whole run twice, on files that differ only in the values of the ratings that fall in the test split: the same protocol, candidate for candidate.</summary>
    [Fact]
    public void TestRatingsDoNotMoveTheSelection()
    {
        const ulong seed = 11;
        RatingSplit split = RatingSplit.Create(Ratings, new Rng(seed).Fork());
        var testPairs = Enumerable.Range(0, split.Test.Count).Select(r => (split.Test.Users[r], split.Test.Items[r])).ToHashSet();
        double[] flipped = [.. Enumerable.Range(0, Ratings.Count).Select(r => testPairs.Contains((Ratings.Users[r], Ratings.Items[r])) ? 5.5 - Ratings.Values[r] : Ratings.Values[r])];
        var changed = new RatingSet(Ratings.Users, Ratings.Items, flipped, Ratings.UserIds, Ratings.ItemIds, Ratings.Source);
        string original = TestRatings.WriteTemp(Ratings), altered = TestRatings.WriteTemp(changed);
        string folder = Directory.CreateTempSubdirectory("refsol-protocol-").FullName;
        try
        {
            var options = new RecommenderOptions(Factors: 4, Epochs: 20, AlsEpochs: 5);
            RunReport a = RecommenderRun.Execute(new RunContext(seed, Path.Combine(folder, "a"), SilentProgress.Instance), options with { RatingsPath = original });
            RunReport b = RecommenderRun.Execute(new RunContext(seed, Path.Combine(folder, "b"), SilentProgress.Instance), options with { RatingsPath = altered });
            Assert.NotEqual(a.Models[1].Metrics["rmse"], b.Models[1].Metrics["rmse"]);
            Assert.Equal(JsonOutput.Serialize(a.Protocol), JsonOutput.Serialize(b.Protocol));
        }
        finally
        {
            File.Delete(original);
            File.Delete(altered);
            Directory.Delete(folder, recursive: true);
        }
    }

    private static int Count(Protocol protocol, string model) => protocol.Candidates.Count(c => (string)c.Params["model"] == model);
}
