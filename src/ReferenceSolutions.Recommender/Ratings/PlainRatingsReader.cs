using System.Globalization;
using ReferenceSolutions.Core.Data;

namespace ReferenceSolutions.Recommender.Ratings;

/// <summary>
/// The fast path of <see cref="RatingsFile.Read"/> for plain files, which is what MovieLens and the suite's generator
/// write: ASCII without quotes, spaces, tabs or NUL; lines ending in <c>\n</c> or <c>\r\n</c>; a header of distinct
/// names holding <c>userId</c>, <c>movieId</c> and <c>rating</c>. It parses the bytes in place, with the same
/// <see cref="NumberStyles"/> and culture as the general reader, and keeps 28 bytes per rating while reading (two
/// 64-bit ids, the value, the line), instead of a string per field. Anything it does not read exactly as the general
/// reader would (a quote, a byte ≥ 0x80, a lone CR, a ragged row, an empty or unparsable field, a value outside
/// [−10⁶, 10⁶], no data rows) makes it return null, and the general reader reads the file and reports the first error in
/// its usual words. The one error it reports itself is a repeated (user, item) pair, in the general reader's words, so
/// that a large file with a duplicate is not read twice.
/// </summary>
internal static class PlainRatingsReader
{
    private const int BufferSize = 1 << 20;

    /// <summary>The ratings of <paramref name="path"/>, or null when the file needs the general reader.</summary>
    public static RatingSet? TryRead(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);
        var rows = new Rows(Math.Max(1024, (int)Math.Min(stream.Length / 16, Array.MaxLength / 2)));
        Columns? columns = null;
        byte[] buffer = new byte[BufferSize];
        int carried = 0, line = 0;
        while (true)
        {
            int read = stream.Read(buffer, carried, buffer.Length - carried);
            int length = carried + read;
            int start = 0;
            for (int end = Array.IndexOf(buffer, (byte)'\n', 0, length); end >= 0; end = Array.IndexOf(buffer, (byte)'\n', start, length - start))
            {
                line++;
                if (!Line(buffer.AsSpan(start, end - start), line, ref columns, rows))
                {
                    return null;
                }
                start = end + 1;
            }
            carried = length - start;
            if (read == 0)
            {
                if (carried > 0 && !Line(buffer.AsSpan(start, carried), line + 1, ref columns, rows))
                {
                    return null;
                }
                break;
            }
            if (carried == buffer.Length)
            {
                return null;
            }
            Array.Copy(buffer, start, buffer, 0, carried);
        }
        return rows.Count == 0 ? null : rows.ToRatingSet(path);
    }

    /// <summary>Reads one line (without its <c>\n</c>); false when the general reader must take the file.</summary>
    private static bool Line(ReadOnlySpan<byte> text, int line, ref Columns? columns, Rows rows)
    {
        if (text.Length > 0 && text[^1] == (byte)'\r')
        {
            text = text[..^1];
        }
        if (text.Length == 0)
        {
            return true;
        }
        foreach (byte b in text)
        {
            if (b is >= 0x80 or 0 or (byte)'"' or (byte)' ' or (byte)'\t' or (byte)'\r')
            {
                return false;
            }
        }
        if (columns is null)
        {
            columns = Columns.Of(text);
            return columns is not null;
        }
        int field = 0;
        long user = 0, item = 0;
        double rating = 0;
        bool ok = true;
        foreach (Range range in text.Split((byte)','))
        {
            ReadOnlySpan<byte> value = text[range];
            if (field >= columns.Count || value.IsEmpty)
            {
                return false;
            }
            if (field == columns.User)
            {
                ok &= long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out user);
            }
            else if (field == columns.Item)
            {
                ok &= long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out item);
            }
            else if (field == columns.Rating)
            {
                ok &= double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out rating)
                    && double.IsFinite(rating) && Math.Abs(rating) <= RatingsFile.MaxAbsRating;
            }
            field++;
        }
        if (!ok || field != columns.Count)
        {
            return false;
        }
        rows.Add(user, item, rating, line);
        return true;
    }

    /// <summary>Where the three columns are, and how many fields each row has.</summary>
    private sealed record Columns(int Count, int User, int Item, int Rating)
    {
        /// <summary>The header's columns, or null unless its names are distinct and include the three.</summary>
        public static Columns? Of(ReadOnlySpan<byte> header)
        {
            var names = new List<string>();
            foreach (Range range in header.Split((byte)','))
            {
                names.Add(System.Text.Encoding.ASCII.GetString(header[range]));
            }
            int user = names.IndexOf("userId"), item = names.IndexOf("movieId"), rating = names.IndexOf("rating");
            return names.Distinct(StringComparer.Ordinal).Count() == names.Count && user >= 0 && item >= 0 && rating >= 0
                ? new Columns(names.Count, user, item, rating)
                : null;
        }
    }

    /// <summary>The ratings read so far, in file order, with their source lines.</summary>
    private sealed class Rows(int capacity)
    {
        private long[] _users = new long[capacity];
        private long[] _items = new long[capacity];
        private double[] _values = new double[capacity];
        private int[] _lines = new int[capacity];

        public int Count { get; private set; }

        public void Add(long user, long item, double value, int line)
        {
            if (Count == _users.Length)
            {
                int grown = (int)Math.Min(Array.MaxLength, 2L * Count);
                Array.Resize(ref _users, grown);
                Array.Resize(ref _items, grown);
                Array.Resize(ref _values, grown);
                Array.Resize(ref _lines, grown);
            }
            _users[Count] = user;
            _items[Count] = item;
            _values[Count] = value;
            _lines[Count] = line;
            Count++;
        }

        /// <summary>
        /// Indexes users and items in ascending id order, as <see cref="RatingsFile"/> does; a repeated (user, item) pair
        /// is reported at its second occurrence in file order, naming the line of the first.
        /// </summary>
        public RatingSet ToRatingSet(string path)
        {
            long[] userIds = Distinct(_users);
            long[] itemIds = Distinct(_items);
            int[] users = Indices(_users, userIds);
            int[] items = Indices(_items, itemIds);
            RequireNoRepeatedPair(path, users, items, itemIds.Length, userIds, itemIds);
            return new RatingSet(users, items, _values[..Count], userIds, itemIds, path);
        }

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
        private void RequireNoRepeatedPair(string path, int[] users, int[] items, int itemCount, long[] userIds, long[] itemIds)
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
                throw new DataFormatException(path, _lines[repeat], null,
                    $"user {userIds[users[repeat]]} rates item {itemIds[items[repeat]]} twice (first on line {_lines[first]})");
            }
        }
    }
}
