using ReferenceSolutions.Core.Data;

namespace ReferenceSolutions.Recommender.Ratings;

/// <summary>
/// The ratings a reader has read so far, in file order: user id, item id and value of each (24 bytes a rating), and,
/// when the reader asks for it, where each came from (a CSV line; 4 bytes more). A reader adds them one at a time
/// (<see cref="Add"/>) or decodes a block straight into the arrays (<see cref="Reserve"/>, <see cref="Commit"/>). A Parquet reader needs no positions:
/// rating r is the file's row r. <see cref="ToRatingSet"/> indexes users and items in ascending id order, as
/// <see cref="RatingsFile"/> does, so every reader that fills these rows returns the same <see cref="RatingSet"/> for
/// the same ratings.
/// </summary>
/// <param name="capacity">The initial capacity; the arrays double when it is exceeded.</param>
/// <param name="positions">Whether <see cref="Add"/>'s position is kept (else a rating's position is its index).</param>
internal sealed class RatingRows(int capacity, bool positions)
{
    private long[] _users = new long[capacity];
    private long[] _items = new long[capacity];
    private double[] _values = new double[capacity];
    private int[] _positions = positions ? new int[capacity] : [];

    /// <summary>A repeated (user, item) pair: (its position, the first's position, user id, item id) → the error.</summary>
    public delegate UserInputException RepeatedPair(int repeat, int first, long user, long item);

    /// <summary>Ratings held.</summary>
    public int Count { get; private set; }

    /// <summary>User ids, in file order (the first <see cref="Count"/> are held; a reserved block follows).</summary>
    public long[] Users => _users;

    /// <summary>Item ids, in file order.</summary>
    public long[] Items => _items;

    /// <summary>Rating values, in file order.</summary>
    public double[] Values => _values;

    /// <summary>
    /// Makes room for <paramref name="count"/> more ratings (without positions) and returns the index of the first: a
    /// reader fills <see cref="Users"/>, <see cref="Items"/> and <see cref="Values"/> from there, then calls
    /// <see cref="Commit"/>.
    /// </summary>
    public int Reserve(int count)
    {
        if (positions)
        {
            throw new InvalidOperationException("blocks are for rows without positions");
        }
        if (Count + (long)count > _users.Length)
        {
            Grow((int)Math.Min(Array.MaxLength, Math.Max(Count + (long)count, 2L * Count)));
        }
        return Count;
    }

    /// <summary>Counts the <paramref name="count"/> ratings filled after <see cref="Reserve"/>.</summary>
    public void Commit(int count) => Count += count;

    /// <summary>Appends one rating read at <paramref name="position"/> (ignored unless positions are kept).</summary>
    public void Add(long user, long item, double value, int position)
    {
        if (Count == _users.Length)
        {
            Grow((int)Math.Min(Array.MaxLength, Math.Max(1024, 2L * Count)));
        }
        _users[Count] = user;
        _items[Count] = item;
        _values[Count] = value;
        if (positions)
        {
            _positions[Count] = position;
        }
        Count++;
    }

    /// <summary>
    /// Indexes users and items in ascending id order; a repeated (user, item) pair is reported at its second occurrence
    /// in file order, naming the position of the first, in the words <paramref name="repeated"/> gives it.
    /// </summary>
    public RatingSet ToRatingSet(string path, RepeatedPair repeated)
    {
        ArgumentNullException.ThrowIfNull(repeated);
        long[] userIds = Distinct(_users);
        long[] itemIds = Distinct(_items);
        int[] users = Indices(_users, userIds);
        int[] items = Indices(_items, itemIds);
        RequireNoRepeatedPair(users, items, itemIds.Length, userIds, itemIds, repeated);
        return new RatingSet(users, items, Count == _values.Length ? _values : _values[..Count], userIds, itemIds, path);
    }

    private void Grow(int capacity)
    {
        Array.Resize(ref _users, capacity);
        Array.Resize(ref _items, capacity);
        Array.Resize(ref _values, capacity);
        if (positions)
        {
            Array.Resize(ref _positions, capacity);
        }
    }

    private int Position(int rating) => positions ? _positions[rating] : rating;

    private long[] Distinct(long[] ids)
    {
        long[] sorted = ids[..Count];
        Array.Sort(sorted);
        int unique = 0;
        for (int r = 0; r < sorted.Length; r++)
        {
            if (r == 0 || sorted[r] != sorted[unique - 1])
            {
                sorted[unique++] = sorted[r];
            }
        }
        return sorted[..unique];
    }

    private int[] Indices(long[] ids, long[] distinct)
    {
        var index = new Dictionary<long, int>(distinct.Length);
        for (int k = 0; k < distinct.Length; k++)
        {
            index[distinct[k]] = k;
        }
        int[] indices = new int[Count];
        for (int r = 0; r < Count; r++)
        {
            indices[r] = index[ids[r]];
        }
        return indices;
    }

    /// <summary>
    /// Sorts the keys u·n + i with their rows; within a run of equal keys the smallest row is the first occurrence and
    /// the second smallest the first repeat; the repeat that comes first in the file is the one reported.
    /// </summary>
    private void RequireNoRepeatedPair(int[] users, int[] items, int itemCount, long[] userIds, long[] itemIds, RepeatedPair repeated)
    {
        long[] keys = new long[Count];
        int[] order = new int[Count];
        for (int r = 0; r < Count; r++)
        {
            keys[r] = ((long)users[r] * itemCount) + items[r];
            order[r] = r;
        }
        Array.Sort(keys, order);
        int repeat = -1, first = -1;
        for (int start = 0, end; start < Count; start = end)
        {
            end = start + 1;
            while (end < Count && keys[end] == keys[start])
            {
                end++;
            }
            if (end - start < 2)
            {
                continue;
            }
            Span<int> run = order.AsSpan(start, end - start);
            run.Sort();
            if (repeat < 0 || run[1] < repeat)
            {
                (first, repeat) = (run[0], run[1]);
            }
        }
        if (repeat >= 0)
        {
            throw repeated(Position(repeat), Position(first), userIds[users[repeat]], itemIds[items[repeat]]);
        }
    }
}
