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

    private string Write(string name, string content)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }
}
