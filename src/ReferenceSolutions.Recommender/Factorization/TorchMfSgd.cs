using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Native;
using ReferenceSolutions.Recommender.Ratings;
using TorchSharp;
using static TorchSharp.torch;

namespace ReferenceSolutions.Recommender.Factorization;

/// <summary>
/// The TorchSharp twin of <see cref="MfSgd"/>: embedding tables P: (m, k), Q: (n, k), bᵤ: (m), bᵢ: (n) as float64
/// parameters, trained by TorchSharp's <c>optim.SGD(lr = η)</c> (TorchSharp's C# re-implementation of PyTorch's SGD
/// rule; no momentum, no weight decay) with one step per rating, in
/// the same explicit order, on the same per-rating loss ℓᵤᵢ = ½e² + ½λ(bᵤ² + bᵢ² + ‖pᵤ‖² + ‖qᵢ‖²). Autograd gives
/// ∂ℓ/∂pᵤ = −e·qᵢ + λpᵤ (zero for every other row), so <c>p ← p − η·grad</c> is the from-scratch update.
/// One autograd step per rating costs ≈ 0.4 ms, so this twin is run on small rating sets.
/// </summary>
public sealed class TorchMfSgd(double learningRate, double lambda, EpochOrders orders) : IMfTrainer
{
    /// <summary>The twin with one given order per epoch.</summary>
    public TorchMfSgd(double learningRate, double lambda, IReadOnlyList<int[]> orders)
        : this(learningRate, lambda, EpochOrders.Given(orders))
    {
    }

    /// <summary>
    /// Steps taken inside one <see cref="CollectorPause"/>. A pause starts with a full collection and allows 16 MB of
    /// allocation, and a step allocates ≈ 23 KB of TorchSharp objects: one pause per step made the twin's time mostly
    /// collections (500 full collections per 500 steps), 256 steps use ≈ 6 MB of the budget.
    /// </summary>
    private const int StepsPerPause = 256;

    /// <inheritdoc/>
    public string Name => "mf-torch";

    /// <inheritdoc/>
    public BiasedMf Train(BiasedMf initial, RatingSet train, Action<int, BiasedMf>? afterEpoch = null)
    {
        ArgumentNullException.ThrowIfNull(initial);
        ArgumentNullException.ThrowIfNull(train);
        int m = initial.P.Rows;
        int n = initial.Q.Rows;
        int k = initial.Factors;
        using var p = new TorchSharp.Modules.Parameter(tensor(initial.P.Data, [m, k], ScalarType.Float64));
        using var q = new TorchSharp.Modules.Parameter(tensor(initial.Q.Data, [n, k], ScalarType.Float64));
        using var bu = new TorchSharp.Modules.Parameter(tensor(initial.UserBias, [m], ScalarType.Float64));
        using var bi = new TorchSharp.Modules.Parameter(tensor(initial.ItemBias, [n], ScalarType.Float64));
        using var optimizer = optim.SGD([p, q, bu, bi], learningRate);
        double mu = initial.Mu;
        BiasedMf state = initial.Clone();
        int epoch = 0;
        foreach (int[] order in orders.For(train.Count))
        {
            for (int start = 0; start < order.Length; start += StepsPerPause)
            {
                using var pause = CollectorPause.Enter();
                foreach (int r in order.AsSpan(start, Math.Min(StepsPerPause, order.Length - start)))
                {
                    using DisposeScope scope = NewDisposeScope();
                    long u = train.Users[r];
                    long i = train.Items[r];
                    optimizer.zero_grad();
                    Tensor pu = p[u]; // (k)
                    Tensor qi = q[i]; // (k)
                    Tensor bu_u = bu[u]; // ()
                    Tensor bi_i = bi[i]; // ()
                    Tensor prediction = mu + bu_u + bi_i + pu.dot(qi); // ()
                    Tensor e = train.Values[r] - prediction;
                    Tensor penalty = (bu_u * bu_u) + (bi_i * bi_i) + pu.dot(pu) + qi.dot(qi);
                    Tensor loss = (0.5 * e * e) + (0.5 * lambda * penalty);
                    loss.backward();
                    optimizer.step();
                }
            }
            using (CollectorPause.Enter())
            {
                state = Snapshot(mu, p, q, bu, bi);
            }
            afterEpoch?.Invoke(++epoch, state);
        }
        return state;
    }

    internal static BiasedMf Snapshot(double mu, Tensor p, Tensor q, Tensor bu, Tensor bi) => new(
        mu,
        bu.detach().data<double>().ToArray(),
        bi.detach().data<double>().ToArray(),
        new Matrix((int)p.shape[0], (int)p.shape[1], p.detach().contiguous().data<double>().ToArray()),
        new Matrix((int)q.shape[0], (int)q.shape[1], q.detach().contiguous().data<double>().ToArray()));
}
