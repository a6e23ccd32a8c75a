using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.Recommender.Evaluation;
using ReferenceSolutions.Recommender.Factorization;
using ReferenceSolutions.Recommender.Ratings;
using ReferenceSolutions.TestSupport;

namespace ReferenceSolutions.Recommender.Tests;

/// <summary>
/// Cold start and clipping: a user or item without training ratings is predicted by the baseline terms exactly, after
/// SGD and after ALS; the cold-start metrics split the test ratings; reported predictions stay in the training range.
/// </summary>
public class ColdStartTests
{
    [Theory]
    [InlineData("sgd")]
    [InlineData("als")]
    public void ColdUsersAndItemsGetExactlyTheBaselineTerms(string trainer)
    {
        RatingSet all = TestRatings.Planted(30, 20, 0.5, 3);
        int coldUser = 4, coldItem = 7;
        int[] kept = [.. Enumerable.Range(0, all.Count).Where(r => all.Users[r] != coldUser && all.Items[r] != coldItem)];
        RatingSet train = all.Subset(kept);
        var rng = new Rng(4);
        BiasedMf initial = BiasedMf.Initial(all.UserCount, all.ItemCount, 3, train.Mean(), 0.1, rng.Fork()).ZeroRowsWithoutRatings(train);
        BiasedMf model = trainer == "sgd"
            ? new MfSgd(0.02, 0.05, MfSgd.Orders(train.Count, 5, rng.Fork())).Train(initial, train)
            : new Als(0.1, 5).Train(initial, train);
        int warmUser = 0, warmItem = 0;
        ParityAssert.Passes(RecommenderChecks.ColdStart, new Comparison("prediction", "baseline terms")
            .Add("cold user, warm item: μ + bᵢ", model.Predict(coldUser, warmItem), model.Mu + model.ItemBias[warmItem])
            .Add("warm user, cold item: μ + bᵤ", model.Predict(warmUser, coldItem), model.Mu + model.UserBias[warmUser])
            .Add("cold user, cold item: μ", model.Predict(coldUser, coldItem), model.Mu));
        Assert.NotEqual(0.0, model.ItemBias[warmItem]);
        Assert.NotEqual(0.0, model.UserBias[warmUser]);
    }

    [Fact]
    public void ColdStartMetricsSplitTheTestRatings()
    {
        // Users 0, 1 and items 0, 1 have training ratings; test: (0,0) warm, (2,0) cold user, (1,2) cold item.
        var ids = new long[] { 1, 2, 3 };
        var train = new RatingSet([0, 1], [1, 0], [4.0, 3.0], ids, ids, "hand");
        var test = new RatingSet([0, 2, 1], [0, 0, 2], [5.0, 2.0, 3.0], ids, ids, "hand");
        bool[] cold = RatingMetrics.Cold(train, test);
        Assert.Equal([false, true, true], cold);
        var range = new RatingRange(0.5, 5.0);
        Dictionary<string, object> metrics = RatingMetrics.Summary(test, [4.0, 3.0, 3.0], range, cold);
        Assert.Equal(2, metrics["coldTestRatings"]);
        Assert.Equal(1.0, (double)metrics["rmseWarm"], 15);
        Assert.Equal(Math.Sqrt(0.5), (double)metrics["rmseCold"], 15);
        Dictionary<string, object> allWarm = RatingMetrics.Summary(test, [4.0, 3.0, 3.0], range, [false, false, false]);
        Assert.Equal(0, allWarm["coldTestRatings"]);
        Assert.False(allWarm.ContainsKey("rmseCold"), "an RMSE over no ratings is undefined and left out");
    }

    [Fact]
    public void ReportedPredictionsAreClippedToTheTrainingRange()
    {
        var ids = new long[] { 1, 2 };
        var train = new RatingSet([0, 1, 0], [0, 1, 1], [0.5, 5.0, 3.0], ids, ids, "hand");
        var range = RatingRange.Of(train);
        Assert.Equal((0.5, 5.0), (range.Min, range.Max));
        var model = new GlobalMean(7.25);
        Assert.All(range.Predict(model, train), p => Assert.Equal(5.0, p));
        Assert.Equal(0.5, range.Clip(-3.0));
        Assert.Equal(3.25, range.Clip(3.25));
        Assert.True(double.IsNaN(range.Clip(double.NaN)), "clipping must not hide a NaN");
    }

    [Fact]
    public void ErrorsUseTheClippedPredictionsAndRankingTheModelsOrder()
    {
        // One user, items 0 and 1 rated 1 and 5; the model predicts 6 and 7, both above the range [0.5, 5].
        var test = new RatingSet([0, 0], [0, 1], [1.0, 5.0], [1L], [1L, 2L], "hand");
        Dictionary<string, object> metrics = RatingMetrics.Summary(test, [6.0, 7.0], new RatingRange(0.5, 5.0), [false, false]);
        Assert.Equal(Math.Sqrt(((1.0 - 5.0) * (1.0 - 5.0)) / 2), (double)metrics["rmse"], 15);
        Assert.Equal(1.0, (double)metrics["ndcgAt10"], 15);
        Assert.Equal(1.0, (double)metrics["auc"], 15);
    }
}
