using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.Solutions;
using ReferenceSolutions.Recommender.Ratings;

namespace ReferenceSolutions.Recommender.Tests;

/// <summary>
/// The skewed generator: exactly N ratings, every user between min(20, N/m) and n/4 ratings, heavy users, no repeated pair, half
/// stars in [0.5, 5], popular items far above the median item, the same bytes for the same seed; shapes that cannot
/// hold N are refused.
/// </summary>
public class SkewedRatingsTests
{
    [Fact]
    public void WritesExactlyNRatingsWithTheDocumentedShapeAndTheSameBytesForTheSameSeed()
    {
        string folder = Directory.CreateTempSubdirectory("refsol-skewed-").FullName;
        try
        {
            string first = Path.Combine(folder, "a.csv"), again = Path.Combine(folder, "b.csv"), other = Path.Combine(folder, "c.csv");
            SkewedRatings.Write(first, 60_000, 2000, 800, 5, SilentProgress.Instance);
            SkewedRatings.Write(again, 60_000, 2000, 800, 5, SilentProgress.Instance);
            SkewedRatings.Write(other, 60_000, 2000, 800, 6, SilentProgress.Instance);
            Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(again));
            Assert.NotEqual(File.ReadAllBytes(first), File.ReadAllBytes(other));

            RatingSet ratings = RatingsFile.Read(first);
            Assert.Equal(60_000, ratings.Count);
            int[] perUser = new int[ratings.UserIds.Count];
            int[] perItem = new int[ratings.ItemIds.Count];
            for (int r = 0; r < ratings.Count; r++)
            {
                perUser[ratings.Users[r]]++;
                perItem[ratings.Items[r]]++;
                Assert.InRange(ratings.Values[r], 0.5, 5.0);
                Assert.Equal(Math.Round(2 * ratings.Values[r]), 2 * ratings.Values[r]);
            }
            Assert.Equal(2000, ratings.UserIds.Count);
            Assert.All(perUser, c => Assert.InRange(c, 20, 200));
            Array.Sort(perUser);
            Assert.True(perUser[^1] > 3 * perUser[perUser.Length / 2], $"most active user {perUser[^1]}, median {perUser[perUser.Length / 2]}: no activity skew");
            Array.Sort(perItem);
            Assert.True(perItem[^1] > 10 * perItem[perItem.Length / 2], $"most rated item {perItem[^1]}, median {perItem[perItem.Length / 2]}: no popularity skew");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void AParquetPathGetsTheSameRatingsAsParquetAndTheSameBytesForTheSameSeed()
    {
        string folder = Directory.CreateTempSubdirectory("refsol-skewed-").FullName;
        try
        {
            string csv = Path.Combine(folder, "a.csv"), parquet = Path.Combine(folder, "a.parquet"), again = Path.Combine(folder, "b.parquet");
            SkewedRatings.Write(csv, 30_000, 1000, 800, 5, SilentProgress.Instance);
            SkewedRatings.Write(parquet, 30_000, 1000, 800, 5, SilentProgress.Instance);
            SkewedRatings.Write(again, 30_000, 1000, 800, 5, SilentProgress.Instance);
            Assert.Equal(File.ReadAllBytes(parquet), File.ReadAllBytes(again));
            Assert.Equal("PAR1"u8.ToArray(), File.ReadAllBytes(parquet)[..4]);
            RatingSet fromCsv = RatingsFile.Read(csv), fromParquet = RatingsFile.Read(parquet);
            Assert.Equal(fromCsv.Users, fromParquet.Users);
            Assert.Equal(fromCsv.Items, fromParquet.Items);
            Assert.Equal(fromCsv.Values, fromParquet.Values);
            Assert.Equal(fromCsv.UserIds, fromParquet.UserIds);
            Assert.Equal(fromCsv.ItemIds, fromParquet.ItemIds);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData(0L, 10, 10)]
    [InlineData(101L, 10, 40)]
    [InlineData(5L, 0, 10)]
    public void ShapesThatCannotHoldTheRatingsAreRefused(long ratings, int users, int items) =>
        Assert.Throws<UserInputException>(() => SkewedRatings.Require(ratings, users, items));
}
