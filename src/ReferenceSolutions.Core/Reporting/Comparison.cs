using System.Globalization;
using ReferenceSolutions.Core.LinearAlgebra;

namespace ReferenceSolutions.Core.Reporting;

/// <summary>
/// The one comparison behind every parity check, every <c>verify</c> and every parity test: the largest
/// dᵢ = |leftᵢ − rightᵢ| / s over every named part added, s a stated positive scale (1 for an absolute check, e.g. σ₁
/// or ‖θ‖∞ for a relative one). A NaN or ±∞ on either side, or a scale that is not a positive finite number, makes
/// <see cref="MaxAbsDiff"/> NaN for good — so no tolerance can pass it — and <see cref="NonFinite"/> says which side,
/// part and index. No LINQ <c>Max</c> is involved: <c>Enumerable.Max</c> skips NaN unless every value is NaN.
/// </summary>
public sealed class Comparison
{
    /// <summary>A comparison of <paramref name="left"/> (e.g. <c>from-scratch</c>) against <paramref name="right"/> (e.g. <c>torch</c>).</summary>
    public Comparison(string left, string right)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(left);
        ArgumentException.ThrowIfNullOrWhiteSpace(right);
        Left = left;
        Right = right;
    }

    /// <summary>The name of the left side.</summary>
    public string Left { get; }

    /// <summary>The name of the right side.</summary>
    public string Right { get; }

    /// <summary>maxᵢ |leftᵢ − rightᵢ| / s over everything added; 0 before anything is added, NaN once a value was not finite.</summary>
    public double MaxAbsDiff { get; private set; }

    /// <summary>The first non-finite value seen, e.g. <c>torch: P[3, 2] is NaN</c>; null while every value is finite.</summary>
    public string? NonFinite { get; private set; }

    /// <summary>Where the largest difference is and both values there, e.g. <c>P[3, 2]: from-scratch 0.25, torch 0.2500001</c>.</summary>
    public string? Worst { get; private set; }

    /// <summary>How many value pairs were compared.</summary>
    public long Count { get; private set; }

    /// <summary>True when every value was finite and the largest difference is at most <paramref name="tolerance"/>.</summary>
    public bool Within(double tolerance) => NonFinite is null && Count > 0 && MaxAbsDiff <= tolerance;

    /// <summary>Compares one pair of numbers.</summary>
    public Comparison Add(string part, double left, double right, double scale = 1.0)
    {
        Compare(part, null, left, right, scale);
        return this;
    }

    /// <summary>Compares two vectors of one length, entry by entry.</summary>
    public Comparison Add(string part, ReadOnlySpan<double> left, ReadOnlySpan<double> right, double scale = 1.0)
    {
        RequireSameLength(part, left.Length, right.Length);
        for (int i = 0; i < left.Length; i++)
        {
            Compare(part, i, left[i], right[i], scale);
        }
        return this;
    }

    /// <summary>Compares two matrices of one shape, entry by entry.</summary>
    public Comparison Add(string part, Matrix left, Matrix right, double scale = 1.0)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (left.Rows != right.Rows || left.Columns != right.Columns)
        {
            throw new ArgumentException($"{part}: {Left} is {left.Rows}×{left.Columns} but {Right} is {right.Rows}×{right.Columns}");
        }
        for (int i = 0; i < left.Rows; i++)
        {
            ReadOnlySpan<double> l = left.Row(i), r = right.Row(i);
            for (int j = 0; j < l.Length; j++)
            {
                Compare(part, (i, j), l[j], r[j], scale);
            }
        }
        return this;
    }

    /// <summary>One line for a failed check: the non-finite value, or the worst entry against the tolerance.</summary>
    public string Describe(double tolerance) =>
        NonFinite ?? (Count == 0
            ? $"{Left} vs {Right}: nothing was compared"
            : $"{Left} vs {Right}: max |diff| {Format(MaxAbsDiff)} at {Worst} (tolerance {Format(tolerance)})");

    private void Compare(string part, object? index, double left, double right, double scale)
    {
        Count++;
        if (NonFinite is not null)
        {
            return;
        }
        string? bad = !double.IsFinite(left) ? $"{Left}: {Where(part, index)} is {Format(left)}"
            : !double.IsFinite(right) ? $"{Right}: {Where(part, index)} is {Format(right)}"
            : !(double.IsFinite(scale) && scale > 0) ? $"{Where(part, index)}: the scale {Format(scale)} is not a positive finite number"
            : null;
        if (bad is not null)
        {
            NonFinite = bad;
            MaxAbsDiff = double.NaN;
            return;
        }
        double difference = Math.Abs(left - right) / scale;
        if (difference > MaxAbsDiff || Worst is null)
        {
            MaxAbsDiff = Math.Max(MaxAbsDiff, difference);
            Worst = $"{Where(part, index)}: {Left} {Format(left)}, {Right} {Format(right)}";
        }
    }

    private void RequireSameLength(string part, int left, int right)
    {
        if (left != right)
        {
            throw new ArgumentException($"{part}: {Left} has {left} values but {Right} has {right}");
        }
    }

    private static string Where(string part, object? index) => index switch
    {
        null => part,
        ValueTuple<int, int>(int i, int j) => $"{part}[{i}, {j}]",
        _ => $"{part}[{index}]",
    };

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
