using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Recommender.Ratings;

namespace ReferenceSolutions.Recommender.Tests;

/// <summary><c>refsol recommend</c>: a user without ratings gets a non-personalised list and a notice; every printed prediction stays in the rating range.</summary>
public class RecommendTests
{
    [Fact]
    public void UserWithoutRatingsGetsPopularItemsAndANotice()
    {
        RatingSet ratings = TestRatings.Planted(60, 40, 0.4, 6);
        string path = TestRatings.WriteTemp(ratings);
        try
        {
            RecommendationList list = TopN.Recommend(path, null, 99_999, 10, 1, new RecommenderOptions());
            Assert.Equal(10, list.Items.Count);
            Assert.NotNull(list.Notice);
            Assert.Contains("99999", list.Notice, StringComparison.Ordinal);
            Assert.Contains("not personalised", list.Notice, StringComparison.Ordinal);
            int[] counts = [.. ratings.ByItem().Select(r => r.Length)];
            Assert.All(list.Items, r => Assert.True(counts[(int)r.ItemId - 1] >= Math.Min(TopN.PopularMinimumRatings, counts.Max())));
            Assert.All(list.Items, r => Assert.InRange(r.PredictedRating, ratings.Values.Min(), ratings.Values.Max()));
            Assert.True(list.Items.Zip(list.Items.Skip(1)).All(p => p.First.PredictedRating >= p.Second.PredictedRating));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void SmallFilesStillHaveAQualifyingItem()
    {
        string path = DataFiles.Temp("userId,movieId,rating\n1,10,4\n1,11,2\n2,10,5\n2,12,3\n3,11,1\n3,12,4\n4,10,3\n4,13,5\n5,11,4\n5,13,2\n");
        try
        {
            RecommendationList list = TopN.Recommend(path, null, 42, 3, 1, new RecommenderOptions());
            Assert.NotEmpty(list.Items);
            Assert.NotNull(list.Notice);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void KnownUsersPredictionsStayInTheRatingRange()
    {
        RatingSet ratings = TestRatings.Planted(60, 40, 0.4, 7);
        string path = TestRatings.WriteTemp(ratings);
        try
        {
            for (long user = 1; user <= 5; user++)
            {
                RecommendationList list = TopN.Recommend(path, null, user, 40, 2, new RecommenderOptions(Factors: 4));
                Assert.Null(list.Notice);
                Assert.All(list.Items, r => Assert.InRange(r.PredictedRating, ratings.Values.Min(), ratings.Values.Max()));
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void IntervalsAreAddedWithoutChangingTheListAndNestByLevel()
    {
        RatingSet ratings = TestRatings.Planted(60, 40, 0.4, 7);
        string path = TestRatings.WriteTemp(ratings);
        try
        {
            var options = new RecommenderOptions(Factors: 4);
            RecommendationList plain = TopN.Recommend(path, null, 3, 10, 2, options);
            RecommendationList at95 = TopN.Recommend(path, null, 3, 10, 2, options, 0.95);
            RecommendationList at80 = TopN.Recommend(path, null, 3, 10, 2, options, 0.8);
            Assert.Null(at95.Notice);
            Assert.All(plain.Items, r => Assert.Null(r.Low));
            Assert.Equal(plain.Items.Select(r => (r.Rank, r.ItemId, r.PredictedRating)), at95.Items.Select(r => (r.Rank, r.ItemId, r.PredictedRating)));
            for (int t = 0; t < at95.Items.Count; t++)
            {
                Recommendation wide = at95.Items[t], narrow = at80.Items[t];
                Assert.True(wide.Low <= narrow.Low && narrow.Low <= narrow.PredictedRating && narrow.PredictedRating <= narrow.High && narrow.High <= wide.High,
                    $"item {wide.ItemId}: 95 % [{wide.Low}, {wide.High}], 80 % [{narrow.Low}, {narrow.High}], r̂ {wide.PredictedRating}");
                Assert.True(wide.High - wide.Low > 0.0, $"item {wide.ItemId}: an interval of width 0");
                Assert.InRange(wide.Low!.Value, ratings.Values.Min(), ratings.Values.Max());
                Assert.InRange(wide.High!.Value, ratings.Values.Min(), ratings.Values.Max());
            }
            Assert.Throws<UserInputException>(() => TopN.Recommend(path, null, 3, 10, 2, options, 0.9));
            RecommendationList newUser = TopN.Recommend(path, null, 999, 3, 2, options, 0.95);
            Assert.Contains("no predictive intervals", newUser.Notice, StringComparison.Ordinal);
            Assert.All(newUser.Items, r => Assert.Null(r.Low));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
