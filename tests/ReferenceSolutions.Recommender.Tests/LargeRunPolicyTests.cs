using ReferenceSolutions.Core.Evaluation;
using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.Core.Solutions;
using ReferenceSolutions.Recommender.Evaluation;
using ReferenceSolutions.Recommender.Factorization;
using ReferenceSolutions.Recommender.Ratings;
using ReferenceSolutions.Recommender.Selection;

namespace ReferenceSolutions.Recommender.Tests;

/// <summary>
/// The size-dependent policies of a large run (docs/recommender.md#at-scale): a sample is a seeded uniform draw without
/// replacement in file order, the same for the same seed; below its threshold nothing is sampled and nothing is drawn;
/// above its threshold the hyper-parameter search runs on a seeded sample of whole users and metrics.json's protocol
/// says which.
/// </summary>
public class LargeRunPolicyTests
{
    private static readonly RatingSet Ratings = TestRatings.Planted(60, 40, 0.4, 5);

    [Fact]
    public void ASampleIsSeededWithoutReplacementInFileOrder()
    {
        RatingSet sample = RatingSample.Draw(Ratings, 100, new Rng(3));
        Assert.Equal(100, sample.Count);
        int[] positions = Positions(sample);
        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.True(positions.Zip(positions.Skip(1)).All(pair => pair.First < pair.Second), "file order kept, no rating twice");
        Assert.Equal(sample.Values, RatingSample.Draw(Ratings, 100, new Rng(3)).Values);
        Assert.Equal((Ratings.UserIds, Ratings.ItemIds), (sample.UserIds, sample.ItemIds));
        Assert.NotEqual(positions, Positions(RatingSample.Draw(Ratings, 100, new Rng(4))));
        Assert.Equal($"a seeded uniform sample of 100 of the {Ratings.Count} test ratings (without replacement, file order kept)", RatingSample.Describe(sample, Ratings, "test ratings"));
    }

    [Fact]
    public void ASetNoLargerThanTheSampleIsTakenWholeWithoutADraw()
    {
        var rng = new Rng(3);
        Assert.Same(Ratings, RatingSample.Draw(Ratings, Ratings.Count, rng));
        Assert.Equal(new Rng(3).NextUInt64(), rng.NextUInt64());
    }

    [Fact]
    public void AboveTheThresholdTheSearchRunsOnWholeUsersAndTheProtocolSaysSo()
    {
        RatingSplit split = RatingSplit.Create(Ratings, new Rng(1));
        int cap = split.Train.Count / 2;
        (RatingSet train, RatingSet validation, string? sample) = RecommenderSelection.SearchData(split.Train, split.Validation, open: true, new Rng(2), cap);
        Assert.InRange(train.Count, cap - 40, cap);
        Dictionary<long, int> PerUser(RatingSet set) => set.Users.GroupBy(u => set.UserIds[u]).ToDictionary(g => g.Key, g => g.Count());
        Dictionary<long, int> sampled = PerUser(train), all = PerUser(split.Train);
        Assert.All(sampled, user => Assert.Equal(all[user.Key], user.Value));
        Assert.True(sampled.Count < all.Count);
        Assert.Equal(train.UserCount, sampled.Count);
        Assert.All(validation.Users, u => Assert.Contains(validation.UserIds[u], sampled.Keys));
        Assert.Equal(train.Values, RecommenderSelection.SearchData(split.Train, split.Validation, open: true, new Rng(2), cap).Train.Values);
        Assert.StartsWith($"above {cap} training ratings the search runs on a seeded sample of {sampled.Count} of the {all.Count} users with training ratings", sample, StringComparison.Ordinal);
        Assert.Contains($"their {train.Count} of the {split.Train.Count} training ratings", sample, StringComparison.Ordinal);
        Assert.Contains($"their {validation.Count} of the {split.Validation.Count} validation ratings", sample, StringComparison.Ordinal);

        var options = new RecommenderOptions(Factors: 2, Epochs: 2, AlsEpochs: 2);
        Protocol sampledProtocol = RecommenderSelection.Choose(split, options, new Rng(2), SilentProgress.Instance, cap).ToProtocol(split, options);
        Assert.StartsWith($"{RecommenderSelection.Metric}; above {cap} training ratings the search runs on a seeded sample of ", sampledProtocol.Metric, StringComparison.Ordinal);
        Assert.Equal((split.Train.Count, split.Validation.Count), (sampledProtocol.Train, sampledProtocol.Validation));
        Protocol whole = RecommenderSelection.Choose(split, options, new Rng(2), SilentProgress.Instance, split.Train.Count).ToProtocol(split, options);
        Assert.Equal(RecommenderSelection.Metric, whole.Metric);
        Assert.NotEqual(whole.Candidates.Select(c => c.Score), sampledProtocol.Candidates.Select(c => c.Score));
    }

    /// <summary>
    /// <c>refsol recommend --ratings</c> chooses MF-SGD's λ and epochs as the run does: above the threshold on a seeded
    /// sample of whole users, which its notice says; at or below it on every training rating, with no notice and the
    /// same list as without a threshold; a fixed λ and epoch count is never sampled.
    /// </summary>
    [Fact]
    public void RecommendSearchesOnWholeUsersAboveTheThresholdAndSaysSo()
    {
        string path = TestRatings.WriteTemp(Ratings);
        try
        {
            var options = new RecommenderOptions(Factors: 3);
            RecommendationList whole = TopN.Recommend(path, null, 1, 10, 2, options);
            RecommendationList sampled = TopN.Recommend(path, null, 1, 10, 2, options, null, Ratings.Count / 3);
            Assert.Null(whole.Notice);
            Assert.Equal(10, sampled.Items.Count);
            Assert.StartsWith($"MF-SGD's λ and epochs were chosen on a sample: above {Ratings.Count / 3} training ratings the search runs on a seeded sample of ", sampled.Notice, StringComparison.Ordinal);
            Assert.Equal(whole.Items, TopN.Recommend(path, null, 1, 10, 2, options, null, Ratings.Count).Items);
            Assert.NotEqual(whole.Items, sampled.Items);
            Assert.Null(TopN.Recommend(path, null, 1, 10, 2, options with { Regularization = 0.05, Epochs = 5 }, null, 10).Notice);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AFixedSearchIsNeverSampled()
    {
        RatingSplit split = RatingSplit.Create(Ratings, new Rng(1));
        (RatingSet train, RatingSet validation, string? sample) = RecommenderSelection.SearchData(split.Train, split.Validation, open: false, new Rng(2), 1);
        Assert.Equal((split.Train, split.Validation, (string?)null), (train, validation, sample));
    }

    [Fact]
    public void TheStreamingRmseIsTheComposedOneBitForBit()
    {
        var range = new RatingRange(1.0, 4.5);
        BiasedMf model = BiasedMf.Initial(Ratings.UserCount, Ratings.ItemCount, 3, Ratings.Mean(), 1.5, new Rng(8));
        double composed = RatingMetrics.Rmse(Ratings, range.Predict(model, Ratings));
        Assert.Equal(BitConverter.DoubleToInt64Bits(composed), BitConverter.DoubleToInt64Bits(range.Rmse(model, Ratings)));
        Assert.Contains(RatingMetrics.Predict(model, Ratings), p => p < range.Min || p > range.Max);
    }

    private static int[] Positions(RatingSet sample) => [.. Enumerable.Range(0, sample.Count).Select(r => Position(sample, r))];

    private static int Position(RatingSet sample, int r)
    {
        for (int s = 0; s < Ratings.Count; s++)
        {
            if (Ratings.Users[s] == sample.Users[r] && Ratings.Items[s] == sample.Items[r] && Ratings.Values[s] == sample.Values[r])
            {
                return s;
            }
        }
        return -1;
    }
}
