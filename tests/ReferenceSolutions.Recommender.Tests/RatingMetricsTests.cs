using FsCheck;
using FsCheck.Xunit;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.Recommender.Evaluation;
using ReferenceSolutions.Recommender.Ratings;
using ReferenceSolutions.TestSupport;

namespace ReferenceSolutions.Recommender.Tests;

/// <summary>The evaluation metrics against hand-worked values and brute-force definitions.</summary>
public class RatingMetricsTests
{
    private static RatingSet OneUser(double[] values) => new(
        new int[values.Length], Enumerable.Range(0, values.Length).ToArray(), values, [1L], Enumerable.Range(0, values.Length).Select(x => (long)x).ToArray(), "hand");

    [Fact]
    public void RankingMetricsOfAHandWorkedList()
    {
        // Items 0..3 rated 5, 2, 4, 1; scores rank them 1, 0, 3, 2. Relevant (≥ 4): items 0 and 2.
        // Ranked list: item 1 (no), item 0 (yes, position 2), item 3 (no), item 2 (yes, position 4).
        RatingSet test = OneUser([5, 2, 4, 1]);
        (double p, double r, double ndcg) = RatingMetrics.Ranking(test, [0.9, 1.0, 0.1, 0.5]);
        double dcg = (1 / Math.Log2(3)) + (1 / Math.Log2(5));
        double ideal = 1 + (1 / Math.Log2(3));
        Assert.Equal(0.2, p, 15);
        Assert.Equal(1.0, r, 15);
        Assert.Equal(dcg / ideal, ndcg, 15);
    }

    [Fact]
    public void RmseAndMaeOfAHandWorkedList()
    {
        RatingSet test = OneUser([4, 2]);
        Assert.Equal(Math.Sqrt(((1 * 1) + (2 * 2)) / 2.0), RatingMetrics.Rmse(test, [3, 4]), 15);
        Assert.Equal(1.5, RatingMetrics.Mae(test, [3, 4]), 15);
    }

    [Property(MaxTest = 50)]
    public void AucIsThePairwiseWinRate(NonEmptyArray<byte> raw)
    {
        double[] values = raw.Get.Select(b => (double)(1 + (b % 5))).ToArray();
        double[] scores = raw.Get.Select(b => (double)((b * 7) % 11)).ToArray();
        RatingSet test = OneUser(values);
        int positives = values.Count(v => v >= 4);
        if (positives == 0 || positives == values.Length)
        {
            Assert.True(double.IsNaN(RatingMetrics.Auc(test, scores)));
            return;
        }
        double wins = 0;
        for (int a = 0; a < values.Length; a++)
        {
            for (int b = 0; b < values.Length; b++)
            {
                if (values[a] >= 4 && values[b] < 4)
                {
                    wins += scores[a] > scores[b] ? 1 : scores[a] == scores[b] ? 0.5 : 0;
                }
            }
        }
        ParityAssert.Passes(RecommenderChecks.AucPairwise, new Comparison("average ranks", "pairwise").Add("AUC", RatingMetrics.Auc(test, scores), wins / (positives * (values.Length - positives))));
    }
}
