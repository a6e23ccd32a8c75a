using FsCheck;
using FsCheck.Xunit;
using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.Recommender.Factorization;

namespace ReferenceSolutions.Recommender.Tests;

/// <summary>
/// The vectorized SGD step against the readable one: every lane of <see cref="MfSgd.StepVectorized"/> performs the
/// scalar loop's IEEE operations in the same order (no fused multiply-add, no reordered sum), so the two must agree
/// bit for bit — tolerance 0 — for any k (including k not a multiple of four, which exercises the scalar tail).
/// </summary>
public class MfSgdVectorizedStepTests
{
    [Property(MaxTest = 40)]
    public void VectorizedStepEqualsTheReferenceStepBitForBit(PositiveInt seed, PositiveInt factors)
    {
        int k = 1 + (factors.Get % 40);
        var rng = new Rng((ulong)seed.Get);
        BiasedMf reference = BiasedMf.Initial(7, 5, k, 3.5, 0.3, rng);
        rng.FillGaussian(reference.UserBias, 0.0, 0.2);
        rng.FillGaussian(reference.ItemBias, 0.0, 0.2);
        BiasedMf vectorized = reference.Clone();
        for (int step = 0; step < 50; step++)
        {
            int u = rng.NextInt(7), i = rng.NextInt(5);
            double rating = rng.Uniform(0.5, 5.0), eta = rng.Uniform(0.001, 0.1), lambda = rng.Uniform(0.0, 0.2);
            double eReference = MfSgd.Step(reference, u, i, rating, eta, lambda);
            double eVectorized = MfSgd.StepVectorized(vectorized, u, i, rating, eta, lambda);
            Assert.Equal(BitConverter.DoubleToInt64Bits(eReference), BitConverter.DoubleToInt64Bits(eVectorized));
        }
        Assert.Equal(0.0, reference.MaxAbsDiff(vectorized));
        Assert.Equal(reference.P.Data.Select(BitConverter.DoubleToInt64Bits), vectorized.P.Data.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(reference.Q.Data.Select(BitConverter.DoubleToInt64Bits), vectorized.Q.Data.Select(BitConverter.DoubleToInt64Bits));
    }

    /// <summary>Train — gathered ratings, prefetching — against the plain loop of reference steps in the order given: bit for bit, tolerance 0.</summary>
    [Fact]
    public void TrainTakesTheReferenceStepsInOrder()
    {
        var rng = new Rng(11);
        int users = 30, items = 20, ratings = 4000;
        int[] u = [.. Enumerable.Range(0, ratings).Select(_ => rng.NextInt(users))];
        int[] i = [.. Enumerable.Range(0, ratings).Select(_ => rng.NextInt(items))];
        double[] r = [.. Enumerable.Range(0, ratings).Select(_ => rng.Uniform(1.0, 5.0))];
        var set = new Ratings.RatingSet(u, i, r, [.. Enumerable.Range(0, users).Select(x => (long)x)], [.. Enumerable.Range(0, items).Select(x => (long)x)], "test");
        BiasedMf initial = BiasedMf.Initial(users, items, 32, set.Mean(), 0.1, rng);
        int[][] orders = MfSgd.Orders(ratings, 2, rng);
        BiasedMf trained = new MfSgd(0.02, 0.05, orders).Train(initial, set);
        BiasedMf expected = initial.Clone();
        foreach (int[] order in orders)
        {
            foreach (int t in order)
            {
                MfSgd.Step(expected, u[t], i[t], r[t], 0.02, 0.05);
            }
        }
        Assert.Equal(expected.P.Data.Select(BitConverter.DoubleToInt64Bits), trained.P.Data.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(expected.Q.Data.Select(BitConverter.DoubleToInt64Bits), trained.Q.Data.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(0.0, expected.MaxAbsDiff(trained));
    }
}
