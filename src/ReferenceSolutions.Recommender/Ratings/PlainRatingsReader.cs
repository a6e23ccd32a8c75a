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
        var rows = new RatingRows(Math.Max(1024, (int)Math.Min(stream.Length / 16, Array.MaxLength / 2)), positions: true);
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
        return rows.Count == 0 ? null : rows.ToRatingSet(path, (repeat, first, user, item) =>
            new DataFormatException(path, repeat, null, $"user {user} rates item {item} twice (first on line {first})"));
    }

    /// <summary>Reads one line (without its <c>\n</c>); false when the general reader must take the file.</summary>
    private static bool Line(ReadOnlySpan<byte> text, int line, ref Columns? columns, RatingRows rows)
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
}
