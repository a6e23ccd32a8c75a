using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.Recommender.Ratings;

namespace ReferenceSolutions.Recommender.Tests;

/// <summary>Small seeded rating sets on MovieLens's scale (0.5..5 in steps of 0.5), planted rank 2.</summary>
internal static class TestRatings
{
    /// <summary>m users × n items, each pair rated with probability <paramref name="density"/>; ids 1..m and 1..n.</summary>
    public static RatingSet Planted(int users, int items, double density, ulong seed)
    {
        var rng = new Rng(seed);
        var p = rng.GaussianMatrix(users, 2, 0.8);
        var q = rng.GaussianMatrix(items, 2, 0.8);
        var u = new List<int>();
        var i = new List<int>();
        var r = new List<double>();
        for (int a = 0; a < users; a++)
        {
            for (int b = 0; b < items; b++)
            {
                if (rng.NextDouble() < density)
                {
                    double value = 3.5 + System.Numerics.Tensors.TensorPrimitives.Dot<double>(p.Row(a), q.Row(b)) + rng.Gaussian(0, 0.3);
                    u.Add(a);
                    i.Add(b);
                    r.Add(Math.Clamp(Math.Round(value * 2) / 2, 0.5, 5.0));
                }
            }
        }
        return new RatingSet([.. u], [.. i], [.. r], [.. Enumerable.Range(1, users).Select(x => (long)x)], [.. Enumerable.Range(1, items).Select(x => (long)x)], $"planted test ratings (seed {seed})");
    }

    /// <summary>Writes <paramref name="ratings"/> to a fresh temporary CSV and returns its path.</summary>
    public static string WriteTemp(RatingSet ratings)
    {
        string path = Path.Combine(Path.GetTempPath(), $"refsol-recommender-{Guid.NewGuid():N}.csv");
        RatingsFile.Write(path, ratings);
        return path;
    }
}
