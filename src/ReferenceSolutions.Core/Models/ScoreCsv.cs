using System.Globalization;
using System.Text;
using ReferenceSolutions.Core.Output;

namespace ReferenceSolutions.Core.Models;

/// <summary>
/// <c>refsol score</c>'s CSV: a header <c>row,&lt;column&gt;,…</c>, then one line per scored row, <c>row</c> the
/// 1-based data row of the input (its header not counted); numbers in shortest round-trip form, a non-finite number as
/// an empty field, text quoted when it holds a comma, quote or line break. Written atomically.
/// </summary>
public static class ScoreCsv
{
    /// <summary>Writes <paramref name="columns"/> (all of one length) to <paramref name="path"/>.</summary>
    public static void Write(string path, IReadOnlyList<ScoreColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        int rows = columns.Count == 0 ? 0 : columns[0].Count;
        if (columns.Any(c => c.Count != rows))
        {
            throw new ArgumentException("every score column needs one value per row", nameof(columns));
        }
        AtomicFile.Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
            writer.Write("row");
            foreach (ScoreColumn column in columns)
            {
                writer.Write(',');
                writer.Write(Quoted(column.Header));
            }
            writer.Write('\n');
            for (int i = 0; i < rows; i++)
            {
                writer.Write((i + 1).ToString(CultureInfo.InvariantCulture));
                foreach (ScoreColumn column in columns)
                {
                    writer.Write(',');
                    writer.Write(column.Numbers is { } numbers
                        ? double.IsFinite(numbers[i]) ? numbers[i].ToString("R", CultureInfo.InvariantCulture) : ""
                        : Quoted(column.Texts![i]));
                }
                writer.Write('\n');
            }
        });
    }

    private static string Quoted(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") < 0 ? text : $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
