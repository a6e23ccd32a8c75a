using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using ReferenceSolutions.Core.Output;

namespace ReferenceSolutions.Core.Reporting;

/// <summary>
/// What every <c>refsol verify &lt;check&gt; --json</c> prints: <c>{"check", "implementations": {"from-scratch": {...},
/// "torch": {...}, ...}, "maxAbsDiff", "tolerance", "passed", "comparisons": [...]}</c>. Every comparison the command
/// reports is in <see cref="Comparisons"/> and decides <see cref="Passed"/>; <see cref="MaxAbsDiff"/> and
/// <see cref="Tolerance"/> are those of the first (the primary) comparison; each implementation's entry lists, under
/// <c>comparisons</c>, the checks it took part in.
/// </summary>
public sealed record VerifyReport(
    string Check,
    IReadOnlyDictionary<string, object> Implementations,
    [property: JsonConverter(typeof(FiniteOrNullConverter))] double MaxAbsDiff,
    double Tolerance)
{
    /// <summary>True when there is at least one comparison and every one passed.</summary>
    public bool Passed => Comparisons.Count > 0 && Comparisons.All(c => c.Passed);

    /// <summary>Every comparison made, the primary one first.</summary>
    public IReadOnlyList<ParityCheck> Comparisons { get; init; } = [];

    /// <summary>
    /// The report of <paramref name="check"/>: each entry of <paramref name="implementations"/> gains a
    /// <c>comparisons</c> list naming the checks whose <see cref="ParityCheck.Between"/> includes it.
    /// </summary>
    public static VerifyReport Create(string check, IReadOnlyDictionary<string, object> implementations, IReadOnlyList<ParityCheck> comparisons)
    {
        ArgumentNullException.ThrowIfNull(implementations);
        ArgumentNullException.ThrowIfNull(comparisons);
        if (comparisons.Count == 0)
        {
            throw new ArgumentException("a verify report needs at least one comparison", nameof(comparisons));
        }
        var entries = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach ((string name, object entry) in implementations)
        {
            JsonObject json = JsonSerializer.SerializeToNode(entry, entry.GetType(), JsonOutput.Options) as JsonObject
                ?? throw new ArgumentException($"the entry of {name} is not a JSON object", nameof(implementations));
            json["comparisons"] = new JsonArray([.. comparisons.Where(c => c.Between?.Contains(name) == true).Select(c => JsonValue.Create(c.Check))]);
            entries[name] = json;
        }
        return new VerifyReport(check, entries, comparisons[0].MaxAbsDiff, comparisons[0].Tolerance) { Comparisons = comparisons };
    }
}
