using ReferenceSolutions.Core.Evaluation;
using ReferenceSolutions.Core.Randomness;

namespace ReferenceSolutions.Recommender.Ratings;

/// <summary>
/// (user, item, rating) triples over m users and n items, indexed 0..m−1 and 0..n−1; <see cref="UserIds"/> and
/// <see cref="ItemIds"/> map indices back to the ids of the source file. A subset keeps the same index spaces.
/// </summary>
public sealed class RatingSet
{
    /// <summary>Triples in the given order, over the given id maps.</summary>
    public RatingSet(int[] users, int[] items, double[] values, IReadOnlyList<long> userIds, IReadOnlyList<long> itemIds, string source)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(values);
        if (users.Length != items.Length || users.Length != values.Length)
        {
            throw new ArgumentException("users, items and values must have one entry per rating");
        }
        Users = users;
        Items = items;
        Values = values;
        UserIds = userIds;
        ItemIds = itemIds;
        Source = source;
    }

    /// <summary>User index of each rating.</summary>
    public int[] Users { get; }

    /// <summary>Item index of each rating.</summary>
    public int[] Items { get; }

    /// <summary>The rating values.</summary>
    public double[] Values { get; }

    /// <summary>External user id of each user index (m entries).</summary>
    public IReadOnlyList<long> UserIds { get; }

    /// <summary>External item id of each item index (n entries).</summary>
    public IReadOnlyList<long> ItemIds { get; }

    /// <summary>Where the ratings came from (a path, or "generated (seed N)").</summary>
    public string Source { get; }

    /// <summary>Number of ratings.</summary>
    public int Count => Values.Length;

    /// <summary>m.</summary>
    public int UserCount => UserIds.Count;

    /// <summary>n.</summary>
    public int ItemCount => ItemIds.Count;

    /// <summary>μ = mean rating.</summary>
    public double Mean() => Values.Length == 0 ? 0.0 : Values.Average();

    /// <summary>The ratings at <paramref name="indices"/>, in that order, over the same users and items.</summary>
    public RatingSet Subset(IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        int[] users = new int[indices.Count];
        int[] items = new int[indices.Count];
        double[] values = new double[indices.Count];
        for (int r = 0; r < indices.Count; r++)
        {
            users[r] = Users[indices[r]];
            items[r] = Items[indices[r]];
            values[r] = Values[indices[r]];
        }
        return new RatingSet(users, items, values, UserIds, ItemIds, Source);
    }

    /// <summary>
    /// The same ratings re-indexed over only the users and items that occur in them (ids ascending), with the maps
    /// from new to old indices — so small samples get small factor tables.
    /// </summary>
    public (RatingSet Compact, int[] OldUsers, int[] OldItems) Compact()
    {
        int[] oldUsers = Users.Distinct().Order().ToArray();
        int[] oldItems = Items.Distinct().Order().ToArray();
        return (Restrict(oldUsers, oldItems), oldUsers, oldItems);
    }

    /// <summary>
    /// The ratings whose user is in <paramref name="oldUsers"/> and item in <paramref name="oldItems"/>, re-indexed
    /// to positions in those lists (in the original order).
    /// </summary>
    public RatingSet Restrict(int[] oldUsers, int[] oldItems)
    {
        ArgumentNullException.ThrowIfNull(oldUsers);
        ArgumentNullException.ThrowIfNull(oldItems);
        var userIndex = oldUsers.Select((old, index) => (old, index)).ToDictionary(p => p.old, p => p.index);
        var itemIndex = oldItems.Select((old, index) => (old, index)).ToDictionary(p => p.old, p => p.index);
        var users = new List<int>();
        var items = new List<int>();
        var values = new List<double>();
        for (int r = 0; r < Count; r++)
        {
            if (userIndex.TryGetValue(Users[r], out int u) && itemIndex.TryGetValue(Items[r], out int i))
            {
                users.Add(u);
                items.Add(i);
                values.Add(Values[r]);
            }
        }
        return new RatingSet([.. users], [.. items], [.. values], oldUsers.Select(u => UserIds[u]).ToArray(), oldItems.Select(i => ItemIds[i]).ToArray(), Source);
    }

    /// <summary>The index of external user id <paramref name="id"/>, or −1.</summary>
    public int UserIndex(long id)
    {
        for (int u = 0; u < UserIds.Count; u++)
        {
            if (UserIds[u] == id)
            {
                return u;
            }
        }
        return -1;
    }

    /// <summary>Rating indices grouped by user (m lists).</summary>
    public int[][] ByUser() => Group(Users, UserCount);

    /// <summary>Rating indices grouped by item (n lists).</summary>
    public int[][] ByItem() => Group(Items, ItemCount);

    /// <summary>
    /// A seeded random split (Core's <see cref="Splits.Random"/>): round(f·N) ratings, drawn uniformly, to the second part,
    /// the rest to the first; each part keeps the ratings' order in this set.
    /// </summary>
    public (RatingSet First, RatingSet Second) Split(double secondFraction, Rng rng)
    {
        (int[] first, int[] second) = Splits.Random(Count, secondFraction, rng);
        return (Subset(first), Subset(second));
    }

    /// <summary>Whether each user (m entries) has at least one rating here.</summary>
    public bool[] RatedUsers() => Rated(Users, UserCount);

    /// <summary>Whether each item (n entries) has at least one rating here.</summary>
    public bool[] RatedItems() => Rated(Items, ItemCount);

    private static bool[] Rated(int[] keys, int count)
    {
        bool[] rated = new bool[count];
        foreach (int key in keys)
        {
            rated[key] = true;
        }
        return rated;
    }

    private static int[][] Group(int[] keys, int count)
    {
        var lists = new List<int>[count];
        for (int g = 0; g < count; g++)
        {
            lists[g] = [];
        }
        for (int r = 0; r < keys.Length; r++)
        {
            lists[keys[r]].Add(r);
        }
        return lists.Select(l => l.ToArray()).ToArray();
    }
}
