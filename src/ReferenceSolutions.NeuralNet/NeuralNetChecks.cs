using ReferenceSolutions.Core.Reporting;

namespace ReferenceSolutions.NeuralNet;

/// <summary>
/// The registry of this solution's parity and consistency checks (runs, verify and tests); every run-time
/// <see cref="ParityCheck"/> of the solution is made from one of these, and docs/parity.md is generated from them.
/// </summary>
public static class NeuralNetChecks
{
    /// <summary>Every check of the neuralnet solution.</summary>
    public static IReadOnlyList<CheckDefinition> All { get; } = [];
}
