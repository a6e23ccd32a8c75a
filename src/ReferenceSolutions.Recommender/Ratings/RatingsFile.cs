using System.Globalization;
using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.Output;

namespace ReferenceSolutions.Recommender.Ratings;

/// <summary>
/// Reads ratings CSV files in the MovieLens layout (and Parquet files with the same columns, see
/// <see cref="ParquetRatingsReader"/>), and writes CSV: a header row with at least <c>userId</c>,
/// <c>movieId</c> and <c>rating</c> (e.g. <c>userId,movieId,rating,timestamp</c>); ids are 64-bit integers, each (user,
/// item) pair at most once, ratings numbers with |r| ≤ <see cref="MaxAbsRating"/> (zero and negative ratings are
/// allowed: some scales are centred). Users and items are indexed in ascending id order.
/// </summary>
public static class RatingsFile
{
    /// <summary>
    /// The largest |rating| accepted, 10⁶. Ratings are scores on a scale (MovieLens: 0.5–5); a value beyond a million is
    /// no rating, and below it every square and sum the models form (N·r², ALS's Gram matrices, the RMSE) stays many
    /// orders of magnitude from overflow. Whether SGD converges on a scale is a separate matter, checked after training.
    /// </summary>
    public const double MaxAbsRating = 1e6;

    /// <summary>
    /// Reads <paramref name="path"/>; any bad row is a <see cref="DataFormatException"/> naming file, line and column.
    /// A file whose first four bytes are <c>PAR1</c> is Parquet, read by <see cref="ParquetRatingsReader"/> (same columns,
    /// same checks, rows instead of lines); a file named <c>*.parquet</c> without them is refused. Any other file is CSV:
    /// plain files take <see cref="PlainRatingsReader"/>, everything else (quotes, spaces, non-ASCII, any error but a
    /// repeated pair) the general reader <see cref="ReadTable"/>: the same ratings and the same errors either way.
    /// </summary>
    public static RatingSet Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (ParquetRatingsReader.StartsWithMagic(path))
        {
            return ParquetRatingsReader.Read(path);
        }
        if (path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase) && File.Exists(path))
        {
            throw new DataFormatException(path, null, null, "is named .parquet but does not start with Parquet's magic bytes PAR1");
        }
        return PlainRatingsReader.TryRead(path) ?? ReadTable(path);
    }

    /// <summary>The general reader: <see cref="CsvTable"/> (CsvHelper), every field a string, every error located.</summary>
    internal static RatingSet ReadTable(string path)
    {
        CsvTable table = CsvTable.Read(path, hasHeader: true);
        int userColumn = table.ColumnIndex("userId");
        int itemColumn = table.ColumnIndex("movieId");
        int ratingColumn = table.ColumnIndex("rating");
        long[] userIds = new long[table.RowCount];
        long[] itemIds = new long[table.RowCount];
        double[] values = new double[table.RowCount];
        var seen = new Dictionary<(long, long), int>();
        for (int r = 0; r < table.RowCount; r++)
        {
            userIds[r] = Id(table, r, userColumn);
            itemIds[r] = Id(table, r, itemColumn);
            values[r] = table.Number(r, ratingColumn);
            if (Math.Abs(values[r]) > MaxAbsRating)
            {
                throw table.Error(r, ratingColumn, $"'{Echo.Value(table.Text(r, ratingColumn))}' is outside the ratings accepted, [−10⁶, 10⁶]");
            }
            if (!seen.TryAdd((userIds[r], itemIds[r]), r))
            {
                throw table.Error(r, $"user {userIds[r]} rates item {itemIds[r]} twice (first on line {table.LineOf(seen[(userIds[r], itemIds[r])])})");
            }
        }
        long[] users = userIds.Distinct().Order().ToArray();
        long[] items = itemIds.Distinct().Order().ToArray();
        var userIndex = users.Select((id, index) => (id, index)).ToDictionary(p => p.id, p => p.index);
        var itemIndex = items.Select((id, index) => (id, index)).ToDictionary(p => p.id, p => p.index);
        return new RatingSet(
            userIds.Select(id => userIndex[id]).ToArray(),
            itemIds.Select(id => itemIndex[id]).ToArray(),
            values,
            users,
            items,
            path);
    }

    /// <summary>Writes <c>userId,movieId,rating</c> rows (atomically).</summary>
    public static void Write(string path, RatingSet ratings)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        var text = new System.Text.StringBuilder("userId,movieId,rating\n");
        for (int r = 0; r < ratings.Count; r++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{ratings.UserIds[ratings.Users[r]]},{ratings.ItemIds[ratings.Items[r]]},{ratings.Values[r]:R}\n");
        }
        AtomicFile.WriteAllText(path, text.ToString());
    }

    private static long Id(CsvTable table, int row, int column)
    {
        string text = table.Text(row, column);
        if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long id))
        {
            throw table.Error(row, column, text.Length == 0 ? "empty field, expected an integer id" : $"'{Echo.Value(text)}' is not a 64-bit integer id");
        }
        return id;
    }
}
