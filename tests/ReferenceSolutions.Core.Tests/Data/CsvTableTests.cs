using ReferenceSolutions.Core.Data;

namespace ReferenceSolutions.Core.Tests.Data;

public sealed class CsvTableTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("refsol-csv-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Reads_header_numbers_quoted_text_and_source_lines()
    {
        string path = Write("a.csv", "id,title,score\n1,\"Heat, The (1995)\",4.5\n\n2,\"Two\nLines\",3\n3,plain,-1e-3\n");
        var table = CsvTable.Read(path, hasHeader: true);
        Assert.Equal(["id", "title", "score"], table.Header);
        Assert.Equal(3, table.RowCount);
        Assert.Equal("Heat, The (1995)", table.Text(0, 1));
        Assert.Equal("Two\nLines", table.Text(1, 1));
        Assert.Equal(-1e-3, table.Number(2, 2));
        Assert.Equal([2, 4, 6], Enumerable.Range(0, 3).Select(table.LineOf));
    }

    [Fact]
    public void Ragged_row_names_file_line_and_counts()
    {
        string path = Write("ragged.csv", "1,2,3\n4,5,6\n7,8\n");
        var error = Assert.Throws<DataFormatException>(() => CsvTable.Read(path, hasHeader: false));
        Assert.Equal($"{path}:3: expected 3 fields, found 2", error.Message);
    }

    [Theory]
    [InlineData("abc", "'abc' is not a number")]
    [InlineData("NaN", "'NaN' is not a finite number")]
    [InlineData("Infinity", "'Infinity' is not a finite number")]
    [InlineData("", "empty field, expected a number")]
    public void Bad_number_names_file_line_and_column(string cell, string what)
    {
        string path = Write("bad.csv", $"x,y\n1,2\n3,{cell}\n");
        var table = CsvTable.Read(path, hasHeader: true);
        var error = Assert.Throws<DataFormatException>(() => table.ToMatrix());
        Assert.Equal($"{path}:3: column 'y': {what}", error.Message);
    }

    [Fact]
    public void Headerless_files_name_columns_by_number()
    {
        string path = Write("n.csv", "1,2\n3,x\n");
        var error = Assert.Throws<DataFormatException>(() => CsvTable.Read(path, hasHeader: false).ToMatrix());
        Assert.Equal($"{path}:2: column 2: 'x' is not a number", error.Message);
    }

    [Fact]
    public void Missing_column_lists_the_columns_that_exist()
    {
        string path = Write("h.csv", "a,b\n1,2\n");
        var error = Assert.Throws<DataFormatException>(() => CsvTable.Read(path, hasHeader: true).ColumnIndex("Class"));
        Assert.Equal($"{path}:1: no column 'Class' (columns: a, b)", error.Message);
    }

    [Theory]
    [InlineData("", false, "is empty (no data rows)")]
    [InlineData("\n\n", false, "is empty (no data rows)")]
    [InlineData("a,b\n", true, "has a header but no data rows")]
    public void Empty_files_are_refused(string content, bool hasHeader, string what)
    {
        string path = Write("empty.csv", content);
        var error = Assert.Throws<DataFormatException>(() => CsvTable.Read(path, hasHeader));
        Assert.Equal($"{path}: {what}", error.Message);
    }

    [Fact]
    public void Missing_file_and_directory_are_refused_by_name()
    {
        string missing = Path.Combine(_folder, "nope.csv");
        Assert.Equal($"{missing}: file not found", Assert.Throws<DataFormatException>(() => CsvTable.Read(missing, true)).Message);
        Assert.Equal($"{_folder}: is a directory, not a CSV file", Assert.Throws<DataFormatException>(() => CsvTable.Read(_folder, true)).Message);
    }

    [Fact]
    public void Integer_fields_reject_fractions()
    {
        string path = Write("i.csv", "user\n1.5\n");
        var error = Assert.Throws<DataFormatException>(() => CsvTable.Read(path, true).Integer(0, 0));
        Assert.Equal($"{path}:2: column 'user': '1.5' is not an integer", error.Message);
    }

    [Fact]
    public void A_header_naming_a_column_twice_is_refused_naming_the_column()
    {
        string path = Write("dup.csv", "Time,V1,Class,Amount,Class\n1,2,0,3,1\n");
        var error = Assert.Throws<DataFormatException>(() => CsvTable.Read(path, hasHeader: true));
        Assert.Equal($"{path}:1: column 'Class': the header names this column twice (columns 3 and 5); every column needs its own name", error.Message);
    }

    [Fact]
    public void An_unterminated_quote_is_reported_at_the_line_where_it_opened()
    {
        string path = Write("quote.csv", "a,b\n1,2\n3,\"unterminated\n5,6\n7,8\n");
        var error = Assert.Throws<DataFormatException>(() => CsvTable.Read(path, hasHeader: true));
        Assert.StartsWith($"{path}:3: a quoted field opened on this line is never closed", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quote_inside_an_unquoted_field_names_its_line()
    {
        string path = Write("inner.csv", "a,b\n1,2\n3,x\"y\n");
        var error = Assert.Throws<DataFormatException>(() => CsvTable.Read(path, hasHeader: true));
        Assert.StartsWith($"{path}:3: malformed CSV: a quote inside an unquoted field", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { (byte)'a', (byte)',', (byte)'b', 10, (byte)'1', (byte)',', (byte)'2', 10, (byte)'3', (byte)',', 0, 10 }, 3, "holds a NUL byte; expected UTF-8 text")]
    [InlineData(new byte[] { (byte)'a', (byte)',', (byte)'b', 10, (byte)'1', (byte)',', 0xC3, 0x28, 10 }, 2, "byte 0xC3 is not valid UTF-8; save the file as UTF-8")]
    [InlineData(new byte[] { (byte)'a', (byte)',', (byte)'b', 10, 10, (byte)'1', (byte)',', (byte)'2', 0xE2, 0x82 }, 3, "byte 0xE2 is not valid UTF-8; save the file as UTF-8")]
    public void Bytes_that_are_not_UTF_8_text_are_refused_at_their_line(byte[] content, int line, string what)
    {
        string path = Path.Combine(_folder, "binary.csv");
        File.WriteAllBytes(path, content);
        var error = Assert.Throws<DataFormatException>(() => CsvTable.Read(path, hasHeader: true));
        Assert.Equal($"{path}:{line}: {what}", error.Message);
    }

    [Fact]
    public void Display_only_text_may_hold_invalid_bytes_but_never_a_NUL()
    {
        string path = Path.Combine(_folder, "titles.csv");
        File.WriteAllBytes(path, [.. "movieId,title\n1,\"Ny"u8, 0xAF, .. " Y\"\n"u8]);
        var table = CsvTable.Read(path, hasHeader: true, displayTextMayBeInvalid: true);
        Assert.Equal("Ny\uFFFD Y", table.Text(0, 1));
        Assert.Throws<DataFormatException>(() => CsvTable.Read(path, hasHeader: true));
        File.WriteAllBytes(path, [.. "movieId,title\n1,\"N"u8, 0x00, .. "\"\n"u8]);
        Assert.Contains(":2: holds a NUL byte", Assert.Throws<DataFormatException>(() => CsvTable.Read(path, hasHeader: true, displayTextMayBeInvalid: true)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_multibyte_character_across_a_read_buffer_and_a_byte_order_mark_are_accepted()
    {
        string path = Path.Combine(_folder, "long.csv");
        string title = new string('x', (1 << 16) - 9) + "é€𝄞";
        File.WriteAllText(path, $"id,title\n1,\"{title}\"\n", new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        var table = CsvTable.Read(path, hasHeader: true);
        Assert.Equal(title, table.Text(0, 1));
        Assert.Equal(["id", "title"], table.Header);
    }

    [Fact]
    public void A_huge_or_multi_line_value_is_echoed_cut_and_escaped_on_one_line()
    {
        string path = Write("huge.csv", $"x\n\"{new string('9', 100_000)}x\nsecond line\"\n");
        var error = Assert.Throws<DataFormatException>(() => CsvTable.Read(path, hasHeader: true).ToMatrix());
        Assert.True(error.Message.Length < 200, error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.EndsWith("…' is not a number", error.Message, StringComparison.Ordinal);
        Assert.Equal("a\\nb\\t\\0\\u0007", Echo.Value("a\nb\t\0\a"));
    }

    private string Write(string name, string content)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }
}
