using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Randomness;

namespace ReferenceSolutions.Recommender.Factorization;

/// <summary>
/// Biased matrix factorization r̂ᵤᵢ = μ + bᵤ + bᵢ + pᵤ·qᵢ over m users, n items and k factors:
/// μ the training mean (fixed), bᵤ: m user biases, bᵢ: n item biases, P: m×k user factors (row pᵤ),
/// Q: n×k item factors (row qᵢ). Both trainers (<see cref="MfSgd"/>, <see cref="Als"/>) and their TorchSharp twins
/// start from one such state, passed explicitly.
/// </summary>
public sealed class BiasedMf(double mu, double[] userBias, double[] itemBias, Matrix p, Matrix q) : IRatingModel
{
    /// <summary>μ.</summary>
    public double Mu { get; } = mu;

    /// <summary>bᵤ, m entries.</summary>
    public double[] UserBias { get; } = userBias;

    /// <summary>bᵢ, n entries.</summary>
    public double[] ItemBias { get; } = itemBias;

    /// <summary>P: m×k.</summary>
    public Matrix P { get; } = p;

    /// <summary>Q: n×k.</summary>
    public Matrix Q { get; } = q;

    /// <summary>k.</summary>
    public int Factors => P.Columns;

    /// <summary>Biases 0, P and Q with independent N(0, sd²) entries (P first, row by row, then Q).</summary>
    public static BiasedMf Initial(int users, int items, int factors, double mu, double standardDeviation, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        Matrix p = rng.GaussianMatrix(users, factors, standardDeviation);
        Matrix q = rng.GaussianMatrix(items, factors, standardDeviation);
        return new BiasedMf(mu, new double[users], new double[items], p, q);
    }

    /// <summary>The rows of the given users and items (same μ): the state restricted to a re-indexed sample.</summary>
    public BiasedMf Rows(int[] users, int[] items)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(items);
        var p = new Matrix(users.Length, Factors);
        var q = new Matrix(items.Length, Factors);
        for (int u = 0; u < users.Length; u++)
        {
            P.Row(users[u]).CopyTo(p.Row(u));
        }
        for (int i = 0; i < items.Length; i++)
        {
            Q.Row(items[i]).CopyTo(q.Row(i));
        }
        return new BiasedMf(Mu, users.Select(u => UserBias[u]).ToArray(), items.Select(i => ItemBias[i]).ToArray(), p, q);
    }

    /// <summary>Whether μ, every bias and every factor is finite (false once training has diverged).</summary>
    public bool IsFinite() => double.IsFinite(Mu) && AllFinite(UserBias) && AllFinite(ItemBias) && AllFinite(P.Data) && AllFinite(Q.Data);

    /// <summary>A deep copy.</summary>
    public BiasedMf Clone() => new(Mu, (double[])UserBias.Clone(), (double[])ItemBias.Clone(), P.Clone(), Q.Clone());

    /// <inheritdoc/>
    public double Predict(int user, int item)
    {
        ReadOnlySpan<double> pu = P.Row(user);
        ReadOnlySpan<double> qi = Q.Row(item);
        return Mu + UserBias[user] + ItemBias[item] + FactorDot.Compute(pu, qi);
    }

    /// <summary>
    /// Cold start: sets pᵤ = 0 and bᵤ = 0 for every user, and qᵢ = 0 and bᵢ = 0 for every item, without a rating in
    /// <paramref name="train"/> (in place; returns this state). Neither trainer ever moves such a row — an SGD step
    /// touches only the rows of the rating it takes, and ALS solves only rows with ratings — so after training a cold
    /// user is predicted μ + bᵢ, a cold item μ + bᵤ, and a pair of both μ: the baseline terms, never random factors.
    /// </summary>
    public BiasedMf ZeroRowsWithoutRatings(Ratings.RatingSet train)
    {
        ArgumentNullException.ThrowIfNull(train);
        bool[] users = train.RatedUsers();
        bool[] items = train.RatedItems();
        if (users.Length != P.Rows || items.Length != Q.Rows)
        {
            throw new ArgumentException($"the ratings index {users.Length} users and {items.Length} items but the model has {P.Rows} and {Q.Rows}", nameof(train));
        }
        for (int u = 0; u < users.Length; u++)
        {
            if (!users[u])
            {
                UserBias[u] = 0.0;
                P.Row(u).Clear();
            }
        }
        for (int i = 0; i < items.Length; i++)
        {
            if (!items[i])
            {
                ItemBias[i] = 0.0;
                Q.Row(i).Clear();
            }
        }
        return this;
    }

    /// <summary>
    /// Adds μ, bᵤ, bᵢ, P and Q of this state (the comparison's left side) and of <paramref name="twin"/> (its right side)
    /// to <paramref name="comparison"/>, each part named with <paramref name="label"/> (e.g. <c>epoch 3</c>).
    /// </summary>
    public void AddTo(Core.Reporting.Comparison comparison, BiasedMf twin, string label)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(twin);
        comparison.Add($"{label} μ", Mu, twin.Mu)
            .Add($"{label} bᵤ", UserBias, twin.UserBias)
            .Add($"{label} bᵢ", ItemBias, twin.ItemBias)
            .Add($"{label} P", P, twin.P)
            .Add($"{label} Q", Q, twin.Q);
    }

    private static bool AllFinite(double[] values)
    {
        foreach (double value in values)
        {
            if (!double.IsFinite(value))
            {
                return false;
            }
        }
        return true;
    }
}
