using ReferenceSolutions.Recommender.Evaluation;
using ReferenceSolutions.Recommender.Factorization;

namespace ReferenceSolutions.Recommender.Models;

/// <summary>
/// The one scorer of every rating model the recommender saves (the baselines, MF-SGD, ALS and the TorchSharp twins):
/// external ids → indices, r̂ᵤᵢ = μ + bᵤ + bᵢ + pᵤ·qᵢ by <see cref="BiasedMf.Predict"/>, then clip(r̂) to the training
/// range, as the run reports it. An id the model has never seen gets the run's cold-start rule
/// (<see cref="BiasedMf.ZeroRowsWithoutRatings"/>): bias 0 and a zero factor row, so an unknown user is predicted
/// μ + bᵢ, an unknown item μ + bᵤ, both μ — the same terms, added in the same order, so the same bits as a zeroed row.
/// <c>run recommender</c>, <c>recommend --model</c> and <c>score recommender</c> all predict through this class.
/// </summary>
public sealed class FactorScorer
{
    private readonly Dictionary<long, int> _users;
    private readonly Dictionary<long, int> _items;

    /// <summary>The scorer of <paramref name="model"/> over the id maps (index → id, m and n entries).</summary>
    public FactorScorer(IReadOnlyList<long> userIds, IReadOnlyList<long> itemIds, BiasedMf model, RatingRange range)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        ArgumentNullException.ThrowIfNull(itemIds);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(range);
        if (userIds.Count != model.UserBias.Length || itemIds.Count != model.ItemBias.Length)
        {
            throw new ArgumentException($"{userIds.Count} user and {itemIds.Count} item ids for a model of {model.UserBias.Length} users and {model.ItemBias.Length} items");
        }
        UserIds = userIds;
        ItemIds = itemIds;
        Model = model;
        Range = range;
        _users = Index(userIds);
        _items = Index(itemIds);
    }

    /// <summary>User id of each user index (m).</summary>
    public IReadOnlyList<long> UserIds { get; }

    /// <summary>Item id of each item index (n).</summary>
    public IReadOnlyList<long> ItemIds { get; }

    /// <summary>μ, bᵤ, bᵢ, P and Q.</summary>
    public BiasedMf Model { get; }

    /// <summary>The training range every reported prediction is clipped to.</summary>
    public RatingRange Range { get; }

    /// <summary>The index of user id <paramref name="id"/>, or −1.</summary>
    public int UserIndex(long id) => _users.GetValueOrDefault(id, -1);

    /// <summary>The index of item id <paramref name="id"/>, or −1.</summary>
    public int ItemIndex(long id) => _items.GetValueOrDefault(id, -1);

    /// <summary>r̂ for external ids, unclipped; unknown ids as the class summary says.</summary>
    public double Unclipped(long userId, long itemId) => UnclippedAt(UserIndex(userId), ItemIndex(itemId));

    /// <summary>r̂ for user index <paramref name="u"/> and item index <paramref name="i"/>, unclipped; −1 is an unknown id.</summary>
    public double UnclippedAt(int u, int i)
    {
        if (u >= 0 && i >= 0)
        {
            return Model.Predict(u, i);
        }
        double bu = u >= 0 ? Model.UserBias[u] : 0.0;
        double bi = i >= 0 ? Model.ItemBias[i] : 0.0;
        return Model.Mu + bu + bi + 0.0;
    }

    /// <summary>clip(r̂) for external ids: the number the run reports.</summary>
    public double Predict(long userId, long itemId) => Range.Clip(Unclipped(userId, itemId));

    private static Dictionary<long, int> Index(IReadOnlyList<long> ids)
    {
        var index = new Dictionary<long, int>(ids.Count);
        for (int t = 0; t < ids.Count; t++)
        {
            index.Add(ids[t], t);
        }
        return index;
    }
}
