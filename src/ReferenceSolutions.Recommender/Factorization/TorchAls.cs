using ReferenceSolutions.Core.Native;
using ReferenceSolutions.Recommender.Ratings;
using TorchSharp;
using static TorchSharp.torch;

namespace ReferenceSolutions.Recommender.Factorization;

/// <summary>
/// The TorchSharp twin of <see cref="Als"/>: the same weighted-λ objective and user-then-item order, each row's
/// normal equations (ZᵀZ + λnₐ·I)·x = Zᵀy built with tensor ops in float64 and solved by <c>torch.linalg.solve</c>
/// (LU with partial pivoting) instead of Cholesky.
/// </summary>
public sealed class TorchAls(double lambda, int epochs) : IMfTrainer
{
    /// <inheritdoc/>
    public string Name => "als-torch";

    /// <inheritdoc/>
    public BiasedMf Train(BiasedMf initial, RatingSet train, Action<int, BiasedMf>? afterEpoch = null)
    {
        ArgumentNullException.ThrowIfNull(initial);
        ArgumentNullException.ThrowIfNull(train);
        int m = initial.P.Rows;
        int n = initial.Q.Rows;
        int k = initial.Factors;
        using Tensor p = tensor(initial.P.Data, [m, k], ScalarType.Float64);
        using Tensor q = tensor(initial.Q.Data, [n, k], ScalarType.Float64);
        using Tensor bu = tensor(initial.UserBias, [m], ScalarType.Float64);
        using Tensor bi = tensor(initial.ItemBias, [n], ScalarType.Float64);
        using Tensor values = tensor(train.Values, [train.Count], ScalarType.Float64);
        using Tensor users = tensor(train.Users.Select(x => (long)x).ToArray(), [train.Count]);
        using Tensor items = tensor(train.Items.Select(x => (long)x).ToArray(), [train.Count]);
        int[][] byUser = train.ByUser();
        int[][] byItem = train.ByItem();
        BiasedMf state = initial.Clone();
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            HalfStep(initial.Mu, values, byUser, items, bi, q, bu, p, k);
            HalfStep(initial.Mu, values, byItem, users, bu, p, bi, q, k);
            state = TorchMfSgd.Snapshot(initial.Mu, p, q, bu, bi);
            afterEpoch?.Invoke(epoch, state);
        }
        return state;
    }

    private void HalfStep(double mu, Tensor values, int[][] groups, Tensor other, Tensor fixedBias, Tensor fixedFactors, Tensor solvedBias, Tensor solvedFactors, int k)
    {
        using Tensor eye = torch.eye(k + 1, dtype: ScalarType.Float64);
        for (int a = 0; a < groups.Length; a++)
        {
            if (groups[a].Length == 0)
            {
                continue;
            }
            using var pause = CollectorPause.Enter();
            using DisposeScope scope = NewDisposeScope();
            Tensor rows = tensor(groups[a].Select(x => (long)x).ToArray(), [groups[a].Length]); // (nₐ)
            Tensor b = other.index_select(0, rows); // (nₐ)
            Tensor z = cat([ones(groups[a].Length, 1, dtype: ScalarType.Float64), fixedFactors.index_select(0, b)], 1); // (nₐ, k+1)
            Tensor y = values.index_select(0, rows) - mu - fixedBias.index_select(0, b); // (nₐ)
            Tensor gram = z.t().matmul(z) + (lambda * groups[a].Length * eye); // (k+1, nₐ)·(nₐ, k+1) → (k+1, k+1)
            Tensor rhs = z.t().matmul(y); // (k+1, nₐ)·(nₐ) → (k+1)
            Tensor x = linalg.solve(gram, rhs); // (k+1)
            solvedBias[a] = x[0];
            solvedFactors[a] = x[1..];
        }
    }
}
