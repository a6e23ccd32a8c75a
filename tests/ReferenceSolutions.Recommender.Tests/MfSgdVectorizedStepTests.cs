using FsCheck;
using FsCheck.Xunit;
using ReferenceSolutions.Core.Native;
using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.Recommender.Factorization;
using ReferenceSolutions.TestSupport;

namespace ReferenceSolutions.Recommender.Tests;

/// <summary>
/// The vectorized SGD step against the readable one: every lane of <see cref="MfSgd.StepVectorized(BiasedMf, int, int, double, double, double)"/> performs the
/// scalar loop's IEEE operations in the same order (no fused multiply-add, no reordered sum), so the two must agree
/// bit for bit — tolerance 0, <see cref="RecommenderChecks.SgdFastPath"/> — for any k (including k not a multiple of
/// four, which exercises the scalar tail), in the Vector512 and the Vector256 width alike. (The scalar width's step
/// takes e from the plain Σ_f p_f q_f, whose order differs from the vectorized <see cref="BiasedMf.Predict"/>'s;
/// <see cref="FactorDotTests"/> bounds that difference.)
/// </summary>
public class MfSgdVectorizedStepTests
{
    [Property(MaxTest = 40)]
    public void VectorizedStepEqualsTheReferenceStepBitForBit(PositiveInt seed, PositiveInt factors)
    {
        AssertStepsAgree(SimdWidth.Vector512, seed, factors);
        AssertStepsAgree(SimdWidth.Vector256, seed, factors);
    }

    private static void AssertStepsAgree(SimdWidth width, PositiveInt seed, PositiveInt factors)
    {
        int k = 1 + (factors.Get % 40);
        var rng = new Rng((ulong)seed.Get);
        BiasedMf reference = BiasedMf.Initial(7, 5, k, 3.5, 0.3, rng);
        rng.FillGaussian(reference.UserBias, 0.0, 0.2);
        rng.FillGaussian(reference.ItemBias, 0.0, 0.2);
        BiasedMf vectorized = reference.Clone();
        var comparison = new Comparison("Step", $"StepVectorized ({width})");
        for (int step = 0; step < 50; step++)
        {
            int u = rng.NextInt(7), i = rng.NextInt(5);
            double rating = rng.Uniform(0.5, 5.0), eta = rng.Uniform(0.001, 0.1), lambda = rng.Uniform(0.0, 0.2);
            comparison.Add($"e (step {step})", MfSgd.Step(reference, u, i, rating, eta, lambda), MfSgd.StepVectorized(width, vectorized, u, i, rating, eta, lambda));
        }
        reference.AddTo(comparison, vectorized, "after 50 steps");
        ParityAssert.Passes(RecommenderChecks.SgdFastPath, comparison);
        AssertSameBits(reference, vectorized);
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
        var comparison = new Comparison("Step loop", "Train");
        expected.AddTo(comparison, trained, "after 2 epochs");
        ParityAssert.Passes(RecommenderChecks.SgdFastPath, comparison);
        AssertSameBits(expected, trained);
    }

    /// <summary>
    /// Train works in a cache-line-aligned copy of P and Q and copies out before each callback: every state it hands to
    /// afterEpoch must be the step loop's after that epoch, bit for bit, for k that is and is not a multiple of 8 (Q's
    /// table then starts at a different offset), a second call on the same trainer (reusing its buffer) must repeat the
    /// first, and the initial state must not move.
    /// </summary>
    [Theory]
    [InlineData(32)]
    [InlineData(13)]
    public void EveryEpochStateHandedOutIsTheReferenceStepLoops(int factors)
    {
        var rng = new Rng(17);
        int users = 25, items = 40, ratings = 3000;
        int[] u = [.. Enumerable.Range(0, ratings).Select(_ => rng.NextInt(users))];
        int[] i = [.. Enumerable.Range(0, ratings).Select(_ => rng.NextInt(items))];
        double[] r = [.. Enumerable.Range(0, ratings).Select(_ => rng.Uniform(1.0, 5.0))];
        var set = new Ratings.RatingSet(u, i, r, [.. Enumerable.Range(0, users).Select(x => (long)x)], [.. Enumerable.Range(0, items).Select(x => (long)x)], "test");
        BiasedMf initial = BiasedMf.Initial(users, items, factors, set.Mean(), 0.1, rng);
        BiasedMf untouched = initial.Clone();
        int[][] orders = MfSgd.Orders(ratings, 3, rng);
        var trainer = new MfSgd(0.02, 0.05, orders);
        var states = new List<BiasedMf>();
        BiasedMf trained = trainer.Train(initial, set, (_, state) => states.Add(state.Clone()));
        BiasedMf expected = initial.Clone();
        for (int epoch = 0; epoch < orders.Length; epoch++)
        {
            foreach (int t in orders[epoch])
            {
                MfSgd.Step(expected, u[t], i[t], r[t], 0.02, 0.05);
            }
            AssertSameBits(expected, states[epoch]);
        }
        AssertSameBits(expected, trained);
        AssertSameBits(expected, trainer.Train(initial, set));
        AssertSameBits(untouched, initial);
    }

    /// <summary>Tolerance 0 cannot tell −0 from +0; the bits can.</summary>
    private static void AssertSameBits(BiasedMf a, BiasedMf b)
    {
        Assert.Equal(a.P.Data.Select(BitConverter.DoubleToInt64Bits), b.P.Data.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(a.Q.Data.Select(BitConverter.DoubleToInt64Bits), b.Q.Data.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(a.UserBias.Select(BitConverter.DoubleToInt64Bits), b.UserBias.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(a.ItemBias.Select(BitConverter.DoubleToInt64Bits), b.ItemBias.Select(BitConverter.DoubleToInt64Bits));
    }
}
