using ReferenceSolutions.Core.Randomness;

namespace ReferenceSolutions.Core.Evaluation;

/// <summary>
/// Seeded train/test splits of n rows, each returning row indices in ascending order:
/// <see cref="Random"/> (a uniform permutation cut once), <see cref="Stratified"/> (each class cut on its own, so both
/// parts keep the class ratio) and <see cref="Chronological"/> (the earliest rows train, the latest test; no randomness).
/// </summary>
public static class Splits
{
    /// <summary>A uniform random split: the last round(f·n) rows of a seeded permutation go to the second part.</summary>
    public static (int[] First, int[] Second) Random(int rows, double secondFraction, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        CheckFraction(secondFraction);
        int[] order = rng.Permutation(rows);
        int second = (int)Math.Round(secondFraction * rows);
        return (Sorted(order.AsSpan(0, rows - second)), Sorted(order.AsSpan(rows - second)));
    }

    /// <summary>A stratified split: within each class (labels 0..K−1) the last round(f·count) of a seeded shuffle go to the second part.</summary>
    public static (int[] First, int[] Second) Stratified(IReadOnlyList<int> labels, double secondFraction, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(rng);
        CheckFraction(secondFraction);
        var first = new List<int>();
        var second = new List<int>();
        foreach (int[] members in ByClass(labels))
        {
            rng.Shuffle(members.AsSpan());
            int count = (int)Math.Round(secondFraction * members.Length);
            first.AddRange(members[..^count]);
            second.AddRange(members[^count..]);
        }
        return (Sorted(first.ToArray()), Sorted(second.ToArray()));
    }

    /// <summary>
    /// A chronological split: rows ordered by <paramref name="time"/> (ties by row index), the earliest
    /// n − round(f·n) to the first part, the latest round(f·n) to the second. Every first-part time is ≤ every
    /// second-part time.
    /// </summary>
    public static (int[] First, int[] Second) Chronological(IReadOnlyList<double> time, double secondFraction)
    {
        ArgumentNullException.ThrowIfNull(time);
        CheckFraction(secondFraction);
        int[] order = ChronologicalOrder(time);
        int second = (int)Math.Round(secondFraction * order.Length);
        return (Sorted(order.AsSpan(0, order.Length - second)), Sorted(order.AsSpan(order.Length - second)));
    }

    /// <summary>The row indices ordered by time, ties by row index (a stable order).</summary>
    public static int[] ChronologicalOrder(IReadOnlyList<double> time)
    {
        ArgumentNullException.ThrowIfNull(time);
        int[] order = new int[time.Count];
        for (int i = 0; i < order.Length; i++)
        {
            if (!double.IsFinite(time[i]))
            {
                throw new ArgumentException($"time of row {i} is {time[i]}; a chronological split needs finite times", nameof(time));
            }
            order[i] = i;
        }
        Array.Sort(order, (a, b) => time[a] != time[b] ? time[a].CompareTo(time[b]) : a.CompareTo(b));
        return order;
    }

    /// <summary>The rows of each label 0..K−1 (K = max label + 1), in ascending order.</summary>
    internal static int[][] ByClass(IReadOnlyList<int> labels)
    {
        int classes = 0;
        foreach (int label in labels)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(label, nameof(labels));
            classes = Math.Max(classes, label + 1);
        }
        var members = new List<int>[classes];
        for (int c = 0; c < classes; c++)
        {
            members[c] = [];
        }
        for (int i = 0; i < labels.Count; i++)
        {
            members[labels[i]].Add(i);
        }
        return [.. members.Select(m => m.ToArray())];
    }

    private static void CheckFraction(double fraction)
    {
        if (!(fraction is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "a split fraction must be in [0, 1]");
        }
    }

    private static int[] Sorted(Span<int> rows)
    {
        int[] copy = rows.ToArray();
        Array.Sort(copy);
        return copy;
    }
}
