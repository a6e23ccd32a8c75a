using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.Core.Solutions;

namespace ReferenceSolutions.Recommender.Ratings;

/// <summary>
/// A planted-rank rating set of any size with MovieLens-like skew, streamed user by user to a CSV file
/// (<see cref="CsvRatingsWriter"/>) or, for a path ending in <c>.parquet</c>, a Parquet file
/// (<see cref="ParquetRatingsWriter"/>), so that memory is O(m + n) (plus one Parquet row group) whatever N is
/// (<c>refsol data generate recommender --ratings N [--format parquet]</c>).
/// <list type="bullet">
/// <item>Item popularity is a power law over a random ranking of the items: Pr(item of rank j) ∝ j^(−s), s = 0.6, so the
/// most popular of 59,047 items draws ≈ 0.5 % of the ratings (MovieLens-25M's most rated film: 0.33 %).</item>
/// <item>User activity is heavy-tailed: user u rates cᵤ = c₀ + its share of the remaining N − m·c₀ ratings, the shares
/// ∝ Vᵤ^(−1/a), Vᵤ ~ U(0, 1] (a Pareto tail of index a = 1.3, chosen so that at MovieLens-25M's shape the median user has ≈ 70 ratings, as there); c₀ = min(20, ⌊N/m⌋) (every MovieLens user has ≥ 20);
/// cᵤ ≤ n/4, the excess of capped users spread over the others; Σ cᵤ = N exactly (largest remainders).</item>
/// <item>User u's cᵤ distinct items are drawn from the popularity law (alias method, repeats redrawn) and written in
/// ascending id order.</item>
/// <item>A rating is r = clip(½·round(2(μ + bᵤ + bᵢ + pᵤ*·qᵢ* + ε)), 0.5, 5): half stars as in MovieLens, with the
/// built-in generator's model (<see cref="SyntheticRatings"/>): rank R = 5, pᵤ*, qᵢ* ~ N(0, s²I), s⁴R = 0.8, bᵤ, bᵢ ~
/// N(0, 0.3²), ε ~ N(0, 0.25²), μ = 3.5.</item>
/// </list>
/// Ids are 1..m and 1..n. The same arguments and seed give the same bytes.
/// </summary>
public static class SkewedRatings
{
    /// <summary>The popularity exponent s.</summary>
    public const double PopularityExponent = 0.6;

    /// <summary>The Pareto tail index a of user activity.</summary>
    public const double ActivityTailIndex = 1.3;

    /// <summary>c₀, the fewest ratings a user has when N/m allows it.</summary>
    public const int MinimumPerUser = 20;

    /// <summary>MovieLens 25M's users, the default shape's reference.</summary>
    public const int MovieLens25MUsers = 162_541;

    /// <summary>MovieLens 25M's items.</summary>
    public const int MovieLens25MItems = 59_047;

    /// <summary>MovieLens 25M's ratings.</summary>
    public const long MovieLens25MRatings = 25_000_095;

    /// <summary>
    /// The default (m, n) for N ratings: MovieLens 25M's users and items per rating (≈ 154 ratings per user), with at
    /// least 10 users and at least ⌈8N/m⌉ items, so that a user's cap n/4 stays twice the mean activity.
    /// </summary>
    public static (int Users, int Items) DefaultShape(long ratings)
    {
        int users = (int)Math.Max(10, Math.Round(ratings * (double)MovieLens25MUsers / MovieLens25MRatings));
        long room = (8 * ratings + users - 1) / users;
        return (users, (int)Math.Max(room, Math.Round(ratings * (double)MovieLens25MItems / MovieLens25MRatings)));
    }

    /// <summary>
    /// Writes N = <paramref name="ratings"/> ratings of <paramref name="users"/> users and <paramref name="items"/>
    /// items to <paramref name="path"/> (<c>userId,movieId,rating</c>; Parquet when the path ends in <c>.parquet</c>); a
    /// shape that cannot hold N ratings is a <see cref="UserInputException"/>.
    /// </summary>
    public static void Write(string path, long ratings, int users, int items, ulong seed, IRunProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        Require(ratings, users, items);
        var rng = new Rng(seed);
        int[] counts = Activity(ratings, users, items, rng.Fork());
        var popularity = new AliasTable(Popularity(items, rng.Fork()));
        Rng planted = rng.Fork();
        double s = Math.Pow(0.8 / SyntheticRatings.PlantedRank, 0.25);
        var q = planted.GaussianMatrix(items, SyntheticRatings.PlantedRank, s);
        double[] itemBias = new double[items];
        planted.FillGaussian(itemBias, 0.0, 0.3);
        Rng draws = rng.Fork();
        using IRatingsWriter writer = path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase) ? new ParquetRatingsWriter(path) : new CsvRatingsWriter(path);
        var chosen = new HashSet<int>();
        var row = new double[SyntheticRatings.PlantedRank];
        for (int u = 0; u < users; u++)
        {
            draws.FillGaussian(row, 0.0, s);
            double userBias = draws.Gaussian(0.0, 0.3);
            chosen.Clear();
            while (chosen.Count < counts[u])
            {
                chosen.Add(popularity.Draw(draws));
            }
            int[] rated = [.. chosen];
            Array.Sort(rated);
            foreach (int i in rated)
            {
                double dot = 0;
                for (int f = 0; f < row.Length; f++)
                {
                    dot += row[f] * q[i, f];
                }
                double r = SyntheticRatings.Mean + userBias + itemBias[i] + dot + draws.Gaussian(0.0, SyntheticRatings.Noise);
                double halfStars = Math.Clamp(Math.Round(2 * r, MidpointRounding.ToEven) / 2, 0.5, 5.0);
                writer.Add(u + 1, i + 1, halfStars);
            }
            if ((u + 1) % 1000 == 0 || u + 1 == users)
            {
                progress.Report("ratings", u + 1, users);
            }
        }
    }

    /// <summary>A <see cref="UserInputException"/> unless N ≥ 1 ratings fit m users × n items (at most n/4 per user).</summary>
    public static void Require(long ratings, int users, int items)
    {
        if (ratings < 1 || users < 1 || items < 1)
        {
            throw new UserInputException($"--ratings {ratings}, --users {users}, --items {items}: each must be at least 1");
        }
        if (ratings > (long)users * Math.Max(1, items / 4))
        {
            throw new UserInputException($"--ratings {ratings:N0} does not fit {users:N0} users × {items:N0} items: a user rates at most a quarter of the items ({Math.Max(1, items / 4):N0}), so at most {(long)users * Math.Max(1, items / 4):N0} ratings");
        }
    }

    /// <summary>cᵤ for every user: c₀ plus a Pareto-tailed share of the rest, capped at n/4, summing to N exactly.</summary>
    private static int[] Activity(long ratings, int users, int items, Rng rng)
    {
        int cap = Math.Max(1, items / 4);
        int floor = (int)Math.Min(MinimumPerUser, ratings / users);
        double[] weight = new double[users];
        for (int u = 0; u < users; u++)
        {
            weight[u] = Math.Pow(1.0 - rng.NextDouble(), -1.0 / ActivityTailIndex);
        }
        long[] counts = new long[users];
        Array.Fill(counts, floor);
        long remaining = ratings - ((long)floor * users);
        bool[] capped = new bool[users];
        while (remaining > 0)
        {
            double total = 0;
            for (int u = 0; u < users; u++)
            {
                total += capped[u] ? 0 : weight[u];
            }
            long given = 0;
            var fractions = new List<(double Fraction, int User)>();
            for (int u = 0; u < users; u++)
            {
                if (capped[u])
                {
                    continue;
                }
                double share = remaining * weight[u] / total;
                long whole = Math.Min((long)Math.Floor(share), cap - counts[u]);
                counts[u] += whole;
                given += whole;
                fractions.Add((share - Math.Floor(share), u));
            }
            remaining -= given;
            foreach ((_, int u) in fractions.OrderByDescending(f => f.Fraction).ThenBy(f => f.User))
            {
                if (remaining == 0)
                {
                    break;
                }
                if (counts[u] < cap)
                {
                    counts[u]++;
                    remaining--;
                }
            }
            for (int u = 0; u < users; u++)
            {
                capped[u] |= counts[u] >= cap;
            }
        }
        return [.. counts.Select(c => (int)c)];
    }

    /// <summary>Pr(item) ∝ (its rank)^(−s) for a random ranking of the n items.</summary>
    private static double[] Popularity(int items, Rng rng)
    {
        int[] rank = rng.Permutation(items);
        double[] probability = new double[items];
        for (int i = 0; i < items; i++)
        {
            probability[i] = Math.Pow(rank[i] + 1, -PopularityExponent);
        }
        return probability;
    }
}
