using ReferenceSolutions.Core.Reporting;

namespace ReferenceSolutions.FraudDetection;

/// <summary>
/// The registry of this solution's parity and consistency checks (runs, verify and tests); every run-time
/// <see cref="ParityCheck"/> of the solution is made from one of these, and docs/parity.md is generated from them.
/// </summary>
public static class FraudChecks
{
    /// <summary>Every check of the fraud solution.</summary>
    public static IReadOnlyList<CheckDefinition> All { get; } = [];
}
