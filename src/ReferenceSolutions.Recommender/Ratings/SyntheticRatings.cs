using ReferenceSolutions.Core.Randomness;

namespace ReferenceSolutions.Recommender.Ratings;

/// <summary>
/// The built-in seeded ratings with a planted rank: r = μ + bᵤ + bᵢ + pᵤ*·qᵢ* + ε over m users and n items, with
/// P*: m×R and Q*: n×R of N(0, s²) entries (s⁴·R = 0.8, so the interaction term has variance 0.8), bᵤ, bᵢ ~ N(0, 0.3²),
/// ε ~ N(0, 0.25²), each (u, i) observed independently with probability <see cref="Density"/>. Ratings are continuous.
/// </summary>
public static class SyntheticRatings
{
    /// <summary>m.</summary>
    public const int Users = 400;

    /// <summary>n.</summary>
    public const int Items = 300;

    /// <summary>R, the planted rank.</summary>
    public const int PlantedRank = 5;

    /// <summary>The probability that a (user, item) pair is rated.</summary>
    public const double Density = 0.3;

    /// <summary>μ.</summary>
    public const double Mean = 3.5;

    /// <summary>The noise standard deviation.</summary>
    public const double Noise = 0.25;

    /// <summary>The ratings for <paramref name="seed"/>, with user ids 1..m and item ids 1..n.</summary>
    public static RatingSet Generate(ulong seed)
    {
        var rng = new Rng(seed);
        double s = Math.Pow(0.8 / PlantedRank, 0.25);
        var p = rng.GaussianMatrix(Users, PlantedRank, s);
        var q = rng.GaussianMatrix(Items, PlantedRank, s);
        double[] bu = new double[Users];
        double[] bi = new double[Items];
        rng.FillGaussian(bu, 0.0, 0.3);
        rng.FillGaussian(bi, 0.0, 0.3);
        var users = new List<int>();
        var items = new List<int>();
        var values = new List<double>();
        for (int u = 0; u < Users; u++)
        {
            for (int i = 0; i < Items; i++)
            {
                if (rng.NextDouble() >= Density)
                {
                    continue;
                }
                double interaction = System.Numerics.Tensors.TensorPrimitives.Dot<double>(p.Row(u), q.Row(i));
                users.Add(u);
                items.Add(i);
                values.Add(Mean + bu[u] + bi[i] + interaction + rng.Gaussian(0.0, Noise));
            }
        }
        return new RatingSet(
            [.. users],
            [.. items],
            [.. values],
            Enumerable.Range(1, Users).Select(x => (long)x).ToArray(),
            Enumerable.Range(1, Items).Select(x => (long)x).ToArray(),
            $"generated (seed {seed})");
    }
}
