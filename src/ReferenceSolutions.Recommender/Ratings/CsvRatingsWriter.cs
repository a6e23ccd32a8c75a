using System.Globalization;

namespace ReferenceSolutions.Recommender.Ratings;

/// <summary>
/// Writes ratings as CSV, streaming: the header <c>userId,movieId,rating</c>, then one line <c>u,i,r</c> a rating, ids
/// in decimal, r in shortest round-trip form, <c>\n</c> line ends, UTF-8 without a byte-order mark.
/// </summary>
public sealed class CsvRatingsWriter : IRatingsWriter
{
    private readonly StreamWriter _writer;
    private readonly char[] _line = new char[128];

    /// <summary>Creates (or replaces) <paramref name="path"/> and writes the header.</summary>
    public CsvRatingsWriter(string path)
    {
        _writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false), 1 << 20);
        _writer.Write("userId,movieId,rating\n");
    }

    /// <inheritdoc/>
    public void Add(long user, long item, double rating)
    {
        _line.AsSpan().TryWrite(CultureInfo.InvariantCulture, $"{user},{item},{rating}\n", out int written);
        _writer.Write(_line, 0, written);
    }

    /// <inheritdoc/>
    public void Dispose() => _writer.Dispose();
}
