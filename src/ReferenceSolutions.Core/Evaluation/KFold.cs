using ReferenceSolutions.Core.Randomness;

namespace ReferenceSolutions.Core.Evaluation;

/// <summary>
/// k-fold cross-validation folds, seeded: <see cref="Random"/> deals a permutation of the n rows round-robin into k
/// folds; <see cref="Stratified"/> deals each class's shuffled rows round-robin, continuing where the previous class
/// stopped, so every fold's class counts differ by at most one from n_c/k. Each row is in exactly one fold; fold j's
/// training rows are all the others. Indices ascending within a fold.
/// </summary>
public static class KFold
{
    /// <summary>k folds of n rows.</summary>
    public static int[][] Random(int rows, int folds, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        CheckFolds(rows, folds);
        return Deal([rng.Permutation(rows)], folds);
    }

    /// <summary>k folds stratified by <paramref name="labels"/> (0..K−1).</summary>
    public static int[][] Stratified(IReadOnlyList<int> labels, int folds, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(rng);
        CheckFolds(labels.Count, folds);
        int[][] classes = Splits.ByClass(labels);
        foreach (int[] members in classes)
        {
            rng.Shuffle(members.AsSpan());
        }
        return Deal(classes, folds);
    }

    /// <summary>The rows not in fold <paramref name="fold"/>, ascending.</summary>
    public static int[] TrainingRows(int[][] folds, int fold)
    {
        ArgumentNullException.ThrowIfNull(folds);
        return [.. folds.Where((_, j) => j != fold).SelectMany(f => f).Order()];
    }

    private static int[][] Deal(IEnumerable<int[]> groups, int folds)
    {
        var result = new List<int>[folds];
        for (int j = 0; j < folds; j++)
        {
            result[j] = [];
        }
        int next = 0;
        foreach (int[] group in groups)
        {
            foreach (int row in group)
            {
                result[next].Add(row);
                next = (next + 1) % folds;
            }
        }
        return [.. result.Select(f => f.Order().ToArray())];
    }

    private static void CheckFolds(int rows, int folds)
    {
        if (folds < 2 || folds > rows)
        {
            throw new ArgumentOutOfRangeException(nameof(folds), folds, $"k-fold needs 2 ≤ k ≤ n = {rows}");
        }
    }
}
