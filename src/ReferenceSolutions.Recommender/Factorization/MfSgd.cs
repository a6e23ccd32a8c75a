using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
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
        int[] users = train.Users;
        int[] items = train.Items;
        double[] values = train.Values;
        for (int epoch = 0; epoch < orders.Count; epoch++)
        {
            int[] order = orders[epoch];
            for (int t = 0; t < order.Length; t++)
            {
                int r = order[t];
                StepVectorized(model, users[r], items[r], values[r], learningRate, lambda);
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

    /// <summary>
    /// <see cref="Step"/> with the factor update done four lanes at a time (Vector256). Each lane does the same
    /// IEEE operations in the same order as the scalar loop (multiply, subtract, multiply, add; no fused multiply-add),
    /// and e is computed exactly as <see cref="BiasedMf.Predict"/> does, so the result is bit-for-bit <see cref="Step"/>'s.
    /// </summary>
    public static double StepVectorized(BiasedMf model, int u, int i, double rating, double learningRate, double lambda)
    {
        ArgumentNullException.ThrowIfNull(model);
        Span<double> pu = model.P.Row(u);
        Span<double> qi = model.Q.Row(i);
        double[] userBias = model.UserBias;
        double[] itemBias = model.ItemBias;
        double e = rating - (model.Mu + userBias[u] + itemBias[i] + System.Numerics.Tensors.TensorPrimitives.Dot<double>(pu, qi));
        userBias[u] += learningRate * (e - (lambda * userBias[u]));
        itemBias[i] += learningRate * (e - (lambda * itemBias[i]));
        int f = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            Vector256<double> eta = Vector256.Create(learningRate);
            Vector256<double> ev = Vector256.Create(e);
            Vector256<double> lv = Vector256.Create(lambda);
            ref double pRef = ref MemoryMarshal.GetReference(pu);
            ref double qRef = ref MemoryMarshal.GetReference(qi);
            for (; f <= pu.Length - Vector256<double>.Count; f += Vector256<double>.Count)
            {
                Vector256<double> p = Vector256.LoadUnsafe(ref pRef, (nuint)f);
                Vector256<double> q = Vector256.LoadUnsafe(ref qRef, (nuint)f);
                (p + (eta * ((ev * q) - (lv * p)))).StoreUnsafe(ref pRef, (nuint)f);
                (q + (eta * ((ev * p) - (lv * q)))).StoreUnsafe(ref qRef, (nuint)f);
            }
        }
        for (; f < pu.Length; f++)
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
