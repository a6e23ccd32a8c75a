using System.Globalization;
using System.Text;
using FsCheck.Xunit;
using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Recommender.Ratings;
using static ReferenceSolutions.Recommender.Tests.ParquetFiles;

namespace ReferenceSolutions.Recommender.Tests;

/// <summary>
/// Parquet ratings against CSV: random ratings written both ways — ids INT32, INT64, UINT32 or OPTIONAL INT64; ratings
/// DOUBLE, FLOAT, INT32, INT64 or OPTIONAL DOUBLE; extra columns in any order; any row-group size; any file name — read
/// to the same <see cref="RatingSet"/>, value for value to the bit. Every refusal is one line naming the file, the row
/// and row group, and the column; a one-ulp change is seen by the comparison (the negative control).
/// </summary>
public class ParquetRatingsTests
{
    private static readonly string[] Extensions = [".parquet", ".csv", ".ratings"];

    [Property(MaxTest = 150)]
    public void ReadsTheSameRatingsAsTheEquivalentCsv(int seed)
    {
        var random = new Random(seed);
        int n = random.Next(1, 80);
        long[] userPool = Ids(random, random.Next(1, 12));
        long[] itemPool = Ids(random, random.Next(1, 30));
        var pairs = new HashSet<(long, long)>();
        var users = new List<long>();
        var items = new List<long>();
        for (int attempt = 0; users.Count < n && attempt < 4 * n; attempt++)
        {
            (long u, long i) = (userPool[random.Next(userPool.Length)], itemPool[random.Next(itemPool.Length)]);
            if (pairs.Add((u, i)))
            {
                users.Add(u);
                items.Add(i);
            }
        }
        double[] ratings = [.. users.Select(_ => Rating(random))];
        int ratingKind = random.Next(5);
        var columns = new List<Column>
        {
            IdColumn("userId", users, random.Next(3)),
            IdColumn("movieId", items, random.Next(3)),
            ratingKind switch
            {
                0 => new Column("rating", ratings),
                1 => new Column("rating", ratings.Select(r => (float)r).ToArray()),
                2 => new Column("rating", ratings.Select(r => (int)Math.Round(r)).ToArray()),
                3 => new Column("rating", ratings.Select(r => (long)Math.Round(r)).ToArray()),
                _ => new Column("rating", ratings.Select(r => (double?)r).ToArray()),
            },
        };
        if (random.Next(2) == 0)
        {
            columns.Add(new Column("timestamp", users.Select(_ => random.NextInt64(0, 2_000_000_000)).ToArray()));
        }
        if (random.Next(3) == 0)
        {
            columns.Add(new Column("title", users.Select(_ => new string('a', random.Next(1, 5))).ToArray()));
        }
        Column[] ordered = [.. columns.OrderBy(_ => random.Next())];
        string parquet = Path.Combine(Path.GetTempPath(), $"refsol-recommender-{Guid.NewGuid():N}{Extensions[random.Next(Extensions.Length)]}");
        string csv = DataFiles.Temp(Csv(ordered));
        try
        {
            Write(parquet, random.Next(1, users.Count + 2), ordered);
            RatingSet fromCsv = RatingsFile.Read(csv);
            RatingSet fromParquet = RatingsFile.Read(parquet);
            AssertSame(fromCsv, fromParquet);
        }
        finally
        {
            File.Delete(csv);
            File.Delete(parquet);
        }
    }

    [Fact]
    public void AOneUlpChangeIsSeenByTheComparison()
    {
        long[] users = [1, 1, 2];
        long[] items = [10, 11, 10];
        double[] ratings = [4.5, 3.0, 0.1];
        double[] changed = [4.5, 3.0, Math.BitIncrement(0.1)];
        string csv = DataFiles.Temp(Csv([new Column("userId", users), new Column("movieId", items), new Column("rating", ratings)]));
        string same = Temp(2, new Column("userId", users), new Column("movieId", items), new Column("rating", ratings));
        string other = Temp(2, new Column("userId", users), new Column("movieId", items), new Column("rating", changed));
        try
        {
            AssertSame(RatingsFile.Read(csv), RatingsFile.Read(same));
            Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertSame(RatingsFile.Read(csv), RatingsFile.Read(other)));
        }
        finally
        {
            File.Delete(csv);
            File.Delete(same);
            File.Delete(other);
        }
    }

    [Fact]
    public void TheSuitesWriterReadsBackToTheSameRatingsAndTheSameBytes()
    {
        RatingSet ratings = SyntheticRatings.Generate(4);
        string first = Path.Combine(Path.GetTempPath(), $"refsol-recommender-{Guid.NewGuid():N}.parquet");
        string again = Path.ChangeExtension(first, ".again.parquet");
        try
        {
            ParquetRatingsWriter.Write(first, ratings, rowGroupRows: 10_000);
            ParquetRatingsWriter.Write(again, ratings, rowGroupRows: 10_000);
            Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(again));
            RatingSet read = RatingsFile.Read(first);
            Assert.Equal(ratings.Users, read.Users);
            Assert.Equal(ratings.Items, read.Items);
            Assert.Equal(ratings.Values.Select(BitConverter.DoubleToInt64Bits), read.Values.Select(BitConverter.DoubleToInt64Bits));
            Assert.Equal(ratings.UserIds, read.UserIds);
            Assert.Equal(ratings.ItemIds, read.ItemIds);
        }
        finally
        {
            File.Delete(first);
            File.Delete(again);
        }
    }

    [Fact]
    public void AMissingColumnIsNamedWithTheColumnsThereAre()
    {
        string path = Temp(10, Longs("userId", 1), Longs("itemId", 2), Doubles("rating", 4.0));
        AssertRefused(path, $"{path}: no column 'movieId' (columns: userId, itemId, rating)");
    }

    [Fact]
    public void ANullIsReportedAtItsRowAndRowGroup()
    {
        string path = Temp(3,
            NullableLongs("userId", 1, 2, 3, 4, null, 6),
            Longs("movieId", 1, 1, 1, 1, 1, 1),
            Doubles("rating", 1.0, 2, 3, 4, 5, 1));
        AssertRefused(path, $"{path}: row 4 (row group 1): column 'userId': null, expected a value");
    }

    [Theory]
    [InlineData(double.NaN, "NaN is not a finite rating")]
    [InlineData(double.PositiveInfinity, "Infinity is not a finite rating")]
    [InlineData(2e6, "2000000 is outside the ratings accepted, [−10⁶, 10⁶]")]
    [InlineData(-1000000.0000000001, "-1000000.0000000001 is outside the ratings accepted, [−10⁶, 10⁶]")]
    public void ABadRatingIsReportedAtItsRow(double bad, string what)
    {
        string path = Temp(2,
            Longs("movieId", 1, 2, 3),
            Longs("userId", 1, 1, 1),
            Doubles("rating", 1e6, -1e6, bad));
        AssertRefused(path, $"{path}: row 2 (row group 1): column 'rating': {what}");
    }

    [Fact]
    public void TheFirstBadRowIsReportedAndWithinItUserIdBeforeMovieIdBeforeRating()
    {
        string laterUser = Temp(10,
            NullableLongs("userId", 1, 2, null),
            Longs("movieId", 1, 1, 1),
            NullableDoubles("rating", 1, null, 3));
        string sameRow = Temp(10,
            Doubles("rating", 1, double.NaN),
            NullableLongs("movieId", 1, null),
            Longs("userId", 1, 1));
        AssertRefused(laterUser, $"{laterUser}: row 1 (row group 0): column 'rating': null, expected a value");
        AssertRefused(sameRow, $"{sameRow}: row 1 (row group 0): column 'movieId': null, expected a value");
    }

    [Fact]
    public void ARepeatedPairNamesBothRows()
    {
        string path = Temp(2,
            Longs("userId", 1, 2, 3, 2, 1),
            Longs("movieId", 5, 5, 5, 6, 5),
            Doubles("rating", 1.0, 2, 3, 4, 5));
        AssertRefused(path, $"{path}: row 4 (row group 2): user 1 rates item 5 twice (first on row 0)");
    }

    [Fact]
    public void TypesOutsideTheAcceptedOnesAreRefusedNamingTheColumnAndItsType()
    {
        string text = Temp(10, Longs("userId", 1), Longs("movieId", 2), Strings("rating", "4.5"));
        string floatId = Temp(10, Doubles("userId", 1.0), Longs("movieId", 2), Doubles("rating", 4.5));
        AssertRefused(text, $"{text}: column 'rating': is BYTE_ARRAY (STRING), expected INT32, INT64 (plain or integer-annotated), FLOAT or DOUBLE");
        AssertRefused(floatId, $"{floatId}: column 'userId': is DOUBLE, expected INT32 or INT64 (plain or integer-annotated)");
    }

    [Fact]
    public void AnUnsignedIdBeyondInt64IsRefusedAsTheCsvReaderRefusesItsText()
    {
        string path = Temp(10, ULongs("userId", 1, ulong.MaxValue), Longs("movieId", 2, 2), Doubles("rating", 4.5, 1));
        AssertRefused(path, $"{path}: row 1 (row group 0): column 'userId': {ulong.MaxValue} is not a 64-bit integer id");
    }

    [Fact]
    public void AFileWithoutRowsIsRefused()
    {
        string path = Temp(10, new Column("userId", Array.Empty<long>()), new Column("movieId", Array.Empty<long>()), new Column("rating", Array.Empty<double>()));
        AssertRefused(path, $"{path}: has the columns userId, movieId and rating but no rows");
    }

    [Fact]
    public void ACutShortFileAndACsvNamedParquetAreRefused()
    {
        string whole = Temp(10, Longs("userId", 1), Longs("movieId", 2), Doubles("rating", 4.0));
        byte[] bytes = File.ReadAllBytes(whole);
        File.WriteAllBytes(whole, bytes[..^10]);
        string named = Path.ChangeExtension(DataFiles.Temp("userId,movieId,rating\n1,2,4\n"), ".parquet");
        File.WriteAllText(named, "userId,movieId,rating\n1,2,4\n");
        AssertRefused(whole, $"{whole}: starts with Parquet's magic bytes PAR1 but does not end with them: not a whole Parquet file (cut short?)");
        AssertRefused(named, $"{named}: is named .parquet but does not start with Parquet's magic bytes PAR1");
    }

    [Property(MaxTest = 100)]
    public void ACorruptedFileIsAOneLineInputErrorOrReadsAsParquet(int seed)
    {
        var random = new Random(seed);
        int n = random.Next(1, 40);
        string path = Temp(random.Next(1, n + 1),
            new Column("userId", Enumerable.Range(1, n).Select(u => (long)u).ToArray()),
            new Column("movieId", Enumerable.Range(0, n).Select(_ => (long)random.Next(100)).ToArray()),
            new Column("rating", Enumerable.Range(0, n).Select(_ => random.Next(1, 11) / 2.0).ToArray()));
        byte[] bytes = File.ReadAllBytes(path);
        for (int k = random.Next(1, 4); k > 0; k--)
        {
            bytes[random.Next(4, bytes.Length - 4)] ^= (byte)random.Next(1, 256);
        }
        File.WriteAllBytes(path, bytes);
        try
        {
            RatingsFile.Read(path);
        }
        catch (UserInputException e)
        {
            Assert.StartsWith(path + ": ", e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void AssertRefused(string path, string message)
    {
        try
        {
            var error = Assert.Throws<DataFormatException>(() => RatingsFile.Read(path));
            Assert.Equal(message, error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void AssertSame(RatingSet expected, RatingSet actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected.Users, actual.Users);
        Assert.Equal(expected.Items, actual.Items);
        Assert.Equal(expected.Values.Select(BitConverter.DoubleToInt64Bits), actual.Values.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(expected.UserIds, actual.UserIds);
        Assert.Equal(expected.ItemIds, actual.ItemIds);
    }

    /// <summary>Distinct ids, with the extremes of the types the property writes them as.</summary>
    private static long[] Ids(Random random, int count)
    {
        long[] special = [0, 1, int.MaxValue, uint.MaxValue];
        var ids = new HashSet<long>();
        while (ids.Count < count)
        {
            ids.Add(random.Next(4) == 0 ? special[random.Next(special.Length)] : random.Next(0, 1000));
        }
        return [.. ids];
    }

    /// <summary>An id column as INT64, INT32 (when every id fits) or OPTIONAL INT64; UINT32 when every id fits that.</summary>
    private static Column IdColumn(string name, List<long> ids, int kind) => kind switch
    {
        1 when ids.All(id => id <= int.MaxValue) => new Column(name, ids.Select(id => (int)id).ToArray()),
        1 => new Column(name, ids.Select(id => (uint)id).ToArray()),
        2 => new Column(name, ids.Select(id => (long?)id).ToArray()),
        _ => new Column(name, ids.ToArray()),
    };

    /// <summary>Half stars, any double in [−10⁶, 10⁶], the bounds, −0 and subnormals.</summary>
    private static double Rating(Random random) => random.Next(6) switch
    {
        0 => random.Next(1, 11) / 2.0,
        1 => (random.NextDouble() * 2e6) - 1e6,
        2 => random.Next(2) == 0 ? 1e6 : -1e6,
        3 => -0.0,
        4 => double.Epsilon * random.Next(1, 1000),
        _ => random.NextDouble() * 1e-300,
    };

    /// <summary>The CSV with the same columns in the same order: numbers in shortest round-trip form.</summary>
    private static string Csv(Column[] columns)
    {
        var text = new StringBuilder(string.Join(',', columns.Select(c => c.Name))).Append('\n');
        for (int r = 0; r < columns[0].Values.Length; r++)
        {
            text.AppendJoin(',', columns.Select(c => c.Values.GetValue(r) switch
            {
                float f => ((double)f).ToString("R", CultureInfo.InvariantCulture),
                double d => d.ToString("R", CultureInfo.InvariantCulture),
                IFormattable x => x.ToString(null, CultureInfo.InvariantCulture),
                var s => (string)s!,
            })).Append('\n');
        }
        return text.ToString();
    }
}
