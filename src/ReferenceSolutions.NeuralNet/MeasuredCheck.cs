using ReferenceSolutions.Core.Reporting;

namespace ReferenceSolutions.NeuralNet;

/// <summary>
/// A registered check, the comparison it judges and the data that comparison was measured on. <see cref="Report"/> is
/// the <see cref="ParityCheck"/> that metrics.json and <c>verify --json</c> carry; tests assert the same comparison
/// through <c>ParityAssert</c>.
/// </summary>
public sealed record MeasuredCheck(CheckDefinition Check, Comparison Comparison, string MeasuredOn)
{
    /// <summary>The check's verdict as a report entry.</summary>
    public ParityCheck Report() => Check.Measure(Comparison, MeasuredOn);
}
