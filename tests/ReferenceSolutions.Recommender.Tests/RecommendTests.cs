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
}
