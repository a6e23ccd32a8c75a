using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using ReferenceSolutions.Core.LinearAlgebra;

namespace ReferenceSolutions.Core.Data;

/// <summary>
/// A CSV file read whole (CsvHelper underneath), every row with the source line it came from, so that any bad value
/// is reported as <c>file:line: column 'x': what</c>. Rows all have the header's (or the first row's) field count;
/// blank lines are skipped; numbers are parsed with the invariant culture and must be finite. The bytes must be UTF-8
/// without NUL (<see cref="TextFileCheck"/>), header names must be distinct, and a quote left open is reported at the
/// line where it opened. Values quoted in errors are escaped and cut (<see cref="Echo"/>), so every error is one line.
/// </summary>
public sealed class CsvTable
{
    private readonly string[][] _rows;
    private readonly int[] _lines;

    private CsvTable(string source, string[]? header, string[][] rows, int[] lines, int columnCount)
    {
        Source = source;
        Header = header;
        _rows = rows;
        _lines = lines;
        ColumnCount = columnCount;
    }

    /// <summary>The file as the user named it.</summary>
    public string Source { get; }

    /// <summary>Column names from the header row, or null for a file without one.</summary>
    public IReadOnlyList<string>? Header { get; }

    /// <summary>Number of data rows (header excluded).</summary>
    public int RowCount => _rows.Length;

    /// <summary>Fields per row.</summary>
    public int ColumnCount { get; }

    /// <summary>
    /// Reads <paramref name="path"/>; a missing file, bytes that are not UTF-8 text, a ragged row, a repeated header
    /// name, a malformed quote or an empty table is a <see cref="DataFormatException"/>. With
    /// <paramref name="displayTextMayBeInvalid"/> (for files whose text columns are only shown, never parsed, such as
    /// titles) invalid UTF-8 sequences are read as U+FFFD instead of refused; NUL bytes are refused either way.
    /// </summary>
    public static CsvTable Read(string path, bool hasHeader, bool displayTextMayBeInvalid = false)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            throw new DataFormatException(path, null, null, "is a directory, not a CSV file");
        }
        if (!File.Exists(path))
        {
            throw new DataFormatException(path, null, null, "file not found");
        }
        int lastLine = TextFileCheck.Validate(path, displayTextMayBeInvalid);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = hasHeader,
            IgnoreBlankLines = true,
            TrimOptions = TrimOptions.Trim,
            BadDataFound = args => throw Malformed(path, args.Context.Parser?.RawRow ?? 0, lastLine, args.RawRecord, args.Field),
        };
        using var reader = new StreamReader(path);
        using var parser = new CsvParser(reader, config);
        string[]? header = null;
        var rows = new List<string[]>();
        var lines = new List<int>();
        int expected = -1;
        while (parser.Read())
        {
            string[] record = parser.Record ?? [];
            int line = FirstLine(parser.RawRow, parser.RawRecord);
            if (expected < 0)
            {
                expected = record.Length;
            }
            else if (record.Length != expected)
            {
                throw new DataFormatException(path, line, null, $"expected {expected} fields, found {record.Length}");
            }
            if (hasHeader && header is null)
            {
                RequireDistinctNames(path, line, record);
                header = record;
                continue;
            }
            rows.Add(record);
            lines.Add(line);
        }
        if (rows.Count == 0)
        {
            throw new DataFormatException(path, null, null, hasHeader && header is not null ? "has a header but no data rows" : "is empty (no data rows)");
        }
        return new CsvTable(path, header, [.. rows], [.. lines], expected);
    }

    /// <summary>The 1-based source line of data row <paramref name="row"/>.</summary>
    public int LineOf(int row) => _lines[row];

    /// <summary>How errors name a column: <c>'name'</c> from the header, else its 1-based number.</summary>
    public string ColumnLabel(int column) => Header is null ? (column + 1).ToString(CultureInfo.InvariantCulture) : $"'{Header[column]}'";

    /// <summary>The index of the header column <paramref name="name"/>; an error listing the columns when absent.</summary>
    public int ColumnIndex(string name)
    {
        if (Header is null)
        {
            throw new DataFormatException(Source, null, null, $"has no header row, so it has no column '{name}'");
        }
        for (int j = 0; j < Header.Count; j++)
        {
            if (string.Equals(Header[j], name, StringComparison.Ordinal))
            {
                return j;
            }
        }
        throw new DataFormatException(Source, LineOf(0) - 1, null, $"no column '{name}' (columns: {string.Join(", ", Header)})");
    }

    /// <summary>The raw text of a field.</summary>
    public string Text(int row, int column) => _rows[row][column];

    /// <summary>A field as a finite double.</summary>
    public double Number(int row, int column)
    {
        string text = _rows[row][column];
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
        {
            throw Error(row, column, text.Length == 0 ? "empty field, expected a number" : $"'{Shorten(text)}' is not a number");
        }
        if (!double.IsFinite(value))
        {
            throw Error(row, column, $"'{Echo.Value(text)}' is not a finite number");
        }
        return value;
    }

    /// <summary>A field as a 32-bit integer.</summary>
    public int Integer(int row, int column)
    {
        string text = _rows[row][column];
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value))
        {
            throw Error(row, column, text.Length == 0 ? "empty field, expected an integer" : $"'{Shorten(text)}' is not an integer");
        }
        return value;
    }

    /// <summary>The given columns (all, when null) of every row as an m×d matrix of finite numbers.</summary>
    public Matrix ToMatrix(IReadOnlyList<int>? columns = null)
    {
        columns ??= Enumerable.Range(0, ColumnCount).ToArray();
        var matrix = new Matrix(RowCount, columns.Count);
        for (int i = 0; i < RowCount; i++)
        {
            Span<double> row = matrix.Row(i);
            for (int j = 0; j < columns.Count; j++)
            {
                row[j] = Number(i, columns[j]);
            }
        }
        return matrix;
    }

    /// <summary>An error located at data row <paramref name="row"/>, column <paramref name="column"/>.</summary>
    public DataFormatException Error(int row, int column, string what) => new(Source, LineOf(row), ColumnLabel(column), what);

    /// <summary>An error located at data row <paramref name="row"/> as a whole.</summary>
    public DataFormatException Error(int row, string what) => new(Source, LineOf(row), null, what);

    private static string Shorten(string? text) => Echo.Value(text?.Trim());

    /// <summary>The first line of a record that spans lines <paramref name="lastLine"/> − (newlines in it) … <paramref name="lastLine"/>.</summary>
    private static int FirstLine(int lastLine, string rawRecord) => lastLine - rawRecord.TrimEnd('\r', '\n').Count(c => c == '\n');

    /// <summary>
    /// The error for a malformed record. A quote left open swallows the rest of the file, so its record ends on the
    /// file's last line (<paramref name="fileLastLine"/>) and opened as many lines earlier as it holds newlines.
    /// </summary>
    private static DataFormatException Malformed(string path, int parserRow, int fileLastLine, string rawRecord, string field)
    {
        string trimmed = field.TrimStart();
        return trimmed.StartsWith('"') && trimmed.Count(c => c == '"') % 2 == 1
            ? new DataFormatException(path, FirstLine(fileLastLine, rawRecord), null, $"a quoted field opened on this line is never closed: '{Shorten(trimmed)}'")
            : new DataFormatException(path, FirstLine(parserRow, rawRecord), null, $"malformed CSV: a quote inside an unquoted field near '{Shorten(rawRecord)}' (quote the whole field and double the inner quotes)");
    }

    private static void RequireDistinctNames(string path, int line, string[] header)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int j = 0; j < header.Length; j++)
        {
            if (seen.TryGetValue(header[j], out int first))
            {
                throw new DataFormatException(path, line, $"'{Echo.Value(header[j])}'", $"the header names this column twice (columns {first + 1} and {j + 1}); every column needs its own name");
            }
            seen[header[j]] = j;
        }
    }
}
