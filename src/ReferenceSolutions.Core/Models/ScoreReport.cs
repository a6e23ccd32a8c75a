using System.Text.Json.Serialization;
using ReferenceSolutions.Core.Output;
using ReferenceSolutions.Core.Reporting;

namespace ReferenceSolutions.Core.Models;

/// <summary>
/// What <c>refsol score &lt;solution&gt; --json</c> prints, <c>verify</c>'s contract extended:
/// <c>{"check": "score", "rows", "implementations": {"&lt;model&gt;": {...}}, "maxAbsDiff", "tolerance", "passed",
/// "comparisons": [...], "pairs": [{"check", "maxAbsDiff", "tolerance", "passed"}]}</c>. Each comparison sets two saved
/// twins side by side on the scored rows; <see cref="Pairs"/> is the short form of <see cref="Comparisons"/>;
/// <see cref="MaxAbsDiff"/> and <see cref="Tolerance"/> are the first comparison's (0 and 0 when only one model was
/// loaded, so there was nothing to compare). Passed ⇔ every comparison passed.
/// </summary>
public sealed record ScoreReport(
    int Rows,
    IReadOnlyDictionary<string, object> Implementations,
    [property: JsonConverter(typeof(FiniteOrNullConverter))] double MaxAbsDiff,
    double Tolerance)
{
    /// <summary>Always <c>score</c>.</summary>
    [JsonPropertyOrder(-1)]
    public string Check { get; } = "score";

    /// <summary>True when every comparison passed.</summary>
    public bool Passed => Comparisons.All(c => c.Passed);

    /// <summary>Every comparison made, the primary one first.</summary>
    public IReadOnlyList<ParityCheck> Comparisons { get; init; } = [];

    /// <summary>Each comparison as <c>{"check", "maxAbsDiff", "tolerance", "passed"}</c>.</summary>
    public IReadOnlyList<ScorePair> Pairs => [.. Comparisons.Select(c => new ScorePair(c.Check, c.MaxAbsDiff, c.Tolerance, c.Passed))];

    /// <summary>
    /// The report on <paramref name="rows"/> scored rows; each entry of <paramref name="implementations"/> (one per
    /// loaded model) gains the <c>comparisons</c> it took part in, as in <see cref="VerifyReport.Create"/>.
    /// </summary>
    public static ScoreReport Create(int rows, IReadOnlyDictionary<string, object> implementations, IReadOnlyList<ParityCheck> comparisons)
    {
        ArgumentNullException.ThrowIfNull(comparisons);
        IReadOnlyDictionary<string, object> entries = comparisons.Count == 0
            ? implementations
            : VerifyReport.Create("score", implementations, comparisons).Implementations;
        return new ScoreReport(rows, entries, comparisons.Count == 0 ? 0 : comparisons[0].MaxAbsDiff, comparisons.Count == 0 ? 0 : comparisons[0].Tolerance)
        {
            Comparisons = comparisons,
        };
    }
}

/// <summary>One comparison of <see cref="ScoreReport.Pairs"/>.</summary>
public sealed record ScorePair(
    string Check,
    [property: JsonConverter(typeof(FiniteOrNullConverter))] double MaxAbsDiff,
    double Tolerance,
    bool Passed);
