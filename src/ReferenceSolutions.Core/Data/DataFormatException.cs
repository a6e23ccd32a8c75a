namespace ReferenceSolutions.Core.Data;

/// <summary>A bad value in an input file, located as <c>file:line: column 'x': what</c>.</summary>
public sealed class DataFormatException : UserInputException
{
    /// <summary>An error at a file, optional line (1-based) and optional column label.</summary>
    public DataFormatException(string file, int? line, string? column, string what)
        : base(Format(file, line, column, what))
    {
        File = file;
        Line = line;
        Column = column;
        What = what;
    }

    /// <summary>The file, as the user named it.</summary>
    public string File { get; }

    /// <summary>1-based line in the file, when the error has one.</summary>
    public int? Line { get; }

    /// <summary>The column label (<c>'name'</c>, or the 1-based number for a file without a header).</summary>
    public string? Column { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string What { get; }

    private static string Format(string file, int? line, string? column, string what)
    {
        string location = line is int l ? $"{file}:{l}" : file;
        return column is null ? $"{location}: {what}" : $"{location}: column {column}: {what}";
    }
}
