using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Recommender.Ratings;

namespace ReferenceSolutions.Recommender.Factorization;

/// <summary>The global-mean baseline r̂ᵤᵢ = μ.</summary>
public sealed class GlobalMean(double mu) : IRatingModel
{
    /// <inheritdoc/>
    public double Predict(int user, int item) => mu;

    /// <summary>
    /// The same model as a <see cref="BiasedMf"/> over <paramref name="users"/> and <paramref name="items"/> with every
    /// bias 0 and k = 0, how it is saved: its r̂ = μ + 0 + 0 + 0 is μ, bit for bit.
    /// </summary>
    public BiasedMf ToFactors(int users, int items) => new(mu, new double[users], new double[items], new(users, 0), new(items, 0));
}

/// <summary>
/// The bias baseline r̂ᵤᵢ = μ + bᵤ + bᵢ, minimising Σ (r − μ − bᵤ − bᵢ)² + λ(Σᵤ bᵤ² + Σᵢ bᵢ²) by alternating exact
/// updates bᵤ = Σ_{i∈I(u)} (r − μ − bᵢ)/(λ + nᵤ), bᵢ = Σ_{u∈U(i)} (r − μ − bᵤ)/(λ + nᵢ). A user or item without
/// training ratings keeps bias 0 (also for λ = 0, where the formula would be 0/0), so it is predicted by the other terms.
/// </summary>
public sealed class BiasBaseline : IRatingModel
{
    private readonly double _mu;
    private readonly double[] _userBias;
    private readonly double[] _itemBias;

    private BiasBaseline(double mu, double[] userBias, double[] itemBias)
    {
        _mu = mu;
        _userBias = userBias;
        _itemBias = itemBias;
    }

    /// <summary>Fits the biases by <paramref name="sweeps"/> alternating sweeps (users, then items), from zero.</summary>
    public static BiasBaseline Fit(RatingSet train, double lambda, int sweeps)
    {
        ArgumentNullException.ThrowIfNull(train);
        double mu = train.Mean();
        double[] bu = new double[train.UserCount];
        double[] bi = new double[train.ItemCount];
        int[][] byUser = train.ByUser();
        int[][] byItem = train.ByItem();
        for (int sweep = 0; sweep < sweeps; sweep++)
        {
            for (int u = 0; u < bu.Length; u++)
            {
                double sum = 0.0;
                foreach (int r in byUser[u])
                {
                    sum += train.Values[r] - mu - bi[train.Items[r]];
                }
                bu[u] = byUser[u].Length == 0 ? 0.0 : sum / (lambda + byUser[u].Length);
            }
            for (int i = 0; i < bi.Length; i++)
            {
                double sum = 0.0;
                foreach (int r in byItem[i])
                {
                    sum += train.Values[r] - mu - bu[train.Users[r]];
                }
                bi[i] = byItem[i].Length == 0 ? 0.0 : sum / (lambda + byItem[i].Length);
            }
        }
        return new BiasBaseline(mu, bu, bi);
    }

    /// <inheritdoc/>
    public double Predict(int user, int item) => _mu + _userBias[user] + _itemBias[item];

    /// <summary>
    /// The same model as a <see cref="BiasedMf"/> with k = 0 (P: m×0, Q: n×0), how it is saved: its r̂ = μ + bᵤ + bᵢ + 0
    /// has the same bits as <see cref="Predict"/>.
    /// </summary>
    public BiasedMf ToFactors() => new(_mu, (double[])_userBias.Clone(), (double[])_itemBias.Clone(), new(_userBias.Length, 0), new(_itemBias.Length, 0));

    /// <summary>r̂ = μ + bᵢ: the prediction for a user with no ratings at all (bᵤ = 0).</summary>
    public double PredictForNewUser(int item) => _mu + _itemBias[item];
}
