using System.Text;
using FsCheck.Xunit;
using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Recommender.Ratings;

namespace ReferenceSolutions.Recommender.Tests;

/// <summary>
/// The fast reader against the general one (CsvHelper) on random files built from clean and hostile pieces — repeated
/// pairs, bad numbers, empty fields, quotes, spaces, CRLF, blank lines, extra and reordered columns, no final newline:
/// both give the same ratings, or both the same one-line error. Clean files take the fast path, others do not.
/// </summary>
public class PlainRatingsReaderTests
{
    private static readonly string[] Headers = ["userId,movieId,rating", "userId,movieId,rating,timestamp", "rating,movieId,userId", "userId,movieId,score", "userId,userId,rating"];
    private static readonly string[] Ratings = ["4", "4.5", "-1", "1e3", "0.5", "3.0", "abc", "", " 3", "\"4\"", "NaN", "2000000", "5 ", "1E-2"];

    [Property(MaxTest = 300)]
    public void SameRatingsOrSameErrorAsTheGeneralReader(int seed)
    {
        var random = new Random(seed);
        string header = Headers[random.Next(random.Next(2) == 0 ? 2 : Headers.Length)];
        int columns = header.Split(',').Length;
        bool hostile = random.Next(3) == 0;
        string newline = random.Next(4) == 0 ? "\r\n" : "\n";
        var text = new StringBuilder(header).Append(newline);
        int rows = random.Next(0, 12);
        for (int r = 0; r < rows; r++)
        {
            string rating = hostile ? Ratings[random.Next(Ratings.Length)] : Ratings[random.Next(6)];
            string[] fields = [.. Enumerable.Range(0, columns).Select(c => c == 2 ? rating : (1 + random.Next(hostile ? 3 : 40)).ToString(System.Globalization.CultureInfo.InvariantCulture))];
            if (hostile && random.Next(8) == 0)
            {
                fields = fields[..^1];
            }
            text.Append(string.Join(',', fields)).Append(newline);
            if (random.Next(10) == 0)
            {
                text.Append(newline);
            }
        }
        string content = random.Next(5) == 0 ? text.ToString().TrimEnd('\r', '\n') : text.ToString();
        string path = DataFiles.Temp(content);
        try
        {
            (RatingSet? fast, string? fastError) = Outcome(() => RatingsFile.Read(path));
            (RatingSet? general, string? generalError) = Outcome(() => RatingsFile.ReadTable(path));
            Assert.Equal(generalError, fastError);
            if (general is not null)
            {
                Assert.Equal(general.Users, fast!.Users);
                Assert.Equal(general.Items, fast.Items);
                Assert.Equal(general.Values, fast.Values);
                Assert.Equal(general.UserIds, fast.UserIds);
                Assert.Equal(general.ItemIds, fast.ItemIds);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void CleanFilesTakeTheFastPathAndQuotedOnesDoNot()
    {
        string clean = DataFiles.Temp("userId,movieId,rating,timestamp\r\n1,10,4.5,964982703\r\n\r\n2,10,3,964982224");
        string quoted = DataFiles.Temp("userId,movieId,rating\n1,10,\"4.5\"\n");
        try
        {
            RatingSet read = PlainRatingsReader.TryRead(clean) ?? throw new Xunit.Sdk.XunitException("a clean file fell back to the general reader");
            Assert.Equal([4.5, 3.0], read.Values);
            Assert.Equal([1L, 2L], read.UserIds);
            Assert.Null(PlainRatingsReader.TryRead(quoted));
            Assert.Equal([4.5], RatingsFile.Read(quoted).Values);
        }
        finally
        {
            File.Delete(clean);
            File.Delete(quoted);
        }
    }

    [Fact]
    public void ARepeatedPairIsReportedByTheFastPathAtItsFirstRepeatInFileOrder()
    {
        string path = DataFiles.Temp("userId,movieId,rating\n1,10,4\n2,11,3\n\n2,11,5\n1,10,2\n");
        try
        {
            var error = Assert.Throws<DataFormatException>(() => PlainRatingsReader.TryRead(path));
            Assert.Equal($"{path}:5: user 2 rates item 11 twice (first on line 3)", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static (RatingSet? Ratings, string? Error) Outcome(Func<RatingSet> read)
    {
        try
        {
            return (read(), null);
        }
        catch (UserInputException e)
        {
            return (null, e.Message);
        }
    }
}
