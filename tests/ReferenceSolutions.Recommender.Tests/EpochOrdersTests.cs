using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.Recommender.Factorization;
using ReferenceSolutions.Recommender.Ratings;

namespace ReferenceSolutions.Recommender.Tests;

/// <summary>
/// <see cref="EpochOrders"/>: orders drawn per epoch are the up-front ones, repeat on every enumeration, and training
/// for many epochs allocates nothing per epoch beyond the small task that gathers the next one (issue 12: every permutation drawn up front and a model clone per
/// epoch took MovieLens with <c>--epochs 10000</c> to 12.9 GB).
/// </summary>
public class EpochOrdersTests
{
    [Theory]
    [InlineData(1UL, 1, 1)]
    [InlineData(7UL, 37, 5)]
    [InlineData(42UL, 1000, 3)]
    public void SeededOrdersAreTheUpFrontPermutationsAndRepeat(ulong seed, int ratings, int epochs)
    {
        int[][] upFront = MfSgd.Orders(ratings, epochs, new Rng(seed));
        EpochOrders orders = EpochOrders.Seeded(seed, epochs);
        for (int pass = 0; pass < 2; pass++)
        {
            int[][] drawn = [.. orders.For(ratings).Select(order => (int[])order.Clone())];
            Assert.Equal(upFront, drawn);
        }
    }

    [Fact]
    public void TrainingAllocatesNothingPerEpochBeyondTheTaskThatGathersTheNext()
    {
        var rng = new Rng(3);
        const int users = 200, items = 150, n = 6000;
        (RatingSet train, BiasedMf initial) = UniformRatings(rng, users, items, n);

        long Allocated(int epochs)
        {
            var trainer = new MfSgd(0.01, 0.05, EpochOrders.Seeded(5, epochs));
            trainer.Train(initial, train, (_, _) => { });
            long before = GC.GetAllocatedBytesForCurrentThread();
            trainer.Train(initial, train, (_, _) => { });
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        long two = Allocated(2);
        long many = Allocated(200);
        long orderBytes = n * sizeof(int);
        double perEpoch = (many - two) / 198.0;
        Assert.True(perEpoch < 1024, $"200 epochs allocated {many:N0} bytes, 2 epochs {two:N0}: {perEpoch:N0} bytes per extra epoch, more than the task that gathers the next epoch (< 1 KB), so something of the {n} ratings (an order is {orderBytes:N0} bytes) is kept or copied per epoch");
    }

    /// <summary>
    /// A later epoch's order is gathered on another core while the one before it trains: a bad order still stops the
    /// training with its error, after the epochs before it were handed out.
    /// </summary>
    [Fact]
    public void A_bad_order_in_a_later_epoch_stops_training_with_its_error_after_the_epochs_before_it()
    {
        var rng = new Rng(4);
        const int users = 20, items = 15, n = 300;
        (RatingSet train, BiasedMf initial) = UniformRatings(rng, users, items, n);
        int[] good = rng.Permutation(n);
        int[] outside = [.. good];
        outside[17] = n;

        var epochs = new List<int>();
        var tooShort = Assert.Throws<ArgumentException>(() => new MfSgd(0.01, 0.05, [good, good, good[..^1]]).Train(initial, train, (epoch, _) => epochs.Add(epoch)));
        Assert.Contains($"epoch 3's order has {n - 1} entries for {n} ratings", tooShort.Message);
        Assert.Equal([1, 2], epochs);

        epochs.Clear();
        var outOfRange = Assert.Throws<ArgumentOutOfRangeException>(() => new MfSgd(0.01, 0.05, [good, outside]).Train(initial, train, (epoch, _) => epochs.Add(epoch)));
        Assert.Contains($"entry 17 of the epoch's order is {n}", outOfRange.Message);
        Assert.Equal([1], epochs);
    }

    /// <summary>N ratings of uniform users, items and whole stars, and an initial k = 8 model for them, drawn from <paramref name="rng"/>.</summary>
    private static (RatingSet Train, BiasedMf Initial) UniformRatings(Rng rng, int users, int items, int n)
    {
        int[] u = [.. Enumerable.Range(0, n).Select(_ => rng.NextInt(users))];
        int[] i = [.. Enumerable.Range(0, n).Select(_ => rng.NextInt(items))];
        double[] r = [.. Enumerable.Range(0, n).Select(_ => 1.0 + rng.NextInt(5))];
        var train = new RatingSet(u, i, r, [.. Enumerable.Range(1, users).Select(x => (long)x)], [.. Enumerable.Range(1, items).Select(x => (long)x)], "test");
        return (train, BiasedMf.Initial(users, items, 8, train.Mean(), 0.1, rng));
    }
}
