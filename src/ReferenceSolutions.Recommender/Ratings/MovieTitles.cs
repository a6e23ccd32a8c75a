using System.Globalization;
using ReferenceSolutions.Core.Data;

namespace ReferenceSolutions.Recommender.Ratings;

/// <summary>
/// Item titles from a MovieLens <c>movies.csv</c> (header with <c>movieId</c> and <c>title</c>; titles may be quoted).
/// Titles are only shown, so bytes that are not UTF-8 in them (98 lines of the copy data/README.md lists) read as U+FFFD
/// rather than refusing the file; an empty title is allowed (nothing is shown). Ids must still be 64-bit integers, each
/// on one line only: two titles for one id would leave it to chance which is shown.
/// </summary>
public static class MovieTitles
{
    /// <summary>movieId → title; a bad or repeated id is a <see cref="DataFormatException"/> naming file, line and column.</summary>
    public static IReadOnlyDictionary<long, string> Read(string path)
    {
        CsvTable table = CsvTable.Read(path, hasHeader: true, displayTextMayBeInvalid: true);
        int idColumn = table.ColumnIndex("movieId");
        int titleColumn = table.ColumnIndex("title");
        var titles = new Dictionary<long, string>();
        var rows = new Dictionary<long, int>();
        for (int r = 0; r < table.RowCount; r++)
        {
            string text = table.Text(r, idColumn);
            if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long id))
            {
                throw table.Error(r, idColumn, text.Length == 0 ? "empty field, expected an integer id" : $"'{Echo.Value(text)}' is not a 64-bit integer id");
            }
            if (!rows.TryAdd(id, r))
            {
                throw table.Error(r, idColumn, $"movie {id} is listed twice (first on line {table.LineOf(rows[id])})");
            }
            titles[id] = table.Text(r, titleColumn);
        }
        return titles;
    }
}
