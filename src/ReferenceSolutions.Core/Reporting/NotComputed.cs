namespace ReferenceSolutions.Core.Reporting;

/// <summary>
/// A reported result that could not be computed, with the reason: in metrics.json the metric is <c>null</c> and
/// <c>&lt;name&gt;NotComputed</c> beside it holds <see cref="Reason"/>; for a series some of whose values are not finite
/// (e.g. a loss that diverged), <see cref="Values"/> keeps the finite ones and the others are <c>null</c>. A run with any
/// such result fails its "every result computed" check (exit 1), with every file still written.
/// </summary>
public sealed record NotComputed(string Reason, IReadOnlyList<double>? Values = null)
{
    /// <summary>The suffix of the reason's key: <c>auc</c> → <c>aucNotComputed</c>.</summary>
    public const string Suffix = "NotComputed";

    /// <summary><paramref name="value"/> when it is finite, else a <see cref="NotComputed"/> with <paramref name="reason"/>.</summary>
    public static object Finite(double value, string reason) => double.IsFinite(value) ? value : new NotComputed(reason);

    /// <summary><paramref name="values"/> when every one is finite, else a <see cref="NotComputed"/> series with <paramref name="reason"/>.</summary>
    public static object Finite(IReadOnlyList<double> values, string reason)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.All(double.IsFinite) ? values : new NotComputed(reason, values);
    }
}
