using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.Recommender.Ratings;

namespace ReferenceSolutions.Recommender.Evaluation;

/// <summary>
/// Accuracy and ranking metrics of scores s (one per test rating) against the test ratings. Ranking: for every user
/// with at least one relevant held-out rating (r ≥ 4), that user's held-out items are ranked by s descending (ties by
/// item index), and the top 10 give precision@10 = hits/10, recall@10 = hits/#relevant and
/// NDCG@10 = Σ_{j≤10} rel_j/log₂(j+1) ÷ the same sum for the ideal order; each is averaged over those users.
/// A metric that is not defined on the data at hand is NaN here and a <see cref="NotComputed"/> with its reason in
/// <see cref="Summary"/>: the ranking metrics when no test user has a relevant rating, AUC when the test ratings are
/// all relevant or all not, and every metric when a score is not finite (a diverged model).
/// </summary>
public static class RatingMetrics
{
    /// <summary>The relevance threshold: a held-out rating ≥ 4 is relevant.</summary>
    public const double RelevantRating = 4.0;

    /// <summary>The cut-off of the ranking metrics.</summary>
    public const int TopK = 10;

    /// <summary>√(mean (r − s)²).</summary>
    public static double Rmse(RatingSet test, IReadOnlyList<double> scores)
    {
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(scores);
        double sum = 0.0;
        for (int r = 0; r < test.Count; r++)
        {
            double e = test.Values[r] - scores[r];
            sum += e * e;
        }
        return Math.Sqrt(sum / test.Count);
    }

    /// <summary>mean |r − s|.</summary>
    public static double Mae(RatingSet test, IReadOnlyList<double> scores)
    {
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(scores);
        double sum = 0.0;
        for (int r = 0; r < test.Count; r++)
        {
            sum += Math.Abs(test.Values[r] - scores[r]);
        }
        return sum / test.Count;
    }

    /// <summary>(precision@10, recall@10, NDCG@10) as in the class summary; NaN when no test user has a rating ≥ 4.</summary>
    public static (double Precision, double Recall, double Ndcg) Ranking(RatingSet test, IReadOnlyList<double> scores)
    {
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(scores);
        double precision = 0.0, recall = 0.0, ndcg = 0.0;
        int users = 0;
        foreach (int[] ratings in test.ByUser())
        {
            int relevant = ratings.Count(r => test.Values[r] >= RelevantRating);
            if (relevant == 0)
            {
                continue;
            }
            int[] ranked = ratings.OrderByDescending(r => scores[r]).ThenBy(r => test.Items[r]).Take(TopK).ToArray();
            int hits = 0;
            double dcg = 0.0;
            for (int j = 0; j < ranked.Length; j++)
            {
                if (test.Values[ranked[j]] >= RelevantRating)
                {
                    hits++;
                    dcg += 1.0 / Math.Log2(j + 2);
                }
            }
            double ideal = 0.0;
            for (int j = 0; j < Math.Min(relevant, TopK); j++)
            {
                ideal += 1.0 / Math.Log2(j + 2);
            }
            precision += (double)hits / TopK;
            recall += (double)hits / relevant;
            ndcg += dcg / ideal;
            users++;
        }
        return users == 0 ? (double.NaN, double.NaN, double.NaN) : (precision / users, recall / users, ndcg / users);
    }

    /// <summary>
    /// Area under the ROC curve of scores for the labels "r ≥ 4": the probability that a random relevant rating scores
    /// above a random irrelevant one, ties counting ½ (Mann–Whitney, by average ranks); NaN when there is no relevant
    /// or no irrelevant rating.
    /// </summary>
    public static double Auc(RatingSet test, IReadOnlyList<double> scores)
    {
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(scores);
        int[] order = Enumerable.Range(0, test.Count).OrderBy(r => scores[r]).ToArray();
        double rankSum = 0.0;
        long positives = 0;
        int start = 0;
        while (start < order.Length)
        {
            int end = start;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]])
            {
                end++;
            }
            double averageRank = ((start + end) / 2.0) + 1.0;
            for (int j = start; j <= end; j++)
            {
                if (test.Values[order[j]] >= RelevantRating)
                {
                    rankSum += averageRank;
                    positives++;
                }
            }
            start = end + 1;
        }
        long negatives = test.Count - positives;
        return positives == 0 || negatives == 0 ? double.NaN : (rankSum - (positives * (positives + 1) / 2.0)) / (positives * (double)negatives);
    }

    /// <summary>The model's prediction for every test rating.</summary>
    public static double[] Predict(Factorization.IRatingModel model, RatingSet test)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(test);
        double[] scores = new double[test.Count];
        for (int r = 0; r < test.Count; r++)
        {
            scores[r] = model.Predict(test.Users[r], test.Items[r]);
        }
        return scores;
    }

    /// <summary>Whether each rating of <paramref name="test"/> is cold: its user or its item has no rating in <paramref name="train"/>.</summary>
    public static bool[] Cold(RatingSet train, RatingSet test)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        bool[] users = train.RatedUsers();
        bool[] items = train.RatedItems();
        bool[] cold = new bool[test.Count];
        for (int r = 0; r < test.Count; r++)
        {
            cold[r] = !users[test.Users[r]] || !items[test.Items[r]];
        }
        return cold;
    }

    /// <summary>
    /// The metrics dictionary of metrics.json for a model's predictions r̂ (<paramref name="scores"/>, one per test
    /// rating): rmse, mae, then the cold-start split — rmseWarm over the ratings whose user and item both have training
    /// ratings, rmseCold over the others (<paramref name="cold"/>), coldTestRatings their count — all on the reported
    /// predictions clip(r̂) (<paramref name="range"/>); then the <see cref="RankingSummary"/>, which ranks by r̂ itself
    /// (clipping is monotone: it can only tie the items it clips, never reorder the others). An RMSE over no ratings is
    /// undefined, so rmseCold (rmseWarm) is left out when coldTestRatings is 0 (equals the count). With no test ratings,
    /// or a score that is not finite, every metric is a <see cref="NotComputed"/> with the reason
    /// (<paramref name="notFinite"/> says why the scores are not, when the caller knows).
    /// </summary>
    public static Dictionary<string, object> Summary(RatingSet test, IReadOnlyList<double> scores, RatingRange range, IReadOnlyList<bool> cold, string? notFinite = null)
    {
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(range);
        ArgumentNullException.ThrowIfNull(cold);
        double[] clipped = [.. scores.Select(range.Clip)];
        int coldCount = cold.Count(c => c);
        if (Unscorable(test, scores, notFinite) is string reason)
        {
            return new Dictionary<string, object>
            {
                ["rmse"] = new NotComputed(reason),
                ["mae"] = new NotComputed(reason),
                ["coldTestRatings"] = coldCount,
                ["precisionAt10"] = new NotComputed(reason),
                ["recallAt10"] = new NotComputed(reason),
                ["ndcgAt10"] = new NotComputed(reason),
                ["auc"] = new NotComputed(reason),
            };
        }
        var metrics = new Dictionary<string, object>
        {
            ["rmse"] = Rmse(test, clipped),
            ["mae"] = Mae(test, clipped),
        };
        if (coldCount < test.Count)
        {
            metrics["rmseWarm"] = RmseWhere(test, clipped, cold, false);
        }
        if (coldCount > 0)
        {
            metrics["rmseCold"] = RmseWhere(test, clipped, cold, true);
        }
        metrics["coldTestRatings"] = coldCount;
        foreach ((string name, object value) in RankingSummary(test, scores))
        {
            metrics[name] = value;
        }
        return metrics;
    }

    /// <summary>
    /// precisionAt10, recallAt10, ndcgAt10 and auc of <paramref name="scores"/>, each a <see cref="NotComputed"/> where it
    /// is undefined: the ranking metrics when no test user has a rating ≥ 4, AUC when every test rating is ≥ 4 or none
    /// is; all four when there are no test ratings or a score is not finite.
    /// </summary>
    public static Dictionary<string, object> RankingSummary(RatingSet test, IReadOnlyList<double> scores)
    {
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(scores);
        if (Unscorable(test, scores, null) is string reason)
        {
            return new Dictionary<string, object>
            {
                ["precisionAt10"] = new NotComputed(reason),
                ["recallAt10"] = new NotComputed(reason),
                ["ndcgAt10"] = new NotComputed(reason),
                ["auc"] = new NotComputed(reason),
            };
        }
        (double p, double r, double n) = Ranking(test, scores);
        string noRelevant = $"no test user has a rating ≥ {RelevantRating} (relevant), so there is nothing to rank at the top";
        int relevant = test.Values.Count(v => v >= RelevantRating);
        string aucReason = relevant == 0
            ? $"no test rating is ≥ {RelevantRating} (relevant), so AUC has no positive to rank"
            : $"every test rating is ≥ {RelevantRating} (relevant), so AUC has no negative to rank a positive against";
        return new Dictionary<string, object>
        {
            ["precisionAt10"] = NotComputed.Finite(p, noRelevant),
            ["recallAt10"] = NotComputed.Finite(r, noRelevant),
            ["ndcgAt10"] = NotComputed.Finite(n, noRelevant),
            ["auc"] = NotComputed.Finite(Auc(test, scores), aucReason),
        };
    }

    /// <summary>Why no metric can be computed for these scores (no test ratings; a score not finite), or null.</summary>
    private static string? Unscorable(RatingSet test, IReadOnlyList<double> scores, string? notFinite)
    {
        if (test.Count == 0)
        {
            return "there are no test ratings to score";
        }
        for (int r = 0; r < scores.Count; r++)
        {
            if (!double.IsFinite(scores[r]))
            {
                return notFinite ?? $"the prediction for test rating {r} is {scores[r]}: the model is not finite";
            }
        }
        return null;
    }

    private static double RmseWhere(RatingSet test, double[] scores, IReadOnlyList<bool> cold, bool which)
    {
        double sum = 0.0;
        int count = 0;
        for (int r = 0; r < test.Count; r++)
        {
            if (cold[r] == which)
            {
                double e = test.Values[r] - scores[r];
                sum += e * e;
                count++;
            }
        }
        return Math.Sqrt(sum / count);
    }
}
