namespace ReferenceSolutions.Core.Models;

/// <summary>
/// One column of <c>refsol score</c>'s CSV: its header and one value per scored row, numbers (written in shortest
/// round-trip form; a NaN or ±∞ as an empty field) or text (e.g. the feature named by an explanation).
/// </summary>
public sealed record ScoreColumn(string Header, IReadOnlyList<double>? Numbers = null, IReadOnlyList<string>? Texts = null)
{
    /// <summary>A column of numbers.</summary>
    public static ScoreColumn Of(string header, IReadOnlyList<double> numbers) => new(header, numbers);

    /// <summary>A column of text.</summary>
    public static ScoreColumn OfText(string header, IReadOnlyList<string> texts) => new(header, Texts: texts);

    /// <summary>The number of rows.</summary>
    public int Count => Numbers?.Count ?? Texts?.Count ?? 0;
}
