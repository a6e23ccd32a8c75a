namespace ReferenceSolutions.Core.Reporting;

/// <summary>
/// One twin-against-twin comparison: the identity checked, the max |difference| found, the tolerance and why it is
/// that. The same record feeds metrics.json, the test assertions and docs/parity.md. Passed ⇔ maxAbsDiff ≤ tolerance
/// (so a NaN difference never passes).
/// </summary>
public sealed record ParityCheck(string Check, string Identity, double MaxAbsDiff, double Tolerance, string ToleranceName, string Reason)
{
    /// <summary>True when the difference is within tolerance.</summary>
    public bool Passed => MaxAbsDiff <= Tolerance;

    /// <summary>A check measured against a named tolerance.</summary>
    public static ParityCheck Measure(string check, string identity, double maxAbsDiff, Tolerance tolerance)
    {
        ArgumentNullException.ThrowIfNull(tolerance);
        return new ParityCheck(check, identity, maxAbsDiff, tolerance.Value, tolerance.Name, tolerance.Reason);
    }
}
