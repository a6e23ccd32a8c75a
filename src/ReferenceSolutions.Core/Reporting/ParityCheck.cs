using System.Text.Json.Serialization;
using ReferenceSolutions.Core.Output;

namespace ReferenceSolutions.Core.Reporting;

/// <summary>
/// One comparison's verdict as reports carry it: the check, the identity, the largest difference found (JSON
/// <c>null</c> when a value was not finite), the tolerance, its name and reason, and whether it passed — then the
/// registry <see cref="Id"/>, the <see cref="Kind"/> (library twin or consistency), the two sides compared, what it was
/// measured on, where the largest difference sits, and <see cref="Failure"/> naming a non-finite value. The same record
/// feeds metrics.json, <c>verify --json</c> and the test assertions. Passed ⇔ every value finite and
/// maxAbsDiff ≤ tolerance.
/// </summary>
public sealed record ParityCheck(
    string Check,
    string Identity,
    [property: JsonConverter(typeof(FiniteOrNullConverter))] double MaxAbsDiff,
    double Tolerance,
    string ToleranceName,
    string Reason)
{
    /// <summary>True when nothing was non-finite and the difference is within tolerance.</summary>
    public bool Passed => Failure is null && double.IsFinite(MaxAbsDiff) && MaxAbsDiff <= Tolerance;

    /// <summary>The registry id of the check (<see cref="CheckDefinition.Id"/>).</summary>
    public string? Id { get; init; }

    /// <summary><see cref="CheckKinds.Library"/> or <see cref="CheckKinds.Consistency"/>.</summary>
    public string? Kind { get; init; }

    /// <summary>The two sides compared, e.g. <c>["from-scratch", "torch"]</c>.</summary>
    public IReadOnlyList<string>? Between { get; init; }

    /// <summary>The data the difference was measured on, when it is not the run's whole test split.</summary>
    public string? MeasuredOn { get; init; }

    /// <summary>Where the largest difference is, with both values.</summary>
    public string? Worst { get; init; }

    /// <summary>Why the difference is not a number (a NaN or ±∞ on one side), when it is not.</summary>
    public string? Failure { get; init; }

    /// <summary>The verdict of <paramref name="definition"/> on <paramref name="comparison"/>.</summary>
    public static ParityCheck Of(CheckDefinition definition, Comparison comparison, string? measuredOn = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(comparison);
        string? failure = comparison.NonFinite ?? (comparison.Count == 0 ? "nothing was compared" : null);
        return new ParityCheck(definition.Title, definition.Identity, comparison.MaxAbsDiff, definition.Tolerance.Value, definition.Tolerance.Name, definition.Tolerance.Reason)
        {
            Id = definition.Id,
            Kind = definition.Kind,
            Between = [comparison.Left, comparison.Right],
            MeasuredOn = measuredOn,
            Worst = comparison.Worst,
            Failure = failure,
        };
    }
}
