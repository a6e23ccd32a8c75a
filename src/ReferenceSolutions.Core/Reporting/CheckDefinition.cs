namespace ReferenceSolutions.Core.Reporting;

/// <summary>
/// One entry of the check registry: a parity check (a from-scratch result against a library twin) or a consistency
/// check (two from-scratch methods against each other, or against a definition), with the identity it checks, its
/// named tolerance and the reason for it, where it runs (<c>run recommender</c>, <c>verify svd</c>, …) and the tests
/// that assert it (<c>Class.Method</c>). Every run-time <see cref="ParityCheck"/> is made from one of these, and
/// <c>refsol checks</c> prints the registry that docs/parity.md is generated from.
/// </summary>
public sealed record CheckDefinition(
    string Id,
    string Solution,
    string Kind,
    string Title,
    string Identity,
    Tolerance Tolerance,
    IReadOnlyList<string> Where,
    IReadOnlyList<string> Tests)
{
    /// <summary>The check's verdict on <paramref name="comparison"/>, as a report entry; <paramref name="measuredOn"/> says on what data.</summary>
    public ParityCheck Measure(Comparison comparison, string? measuredOn = null) => ParityCheck.Of(this, comparison, measuredOn);
}

/// <summary>The values of <see cref="CheckDefinition.Kind"/> and <see cref="ParityCheck.Kind"/>.</summary>
public static class CheckKinds
{
    /// <summary>A from-scratch result against a library (TorchSharp, ML.NET, MathNet).</summary>
    public const string Library = "library";

    /// <summary>Two from-scratch computations against each other, or one against its definition or a closed form.</summary>
    public const string Consistency = "consistency";
}
