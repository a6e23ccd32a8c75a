namespace ReferenceSolutions.Core.Reporting;

/// <summary>
/// A quality target a run must meet on its data, e.g. test accuracy ≥ 0.970: <c>{"check", "value", "comparison",
/// "threshold", "passed"}</c>. A failed target makes the run exit 1 while still writing its results. A value that could
/// not be computed (NaN or ±∞) is written as <c>null</c> and fails; the result behind it says why (<see cref="NotComputed"/>).
/// </summary>
public sealed record QualityCheck(string Check, [property: System.Text.Json.Serialization.JsonConverter(typeof(Output.FiniteOrNullConverter))] double Value, string Comparison, double Threshold)
{
    /// <summary>The value must be at least the threshold.</summary>
    public static QualityCheck AtLeast(string check, double value, double threshold) => new(check, value, ">=", threshold);

    /// <summary>The value must be at most the threshold.</summary>
    public static QualityCheck AtMost(string check, double value, double threshold) => new(check, value, "<=", threshold);

    /// <summary>Whether the target is met (a value that is not finite never meets one).</summary>
    public bool Passed => double.IsFinite(Value) && Comparison switch
    {
        ">=" => Value >= Threshold,
        "<=" => Value <= Threshold,
        _ => false,
    };
}
