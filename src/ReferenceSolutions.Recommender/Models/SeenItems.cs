using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Recommender.Ratings;

namespace ReferenceSolutions.Recommender.Models;

/// <summary>
/// The items each user has rated in all of a run's ratings, in compressed sparse rows: the item indices of user u are
/// <c>Items[Offsets[u] .. Offsets[u+1])</c>, ascending; <c>Offsets</c> has m + 1 entries, <c>Offsets[0] = 0</c>,
/// non-decreasing, <c>Offsets[m] = N</c> (the number of ratings). A top-N list leaves these items out, and the
/// cold-start list counts an item's ratings as its number of occurrences here.
/// </summary>
public sealed record SeenItems(int[] Offsets, int[] Items)
{
    /// <summary>The rated items of every user of <paramref name="ratings"/>.</summary>
    public static SeenItems Of(RatingSet ratings)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        int[][] byUser = ratings.ByUser();
        int[] offsets = new int[ratings.UserCount + 1];
        int[] items = new int[ratings.Count];
        for (int u = 0; u < byUser.Length; u++)
        {
            int[] rated = [.. byUser[u].Select(r => ratings.Items[r]).Order()];
            rated.CopyTo(items, offsets[u]);
            offsets[u + 1] = offsets[u] + rated.Length;
        }
        return new SeenItems(offsets, items);
    }

    /// <summary>The item indices user <paramref name="user"/> rated.</summary>
    public ReadOnlySpan<int> Of(int user) => Items.AsSpan(Offsets[user], Offsets[user + 1] - Offsets[user]);

    /// <summary>How many users rated each of <paramref name="itemCount"/> items.</summary>
    public int[] Counts(int itemCount)
    {
        int[] counts = new int[itemCount];
        foreach (int item in Items)
        {
            counts[item]++;
        }
        return counts;
    }

    /// <summary>
    /// Checks the structure against m = <paramref name="users"/> and n = <paramref name="items"/>; a violation is a
    /// <see cref="DataFormatException"/> naming <paramref name="file"/> and the field.
    /// </summary>
    public SeenItems Require(string file, int users, int items)
    {
        if (Offsets.Length != users + 1 || Offsets[0] != 0 || Offsets[users] != Items.Length)
        {
            throw new DataFormatException(file, null, "'seen.offsets'", $"needs {users + 1} offsets from 0 to the {Items.Length} items");
        }
        for (int u = 0; u < users; u++)
        {
            if (Offsets[u + 1] < Offsets[u])
            {
                throw new DataFormatException(file, null, "'seen.offsets'", $"decreases at user index {u}");
            }
        }
        for (int t = 0; t < Items.Length; t++)
        {
            if (Items[t] < 0 || Items[t] >= items)
            {
                throw new DataFormatException(file, null, "'seen.items'", $"entry {t} is {Items[t]}, not an item index in 0..{items - 1}");
            }
        }
        return this;
    }
}
