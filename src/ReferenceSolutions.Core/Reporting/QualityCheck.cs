namespace ReferenceSolutions.Core.Reporting;

/// <summary>
/// A quality target a run must meet on its data, e.g. test accuracy ≥ 0.970: <c>{"check", "value", "comparison",
/// "threshold", "passed"}</c>. A failed target makes the run exit 1 while still writing its results.
/// </summary>
public sealed record QualityCheck(string Check, double Value, string Comparison, double Threshold)
{
    /// <summary>The value must be at least the threshold.</summary>
    public static QualityCheck AtLeast(string check, double value, double threshold) => new(check, value, ">=", threshold);

    /// <summary>The value must be at most the threshold.</summary>
    public static QualityCheck AtMost(string check, double value, double threshold) => new(check, value, "<=", threshold);

    /// <summary>Whether the target is met (NaN never meets one).</summary>
    public bool Passed => Comparison switch
    {
        ">=" => Value >= Threshold,
        "<=" => Value <= Threshold,
        _ => false,
    };
}
