using ReferenceSolutions.Recommender.Ratings;

namespace ReferenceSolutions.Recommender.Factorization;

/// <summary>
/// Biased MF by stochastic gradient descent (Funk SVD), from scratch. Epoch e visits the training ratings in the
/// explicit order <c>orders[e]</c> (a permutation of 0..N−1) and, for each rating (u, i, r), takes one gradient step
/// of size η on ℓᵤᵢ = ½eᵤᵢ² + ½λ(bᵤ² + bᵢ² + ‖pᵤ‖² + ‖qᵢ‖²), eᵤᵢ = r − r̂ᵤᵢ, all four gradients taken at the
/// pre-step values: bᵤ += η(e − λbᵤ), bᵢ += η(e − λbᵢ), pᵤ += η(e·qᵢ − λpᵤ), qᵢ += η(e·pᵤ − λqᵢ).
/// Derivation: docs/recommender.md#mf-by-sgd.
/// </summary>
public sealed class MfSgd(double learningRate, double lambda, IReadOnlyList<int[]> orders) : IMfTrainer
{
    /// <inheritdoc/>
    public string Name => "mf-sgd-from-scratch";

    /// <inheritdoc/>
    public BiasedMf Train(BiasedMf initial, RatingSet train, Action<int, BiasedMf>? afterEpoch = null)
    {
        ArgumentNullException.ThrowIfNull(initial);
        ArgumentNullException.ThrowIfNull(train);
        BiasedMf model = initial.Clone();
        for (int epoch = 0; epoch < orders.Count; epoch++)
        {
            foreach (int r in orders[epoch])
            {
                Step(model, train.Users[r], train.Items[r], train.Values[r], learningRate, lambda);
            }
            afterEpoch?.Invoke(epoch + 1, model.Clone());
        }
        return model;
    }

    /// <summary>One SGD step on ℓᵤᵢ (see the class summary); returns the pre-step error e.</summary>
    public static double Step(BiasedMf model, int u, int i, double rating, double learningRate, double lambda)
    {
        ArgumentNullException.ThrowIfNull(model);
        Span<double> pu = model.P.Row(u);
        Span<double> qi = model.Q.Row(i);
        double e = rating - model.Predict(u, i);
        model.UserBias[u] += learningRate * (e - (lambda * model.UserBias[u]));
        model.ItemBias[i] += learningRate * (e - (lambda * model.ItemBias[i]));
        for (int f = 0; f < pu.Length; f++)
        {
            double p = pu[f];
            double q = qi[f];
            pu[f] = p + (learningRate * ((e * q) - (lambda * p)));
            qi[f] = q + (learningRate * ((e * p) - (lambda * q)));
        }
        return e;
    }

    /// <summary>One permutation of 0..N−1 per epoch, drawn in order from <paramref name="rng"/>.</summary>
    public static int[][] Orders(int ratings, int epochs, Core.Randomness.Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        return Enumerable.Range(0, epochs).Select(_ => rng.Permutation(ratings)).ToArray();
    }
}
