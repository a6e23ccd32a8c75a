using ReferenceSolutions.Core.Randomness;

namespace ReferenceSolutions.FraudDetection.Data;

/// <summary>
/// A seeded stratified split: each class is shuffled on its own and cut at round(fraction·count), so train and test
/// keep the class ratio. Returns row indices in ascending order.
/// </summary>
public static class StratifiedSplit
{
    /// <summary>(train, test) row indices with about <paramref name="testFraction"/> of each class in test.</summary>
    public static (int[] Train, int[] Test) Split(IReadOnlyList<int> y, double testFraction, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(rng);
        var train = new List<int>();
        var test = new List<int>();
        foreach (int label in new[] { 0, 1 })
        {
            int[] members = [.. Enumerable.Range(0, y.Count).Where(i => y[i] == label)];
            rng.Shuffle(members.AsSpan());
            int testCount = (int)Math.Round(testFraction * members.Length);
            test.AddRange(members[..testCount]);
            train.AddRange(members[testCount..]);
        }
        train.Sort();
        test.Sort();
        return ([.. train], [.. test]);
    }
}
