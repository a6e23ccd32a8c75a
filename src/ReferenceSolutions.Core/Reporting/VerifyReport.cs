namespace ReferenceSolutions.Core.Reporting;

/// <summary>
/// What every <c>refsol verify &lt;check&gt; --json</c> prints: <c>{"check", "implementations": {"from-scratch": {...},
/// "torch": {...}, ...}, "maxAbsDiff", "tolerance", "passed"}</c>.
/// </summary>
public sealed record VerifyReport(string Check, IReadOnlyDictionary<string, object> Implementations, double MaxAbsDiff, double Tolerance)
{
    /// <summary>maxAbsDiff ≤ tolerance (a NaN difference never passes).</summary>
    public bool Passed => MaxAbsDiff <= Tolerance;
}
