using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.Recommender.Factorization;
using ReferenceSolutions.Recommender.Ratings;

namespace ReferenceSolutions.Recommender.Tests;

/// <summary>
/// <see cref="EpochOrders"/>: orders drawn per epoch are the up-front ones, repeat on every enumeration, and training
/// for many epochs allocates what it does for two (issue 12: every permutation drawn up front and a model clone per
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
    public void TrainingForManyEpochsAllocatesWhatItDoesForTwo()
    {
        var rng = new Rng(3);
        const int users = 200, items = 150, n = 6000;
        int[] u = [.. Enumerable.Range(0, n).Select(_ => rng.NextInt(users))];
        int[] i = [.. Enumerable.Range(0, n).Select(_ => rng.NextInt(items))];
        double[] r = [.. Enumerable.Range(0, n).Select(_ => 1.0 + rng.NextInt(5))];
        var train = new RatingSet(u, i, r, [.. Enumerable.Range(1, users).Select(x => (long)x)], [.. Enumerable.Range(1, items).Select(x => (long)x)], "test");
        BiasedMf initial = BiasedMf.Initial(users, items, 8, train.Mean(), 0.1, rng);

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
        Assert.True(many < two + orderBytes, $"200 epochs allocated {many:N0} bytes, 2 epochs {two:N0}: more than one extra order ({orderBytes:N0} bytes), so something is kept or copied per epoch");
    }
}
