using System.Globalization;
using ReferenceSolutions.Core.Data;

namespace ReferenceSolutions.Recommender.Ratings;

/// <summary>Item titles from a MovieLens <c>movies.csv</c> (header with <c>movieId</c> and <c>title</c>; titles may be quoted).</summary>
public static class MovieTitles
{
    /// <summary>movieId → title; a bad id is a <see cref="DataFormatException"/> naming file, line and column.</summary>
    public static IReadOnlyDictionary<long, string> Read(string path)
    {
        CsvTable table = CsvTable.Read(path, hasHeader: true);
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
