using System.Globalization;
using ReferenceSolutions.Core.Data;

namespace ReferenceSolutions.Recommender.Ratings;

/// <summary>
/// Item titles from a MovieLens <c>movies.csv</c> (header with <c>movieId</c> and <c>title</c>; titles may be quoted).
/// Titles are only shown, so bytes that are not UTF-8 in them (98 lines of the copy data/README.md lists) read as U+FFFD
/// rather than refusing the file; ids must still be integers.
/// </summary>
public static class MovieTitles
{
    /// <summary>movieId → title; a bad id is a <see cref="DataFormatException"/> naming file, line and column.</summary>
    public static IReadOnlyDictionary<long, string> Read(string path)
    {
        CsvTable table = CsvTable.Read(path, hasHeader: true, displayTextMayBeInvalid: true);
        int idColumn = table.ColumnIndex("movieId");
        int titleColumn = table.ColumnIndex("title");
        var titles = new Dictionary<long, string>();
        for (int r = 0; r < table.RowCount; r++)
        {
            string text = table.Text(r, idColumn);
            if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long id))
            {
                throw table.Error(r, idColumn, $"'{text}' is not an integer id");
            }
            titles[id] = table.Text(r, titleColumn);
        }
        return titles;
    }
}
