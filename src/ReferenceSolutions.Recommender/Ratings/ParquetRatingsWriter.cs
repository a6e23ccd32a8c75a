using Parquet;
using Parquet.Schema;

namespace ReferenceSolutions.Recommender.Ratings;

/// <summary>
/// Writes ratings as Apache Parquet (Parquet.Net, its default Snappy compression), streaming: three REQUIRED columns
/// <c>userId</c> INT64, <c>movieId</c> INT64, <c>rating</c> DOUBLE, in the order added, in row groups of
/// <see cref="RowGroupRows"/> rows, so memory is one row group (24 bytes a row) whatever the file's size.
/// <see cref="ParquetRatingsReader"/> reads it back to the same ratings. The same ratings give the same bytes.
/// </summary>
public sealed class ParquetRatingsWriter : IRatingsWriter
{
    /// <summary>Rows per row group, 2²⁰ (24 MiB of values before compression).</summary>
    public const int RowGroupRows = 1 << 20;

    private static readonly DataField<long> UserField = new("userId");
    private static readonly DataField<long> ItemField = new("movieId");
    private static readonly DataField<double> RatingField = new("rating");

    private readonly FileStream _stream;
    private readonly ParquetWriter _writer;
    private readonly long[] _users;
    private readonly long[] _items;
    private readonly double[] _values;
    private int _count;

    /// <summary>Creates (or replaces) <paramref name="path"/>; rows are written in groups of <paramref name="rowGroupRows"/>.</summary>
    public ParquetRatingsWriter(string path, int rowGroupRows = RowGroupRows)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rowGroupRows, 1);
        _users = new long[rowGroupRows];
        _items = new long[rowGroupRows];
        _values = new double[rowGroupRows];
        _stream = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 20);
        _writer = ParquetWriter.CreateAsync(new ParquetSchema(UserField, ItemField, RatingField), _stream).GetAwaiter().GetResult();
    }

    /// <summary>Writes the ratings of <paramref name="ratings"/>, in their order, to <paramref name="path"/>.</summary>
    public static void Write(string path, RatingSet ratings, int rowGroupRows = RowGroupRows)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        using var writer = new ParquetRatingsWriter(path, rowGroupRows);
        for (int r = 0; r < ratings.Count; r++)
        {
            writer.Add(ratings.UserIds[ratings.Users[r]], ratings.ItemIds[ratings.Items[r]], ratings.Values[r]);
        }
    }

    /// <summary>Appends one rating; a full row group is written out.</summary>
    public void Add(long user, long item, double rating)
    {
        _users[_count] = user;
        _items[_count] = item;
        _values[_count] = rating;
        if (++_count == _users.Length)
        {
            Flush();
        }
    }

    /// <summary>Writes the last row group and the footer, and closes the file.</summary>
    public void Dispose()
    {
        Flush();
        _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _stream.Dispose();
    }

    private void Flush()
    {
        if (_count == 0)
        {
            return;
        }
        using ParquetRowGroupWriter group = _writer.CreateRowGroup();
        group.WriteAsync(UserField, new ReadOnlyMemory<long>(_users, 0, _count)).GetAwaiter().GetResult();
        group.WriteAsync(ItemField, new ReadOnlyMemory<long>(_items, 0, _count)).GetAwaiter().GetResult();
        group.WriteAsync(RatingField, new ReadOnlyMemory<double>(_values, 0, _count)).GetAwaiter().GetResult();
        _count = 0;
    }
}
