using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Recommender.Ratings;

namespace ReferenceSolutions.Recommender.Tests;

/// <summary>Bad input is a <see cref="UserInputException"/> naming file, line and field — never a NaN or a stack trace.</summary>
public class InputErrorTests
{
    [Theory]
    [InlineData("userId,movieId,rating\n1,10,4.0\n2,11\n", ":3:")]
    [InlineData("userId,movieId,rating\n1,10,4.0\n2,11,abc\n", "'rating'")]
    [InlineData("userId,movieId,rating\n1,10,NaN\n", "'rating'")]
    [InlineData("userId,movieId,rating\n1,10,Infinity\n", "'rating'")]
    [InlineData("userId,movieId,rating\n1.5,10,4\n", "'userId'")]
    [InlineData("userId,movieId,rating\n1,10,4\n1,10,5\n", "twice")]
    [InlineData("userId,movieId,rating\n", "no data rows")]
    [InlineData("", "empty")]
    [InlineData("user,item,score\n1,2,3\n", "no column 'userId'")]
    public void BadRatingsFilesNameTheProblem(string text, string expected)
    {
        string path = DataFiles.Temp(text);
        try
        {
            var error = Assert.ThrowsAny<UserInputException>(() => RatingsFile.Read(path));
            Assert.Contains(path, error.Message, StringComparison.Ordinal);
            Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("1,2\n3\n", ":2:")]
    [InlineData("1,2\n3,x\n", "column 2")]
    [InlineData("1,2\n3,inf\n", "column 2")]
    [InlineData("", "empty")]
    public void BadMatrixFilesNameTheProblem(string text, string expected)
    {
        string path = DataFiles.Temp(text);
        try
        {
            var error = Assert.ThrowsAny<UserInputException>(() => Verification.ReadMatrix(path));
            Assert.Contains(expected, error.Message, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void TooManyFactorsIsAUserError()
    {
        string path = DataFiles.Temp("userId,movieId,rating\n1,10,4\n2,11,3\n");
        try
        {
            Assert.Throws<UserInputException>(() => TopN.Recommend(path, null, 1, 10, 1, new RecommenderOptions(Factors: 5)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void TopNExcludesRatedItemsAndIsSortedByPrediction()
    {
        RatingSet ratings = SyntheticRatings.Generate(3);
        IReadOnlyList<Recommendation> top = TopN.Recommend(null, null, 1, 15, 3, new RecommenderOptions(Epochs: 3)).Items;
        var rated = Enumerable.Range(0, ratings.Count).Where(r => ratings.Users[r] == 0).Select(r => ratings.ItemIds[ratings.Items[r]]).ToHashSet();
        Assert.Equal(15, top.Count);
        Assert.DoesNotContain(top, r => rated.Contains(r.ItemId));
        Assert.True(top.Zip(top.Skip(1)).All(p => p.First.PredictedRating >= p.Second.PredictedRating));
    }
}

/// <summary>The built-in generator and its CSV form.</summary>
public class SyntheticDataTests
{
    [Fact]
    public void GeneratedCsvReadsBackToTheSameRatings()
    {
        string folder = Path.Combine(Path.GetTempPath(), $"refsol-recommender-data-{Guid.NewGuid():N}");
        try
        {
            string path = new RecommenderSolution().GenerateData(folder, 9).Single();
            RatingSet read = RatingsFile.Read(path);
            RatingSet generated = SyntheticRatings.Generate(9);
            Assert.Equal(generated.Count, read.Count);
            Assert.Equal(generated.Values, read.Values);
            Assert.Equal(generated.Users, read.Users);
            Assert.Equal(generated.Items, read.Items);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public void SameSeedSameRatingsOtherSeedOtherRatings()
    {
        Assert.Equal(SyntheticRatings.Generate(4).Values, SyntheticRatings.Generate(4).Values);
        Assert.NotEqual(SyntheticRatings.Generate(4).Values, SyntheticRatings.Generate(5).Values);
    }
}
