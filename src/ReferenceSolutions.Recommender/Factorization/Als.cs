using System.Numerics.Tensors;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Recommender.Ratings;

namespace ReferenceSolutions.Recommender.Factorization;

/// <summary>
/// Biased MF by alternating least squares, from scratch, minimising exactly (Spark MLlib's weighted-λ convention)
/// J = Σ_{(u,i)} (r − μ − bᵤ − bᵢ − pᵤ·qᵢ)² + λ(Σᵤ nᵤ(bᵤ² + ‖pᵤ‖²) + Σᵢ nᵢ(bᵢ² + ‖qᵢ‖²)),
/// nᵤ, nᵢ the rating counts. Each epoch solves every user, then every item, in closed form: for user u with
/// xᵤ = [bᵤ; pᵤ] ∈ ℝ^{k+1}, zᵢ = [1; qᵢ] and yᵤᵢ = r − μ − bᵢ, (Σᵢ zᵢzᵢᵀ + λnᵤ·I)·xᵤ = Σᵢ zᵢ·yᵤᵢ, solved by
/// Cholesky (Core); items likewise with zᵤ = [1; pᵤ], yᵤᵢ = r − μ − bᵤ. A row with fewer ratings than k + 1 is solved
/// through the push-through identity instead: with Z: nₐ×(k+1) its rows zᵢᵀ and c = λnₐ, (ZᵀZ + c·I)⁻¹·Zᵀ =
/// Zᵀ·(ZZᵀ + c·I)⁻¹, so xᵤ = Zᵀ·w with (ZZᵀ + c·I)·w = y, an nₐ×nₐ system — the same solution at O(nₐ²k) instead of
/// O(k³), so an epoch costs O(N·k²) however the N ratings spread over users and items. Users or items without ratings
/// are not solved and keep their values — zero after <see cref="BiasedMf.ZeroRowsWithoutRatings"/>, so they are
/// predicted by the baseline terms. J never increases (each half-step is an exact block minimiser). Derivation:
/// docs/recommender.md#als.
/// </summary>
public sealed class Als(double lambda, int epochs) : IMfTrainer
{
    /// <inheritdoc/>
    public string Name => "als-from-scratch";

    /// <inheritdoc/>
    public BiasedMf Train(BiasedMf initial, RatingSet train, Action<int, BiasedMf>? afterEpoch = null)
    {
        ArgumentNullException.ThrowIfNull(initial);
        ArgumentNullException.ThrowIfNull(train);
        BiasedMf model = initial.Clone();
        int[][] byUser = train.ByUser();
        int[][] byItem = train.ByItem();
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            HalfStep(model.Mu, train.Values, byUser, train.Items, model.ItemBias, model.Q, model.UserBias, model.P, lambda);
            HalfStep(model.Mu, train.Values, byItem, train.Users, model.UserBias, model.P, model.ItemBias, model.Q, lambda);
            afterEpoch?.Invoke(epoch, model);
        }
        return model;
    }

    /// <summary>J of <paramref name="model"/> on <paramref name="train"/> (the objective in the class summary).</summary>
    public static double Objective(BiasedMf model, RatingSet train, double lambda)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(train);
        double loss = 0.0;
        for (int r = 0; r < train.Count; r++)
        {
            double e = train.Values[r] - model.Predict(train.Users[r], train.Items[r]);
            loss += e * e;
        }
        int[][] byUser = train.ByUser();
        int[][] byItem = train.ByItem();
        double penalty = 0.0;
        for (int u = 0; u < byUser.Length; u++)
        {
            penalty += byUser[u].Length * ((model.UserBias[u] * model.UserBias[u]) + TensorPrimitives.Dot(model.P.Row(u), model.P.Row(u)));
        }
        for (int i = 0; i < byItem.Length; i++)
        {
            penalty += byItem[i].Length * ((model.ItemBias[i] * model.ItemBias[i]) + TensorPrimitives.Dot(model.Q.Row(i), model.Q.Row(i)));
        }
        return loss + (lambda * penalty);
    }

    /// <summary>
    /// Solves every row a of the "solved" side: x_a = [bias_a; factors_a] from (Σ zzᵀ + λn_a·I)·x_a = Σ z·y with
    /// z = [1; fixedFactors_b] and y = r − μ − fixedBias_b over the ratings of a; by the push-through identity when
    /// n_a &lt; k + 1 (see the class summary). A row's solve reads only the fixed side and writes only its own row, so
    /// the rows are solved on every core, <see cref="RowsPerTask"/> at a time, each task with its own work buffers: the
    /// same operations on the same values as one row after another, so the same bits.
    /// </summary>
    private static void HalfStep(double mu, double[] values, int[][] groups, int[] other, double[] fixedBias, Matrix fixedFactors, double[] solvedBias, Matrix solvedFactors, double lambda)
    {
        int k = solvedFactors.Columns;
        Parallel.For(0, (groups.Length + RowsPerTask - 1) / RowsPerTask, task =>
        {
            var gram = new Matrix(k + 1, k + 1);
            double[] rhs = new double[k + 1];
            double[] zRows = new double[GramAccumulation.Block * (k + 1)];
            int end = Math.Min(groups.Length, (task + 1) * RowsPerTask);
            for (int a = task * RowsPerTask; a < end; a++)
            {
                int[] ratings = groups[a];
                if (ratings.Length == 0)
                {
                    continue;
                }
                double ridge = lambda * ratings.Length;
                double[] x = ratings.Length < k + 1
                    ? PushThrough(mu, values, ratings, other, fixedBias, fixedFactors, ridge)
                    : NormalEquations(mu, values, ratings, other, fixedBias, fixedFactors, ridge, gram, rhs, zRows);
                solvedBias[a] = x[0];
                x.AsSpan(1).CopyTo(solvedFactors.Row(a));
            }
        });
    }

    /// <summary>Rows per parallel task of <see cref="HalfStep"/> (enough that a task's buffers cost nothing beside its solves).</summary>
    private const int RowsPerTask = 512;

    /// <summary>
    /// x = (ZᵀZ + c·I)⁻¹·Zᵀy from the (k+1)×(k+1) normal equations, accumulated rating by rating into
    /// <paramref name="gram"/> (lower triangle, <see cref="GramAccumulation"/>, <see cref="GramAccumulation.Block"/>
    /// ratings at a time from <paramref name="zRows"/>) and <paramref name="rhs"/>.
    /// </summary>
    private static double[] NormalEquations(double mu, double[] values, int[] ratings, int[] other, double[] fixedBias, Matrix fixedFactors, double ridge, Matrix gram, double[] rhs, double[] zRows)
    {
        int k = fixedFactors.Columns;
        gram.AsSpan().Clear();
        Array.Clear(rhs);
        for (int start = 0; start < ratings.Length; start += GramAccumulation.Block)
        {
            int count = Math.Min(GramAccumulation.Block, ratings.Length - start);
            for (int t = 0; t < count; t++)
            {
                int r = ratings[start + t];
                int b = other[r];
                Span<double> z = zRows.AsSpan(t * (k + 1), k + 1);
                z[0] = 1.0;
                fixedFactors.Row(b).CopyTo(z[1..]);
                double y = values[r] - mu - fixedBias[b];
                TensorPrimitives.MultiplyAdd(z, y, rhs, rhs);
            }
            GramAccumulation.AddBlock(zRows, count, gram);
        }
        for (int s = 0; s <= k; s++)
        {
            gram[s, s] += ridge;
        }
        return Cholesky.Factor(gram).Solve(rhs);
    }

    /// <summary>x = Zᵀ·(ZZᵀ + c·I)⁻¹·y, the same solution through the nₐ×nₐ system (nₐ &lt; k + 1).</summary>
    private static double[] PushThrough(double mu, double[] values, int[] ratings, int[] other, double[] fixedBias, Matrix fixedFactors, double ridge)
    {
        int n = ratings.Length;
        int k = fixedFactors.Columns;
        var zRows = new Matrix(n, k + 1); // (nₐ, k+1): row t is zᵀ of rating t
        double[] y = new double[n];
        for (int t = 0; t < n; t++)
        {
            int b = other[ratings[t]];
            Span<double> row = zRows.Row(t);
            row[0] = 1.0;
            fixedFactors.Row(b).CopyTo(row[1..]);
            y[t] = values[ratings[t]] - mu - fixedBias[b];
        }
        var kernel = new Matrix(n, n); // ZZᵀ + c·I, lower triangle: (nₐ, k+1)·(k+1, nₐ) → (nₐ, nₐ)
        for (int s = 0; s < n; s++)
        {
            for (int t = 0; t <= s; t++)
            {
                kernel[s, t] = TensorPrimitives.Dot<double>(zRows.Row(s), zRows.Row(t));
            }
            kernel[s, s] += ridge;
        }
        double[] w = Cholesky.Factor(kernel).Solve(y);
        double[] x = new double[k + 1];
        for (int t = 0; t < n; t++)
        {
            TensorPrimitives.MultiplyAdd(zRows.Row(t), w[t], x, x); // x = Zᵀ·w: (k+1, nₐ)·(nₐ) → (k+1)
        }
        return x;
    }
}
