using ReferenceSolutions.Core.Randomness;

namespace ReferenceSolutions.Recommender.Factorization;

/// <summary>
/// The rating order of every MF-SGD epoch: one permutation of 0..N−1 per epoch, either given as a list (tests, the
/// twins' three-epoch runs) or drawn from a seed when the epoch starts — into one reused buffer, so E epochs of N
/// ratings hold N ints, not E·N. A seeded sequence is that of <c>new Rng(seed).Permutation(N)</c> called E times
/// (Fisher–Yates on 0..N−1), and every enumeration restarts it, so two trainers given the same orders (the λ values of
/// a selection, or a trainer and its twin) visit the ratings in the same order.
/// </summary>
public sealed class EpochOrders
{
    private readonly IReadOnlyList<int[]>? _given;
    private readonly ulong _seed;

    private EpochOrders(int epochs, IReadOnlyList<int[]>? given, ulong seed)
    {
        Epochs = epochs;
        _given = given;
        _seed = seed;
    }

    /// <summary>E, the number of epochs.</summary>
    public int Epochs { get; }

    /// <summary><paramref name="epochs"/> orders drawn one epoch at a time from a generator seeded with <paramref name="seed"/>.</summary>
    public static EpochOrders Seeded(ulong seed, int epochs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(epochs);
        return new EpochOrders(epochs, null, seed);
    }

    /// <summary>The given orders, one per epoch.</summary>
    public static EpochOrders Given(IReadOnlyList<int[]> orders)
    {
        ArgumentNullException.ThrowIfNull(orders);
        return new EpochOrders(orders.Count, orders, 0);
    }

    /// <summary>
    /// The order of each epoch in turn for <paramref name="ratings"/> ratings. A seeded order lives in a buffer that the
    /// next epoch overwrites: use it before asking for the next one.
    /// </summary>
    public IEnumerable<int[]> For(int ratings)
    {
        if (_given is not null)
        {
            foreach (int[] order in _given)
            {
                yield return order;
            }
            yield break;
        }
        var rng = new Rng(_seed);
        int[] buffer = new int[ratings];
        for (int epoch = 0; epoch < Epochs; epoch++)
        {
            for (int i = 0; i < ratings; i++)
            {
                buffer[i] = i;
            }
            rng.Shuffle<int>(buffer);
            yield return buffer;
        }
    }
}
