using FsCheck;
using FsCheck.Fluent;
using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.FraudDetection.Metrics;

namespace ReferenceSolutions.FraudDetection.Tests;

/// <summary>
/// The radix sort of score keys against a comparison sort of the scores, and the unweighted AUC built on it against
/// the sweep over a comparison-sorted row order: both must agree to the last bit (the keys are the same set, and the AUC
/// sums the same integer counts in the same group order).
/// </summary>
public class ScoreRadixSortTests
{
    /// <summary>Scores of every kind a key must order: a coarse grid (ties), both signs, ±0, subnormals, huge values, ±∞.</summary>
    private static Gen<double[]> Scores =>
        from seed in Gen.Choose(0, int.MaxValue)
        from n in Gen.Choose(0, 400)
        select RandomScores((ulong)seed, n);

    private static double[] RandomScores(ulong seed, int n)
    {
        var rng = new Rng(seed);
        double[] special = [0.0, -0.0, double.Epsilon, -double.Epsilon, double.MaxValue, double.MinValue, double.PositiveInfinity, double.NegativeInfinity, 1.0, -1.0];
        return [.. Enumerable.Range(0, n).Select(_ => rng.NextInt(4) switch
        {
            0 => special[rng.NextInt(special.Length)],
            1 => Math.Round(rng.Gaussian() * 4) / 4,
            2 => rng.Gaussian() * Math.Pow(10, rng.NextInt(40) - 20),
            _ => BitConverter.Int64BitsToDouble((long)rng.NextUInt64() & 0x7FEF_FFFF_FFFF_FFFF) * (rng.NextInt(2) == 0 ? 1 : -1),
        })];
    }

    [Fact]
    public void Radix_sort_orders_the_keys_as_a_comparison_sort_orders_the_scores()
    {
        Prop.ForAll(Scores.ToArbitrary(), scores =>
        {
            ulong[] keys = [.. scores.Select(ScoreRadixSort.Key)];
            ScoreRadixSort.Sort(keys, new ulong[keys.Length]);
            Assert.Equal(ScoreRadixSort.SortByComparison(scores), keys);
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Keys_compare_as_the_scores_do_and_the_two_zeros_share_one()
    {
        Prop.ForAll(Scores.ToArbitrary(), scores =>
        {
            for (int i = 1; i < scores.Length; i++)
            {
                double a = scores[i - 1], b = scores[i];
                Assert.Equal(Math.Sign(a.CompareTo(b)), Math.Sign(ScoreRadixSort.Key(a).CompareTo(ScoreRadixSort.Key(b))));
                Assert.Equal(a == b, ScoreRadixSort.Key(a) == ScoreRadixSort.Key(b));
            }
            return true;
        }).QuickCheckThrowOnFailure();
        Assert.Equal(ScoreRadixSort.Key(0.0), ScoreRadixSort.Key(-0.0));
    }

    [Fact]
    public void Unweighted_AUC_is_the_sweeps_bit_for_bit_with_ties_negative_scores_and_both_zeros()
    {
        Gen<(double[] Scores, int[] Labels)> cases =
            from seed in Gen.Choose(0, int.MaxValue)
            from n in Gen.Choose(2, 400)
            from levels in Gen.Elements(1, 3, 1000)
            select Signed((ulong)seed, n, levels);
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            double sweep = RocCurve.AucSorted(c.Scores, c.Labels, ScoreValidation.DescendingOrder(c.Scores), default);
            Assert.Equal(BitConverter.DoubleToInt64Bits(sweep), BitConverter.DoubleToInt64Bits(RocCurve.Auc(c.Scores, c.Labels)));
            return true;
        }).QuickCheckThrowOnFailure();
    }

    /// <summary>Scores on a grid of <paramref name="levels"/> steps in [−1, 1], zeros of both signs among them.</summary>
    private static (double[] Scores, int[] Labels) Signed(ulong seed, int n, int levels)
    {
        (double[] scores, int[] labels) = MetricsTests.Random(seed, n, levels);
        var rng = new Rng(seed + 1);
        double[] signed = [.. scores.Select(s => (2 * s) - 1).Select(s => s == 0 || rng.NextInt(8) == 0 ? (rng.NextInt(2) == 0 ? -0.0 : 0.0) : s)];
        return (signed, labels);
    }

    [Fact]
    public void A_positive_at_minus_zero_ties_a_negative_at_plus_zero()
    {
        Assert.Equal(0.5, RocCurve.Auc([-0.0, 0.0], [1, 0]));
        Assert.Equal(0.5, RocCurve.AucByPairs([-0.0, 0.0], [1, 0]));
        Assert.Equal(0.75, RocCurve.Auc([0.0, -0.0, -1.0], [1, 0, 0]));
    }
}
