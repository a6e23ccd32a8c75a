using System.Text.Json.Serialization;
using ReferenceSolutions.Core.Output;

namespace ReferenceSolutions.Core.Evaluation;

/// <summary>
/// How a run's figures were obtained, written to metrics.json as <c>protocol</c>:
/// <c>{"split", "train", "validation", "test", "selection", "folds", "metric", "candidates": [{"params", "score"}],
/// "selected", "goal", "refit", "fixed"}</c>. <see cref="Split"/> is one of <see cref="SplitKinds"/>; hyper-parameters
/// were chosen by <see cref="Selection"/> (one of <see cref="SelectionKinds"/>) on <see cref="Metric"/> among
/// <see cref="Candidates"/> — never on the test rows, which are scored once, after selection. <see cref="Refit"/> says
/// which rows the reported models were fitted on; <see cref="Fixed"/> lists the hyper-parameters that were not searched
/// (given on the command line, or fixed by the method) with their values.
/// </summary>
public sealed record Protocol(
    string Split,
    int Train,
    int Validation,
    int Test,
    string Selection,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int? Folds,
    string Metric,
    IReadOnlyList<Candidate> Candidates,
    IReadOnlyDictionary<string, object> Selected)
{
    /// <summary><c>minimise</c> or <c>maximise</c>: which way <see cref="Metric"/> is better.</summary>
    public string? Goal { get; init; }

    /// <summary>The rows the reported models were fitted on after selection, e.g. <c>train + validation</c>.</summary>
    public string? Refit { get; init; }

    /// <summary>Hyper-parameters not searched, with their values.</summary>
    public IReadOnlyDictionary<string, object>? Fixed { get; init; }
}

/// <summary>One hyper-parameter setting tried during selection and its validation (or mean cross-validation) score; null when it could not be computed.</summary>
public sealed record Candidate(
    IReadOnlyDictionary<string, object> Params,
    [property: JsonConverter(typeof(FiniteOrNullConverter))] double Score);

/// <summary>The values of <see cref="Protocol.Split"/>.</summary>
public static class SplitKinds
{
    /// <summary>Rows assigned by a seeded uniform permutation.</summary>
    public const string Random = "random";

    /// <summary>Each class split on its own, keeping the class ratio.</summary>
    public const string Stratified = "stratified";

    /// <summary>Earliest rows train, latest rows test.</summary>
    public const string Time = "time";
}

/// <summary>The values of <see cref="Protocol.Selection"/>.</summary>
public static class SelectionKinds
{
    /// <summary>Chosen on a held-out validation part of the training rows.</summary>
    public const string Validation = "validation";

    /// <summary>Chosen by k-fold cross-validation on the training rows.</summary>
    public const string KFold = "k-fold";

    /// <summary>Nothing searched: every hyper-parameter was given or fixed.</summary>
    public const string Fixed = "fixed";
}
