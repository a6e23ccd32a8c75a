using System.Globalization;
using ReferenceSolutions.Core.Randomness;

namespace ReferenceSolutions.Recommender.Ratings;

/// <summary>
/// A seeded uniform sample without replacement of a rating set, for the parts of a large run that cannot take every
/// rating: the ratings at the first <c>size</c> positions of <see cref="Rng.Permutation"/>(N), put back in file
/// order, over the same users and items (index spaces unchanged). A set of at most <c>size</c> ratings is returned
/// whole, with no draw.
/// </summary>
public static class RatingSample
{
    /// <summary>The sample of <paramref name="size"/> ratings of <paramref name="ratings"/> (all of them when there are no more).</summary>
    public static RatingSet Draw(RatingSet ratings, int size, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        ArgumentNullException.ThrowIfNull(rng);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        if (ratings.Count <= size)
        {
            return ratings;
        }
        int[] chosen = rng.Permutation(ratings.Count)[..size];
        Array.Sort(chosen);
        return ratings.Subset(chosen);
    }

    /// <summary>How a sample was drawn, for metrics.json: "seeded uniform sample of n of the N &lt;what&gt; (without replacement, file order kept)".</summary>
    public static string Describe(RatingSet sample, RatingSet whole, string what)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(whole);
        return string.Create(CultureInfo.InvariantCulture, $"a seeded uniform sample of {sample.Count} of the {whole.Count} {what} (without replacement, file order kept)");
    }
}
