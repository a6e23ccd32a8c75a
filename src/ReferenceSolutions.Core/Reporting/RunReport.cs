namespace ReferenceSolutions.Core.Reporting;

/// <summary>
/// What every <c>refsol run</c> writes to <c>DIR/metrics.json</c>:
/// <c>{"solution", "seed", "dataset": {...}, "models": [...], "parity": [...], "quality": [...], "protocol": {...}}</c>.
/// </summary>
public sealed record RunReport(
    string Solution,
    ulong Seed,
    DatasetInfo Dataset,
    IReadOnlyList<ModelResult> Models,
    IReadOnlyList<ParityCheck> Parity,
    IReadOnlyList<QualityCheck>? Quality = null,
    Evaluation.Protocol? Protocol = null)
{
    /// <summary>True when every parity check passed (a run with none passes).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool AllParityPassed => Parity.All(p => p.Passed);

    /// <summary>True when every quality target was met (a run with none passes).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool AllQualityPassed => Quality?.All(q => q.Passed) ?? true;

    /// <summary><c>model.metric</c> of every result that could not be computed (<see cref="NotComputed"/>).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<string> NotComputedResults => [.. Models.SelectMany(m => m.Metrics.Where(e => e.Value is NotComputed).Select(e => $"{m.Name}.{e.Key}"))];

    /// <summary>
    /// This report with a quality check "every result computed" appended when some were not (it fails: the run exits 1
    /// with every file written), naming them; unchanged otherwise.
    /// </summary>
    public RunReport WithComputedCheck()
    {
        IReadOnlyList<string> missing = NotComputedResults;
        return missing.Count == 0
            ? this
            : this with { Quality = [.. Quality ?? [], QualityCheck.AtMost($"results not computed (null in models; the reason is in <name>NotComputed): {string.Join(", ", missing)}", missing.Count, 0)] };
    }
}

/// <summary>The data a run used: its name, where it came from (a path, or "generated (seed N)") and its row count.</summary>
public sealed record DatasetInfo(string Name, string Source, int Rows);

/// <summary>
/// One trained model's results; <see cref="Kind"/> is one of <see cref="ModelKinds"/>. A metric that could not be
/// computed is a <see cref="NotComputed"/>: <c>null</c> in JSON, with <c>&lt;name&gt;NotComputed</c> giving the reason.
/// </summary>
public sealed record ModelResult(
    string Name,
    string Kind,
    [property: System.Text.Json.Serialization.JsonConverter(typeof(Output.MetricsConverter))] IReadOnlyDictionary<string, object> Metrics);

/// <summary>The values of <see cref="ModelResult.Kind"/>.</summary>
public static class ModelKinds
{
    public const string FromScratch = "from-scratch";
    public const string Torch = "torch";
    public const string MLNet = "mlnet";
}
