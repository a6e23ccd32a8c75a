using FsCheck;
using FsCheck.Xunit;
using ReferenceSolutions.Core.Evaluation;
using ReferenceSolutions.Core.Randomness;

namespace ReferenceSolutions.Core.Tests.Evaluation;

public class SplitsTests
{
    [Property(MaxTest = 100)]
    public void A_random_split_partitions_the_rows_with_the_stated_share(PositiveInt rows, ulong seed)
    {
        int n = rows.Get % 500;
        (int[] first, int[] second) = Splits.Random(n, 0.3, new Rng(seed));
        AssertPartition(n, first, second);
        Assert.Equal((int)Math.Round(0.3 * n), second.Length);
        Assert.Equal(Splits.Random(n, 0.3, new Rng(seed)).Second, second);
    }

    [Property(MaxTest = 100)]
    public void A_stratified_split_keeps_every_class_share(PositiveInt rows, ulong seed)
    {
        var rng = new Rng(seed);
        int[] labels = [.. Enumerable.Range(0, 1 + (rows.Get % 400)).Select(_ => rng.NextDouble() < 0.1 ? 1 : rng.NextInt(3) == 0 ? 2 : 0)];
        (int[] first, int[] second) = Splits.Stratified(labels, 0.3, new Rng(seed + 1));
        AssertPartition(labels.Length, first, second);
        for (int c = 0; c < 3; c++)
        {
            int members = labels.Count(y => y == c);
            Assert.Equal((int)Math.Round(0.3 * members), second.Count(i => labels[i] == c));
        }
    }

    [Property(MaxTest = 100)]
    public void A_chronological_split_puts_every_earlier_time_first(PositiveInt rows, ulong seed)
    {
        var rng = new Rng(seed);
        double[] time = [.. Enumerable.Range(0, 1 + (rows.Get % 300)).Select(_ => (double)rng.NextInt(50))];
        (int[] first, int[] second) = Splits.Chronological(time, 0.3);
        AssertPartition(time.Length, first, second);
        Assert.Equal((int)Math.Round(0.3 * time.Length), second.Length);
        if (first.Length > 0 && second.Length > 0)
        {
            Assert.True(first.Max(i => time[i]) <= second.Min(i => time[i]));
            int lastFirst = first.Where(i => time[i] == first.Max(j => time[j])).Max();
            Assert.True(second.Where(i => time[i] == time[lastFirst]).All(i => i > lastFirst), "ties are broken by row index");
        }
    }

    [Fact]
    public void A_non_finite_time_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Splits.Chronological([1.0, double.NaN], 0.5));
    }

    [Property(MaxTest = 100)]
    public void Stratified_folds_partition_the_rows_and_balance_every_class(PositiveInt rows, ulong seed)
    {
        var rng = new Rng(seed);
        int[] labels = [.. Enumerable.Range(0, 10 + (rows.Get % 400)).Select(_ => rng.NextDouble() < 0.05 ? 1 : 0)];
        int[][] folds = KFold.Stratified(labels, 5, new Rng(seed + 1));
        Assert.Equal(5, folds.Length);
        Assert.Equal(Enumerable.Range(0, labels.Length), folds.SelectMany(f => f).Order());
        for (int c = 0; c < 2; c++)
        {
            int[] perFold = [.. folds.Select(f => f.Count(i => labels[i] == c))];
            Assert.True(perFold.Max() - perFold.Min() <= 1, $"class {c} per fold: {string.Join(", ", perFold)}");
        }
        int[] training = KFold.TrainingRows(folds, 2);
        Assert.Empty(training.Intersect(folds[2]));
        Assert.Equal(labels.Length, training.Length + folds[2].Length);
    }

    [Fact]
    public void Random_folds_differ_in_size_by_at_most_one_and_k_must_fit()
    {
        int[][] folds = KFold.Random(23, 5, new Rng(7));
        Assert.Equal([5, 5, 5, 4, 4], folds.Select(f => f.Length));
        Assert.Throws<ArgumentOutOfRangeException>(() => KFold.Random(3, 5, new Rng(7)));
        Assert.Throws<ArgumentOutOfRangeException>(() => KFold.Random(10, 1, new Rng(7)));
    }

    private static void AssertPartition(int n, int[] first, int[] second)
    {
        Assert.Equal(Enumerable.Range(0, n), first.Concat(second).Order());
        Assert.Equal(first.Order(), first);
        Assert.Equal(second.Order(), second);
    }
}
