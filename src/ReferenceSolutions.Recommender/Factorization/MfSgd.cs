using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Native;
using ReferenceSolutions.Recommender.Ratings;

namespace ReferenceSolutions.Recommender.Factorization;

/// <summary>
/// Biased MF by stochastic gradient descent (Funk SVD), from scratch. Epoch e visits the training ratings in the
/// explicit order <c>orders[e]</c> (a permutation of 0..N−1) and, for each rating (u, i, r), takes one gradient step
/// of size η on ℓᵤᵢ = ½eᵤᵢ² + ½λ(bᵤ² + bᵢ² + ‖pᵤ‖² + ‖qᵢ‖²), eᵤᵢ = r − r̂ᵤᵢ, all four gradients taken at the
/// pre-step values: bᵤ += η(e − λbᵤ), bᵢ += η(e − λbᵢ), pᵤ += η(e·qᵢ − λpᵤ), qᵢ += η(e·pᵤ − λqᵢ).
/// Derivation: docs/recommender.md#mf-by-sgd.
/// </summary>
public sealed class MfSgd : IMfTrainer
{
    private readonly double _learningRate;
    private readonly double _lambda;
    private readonly EpochOrders _orders;

    /// <summary>MF-SGD with learning rate η, λ and the epochs' rating orders (E = <see cref="EpochOrders.Epochs"/>).</summary>
    public MfSgd(double learningRate, double lambda, EpochOrders orders)
    {
        ArgumentNullException.ThrowIfNull(orders);
        _learningRate = learningRate;
        _lambda = lambda;
        _orders = orders;
    }

    /// <summary>MF-SGD with one given order per epoch.</summary>
    public MfSgd(double learningRate, double lambda, IReadOnlyList<int[]> orders)
        : this(learningRate, lambda, EpochOrders.Given(orders))
    {
    }
    /// <inheritdoc/>
    public string Name => "mf-sgd-from-scratch";

    /// <summary>How many ratings ahead <see cref="Epoch"/> prefetches the factor rows (measured best among 2, 4, 8, 16).</summary>
    private const int PrefetchDistance = 8;

    /// <summary>
    /// A spare factor buffer from an earlier <see cref="Train"/> (see <see cref="Train"/>), taken and given back atomically
    /// so that concurrent calls on one trainer each get their own.
    /// </summary>
    private double[]? _spareFactors;

    /// <summary>
    /// Trains a copy of <paramref name="initial"/>. P and Q are trained in a pinned working buffer whose tables start on a
    /// 64-byte cache-line boundary: a k = 32 row is then exactly four lines, and no 256- or 512-bit load or store of a
    /// row splits a line (a .NET array's data starts wherever the allocator put it, 8-byte aligned; an epoch measured
    /// ≈ 12 % faster aligned). The tables are copied in once, and out into the returned state before each
    /// <paramref name="afterEpoch"/> call and at the end; the buffer is kept for the next call. While an epoch trains, the
    /// next one's order is drawn and its ratings gathered on another core (<see cref="GatherNext"/>). Same arithmetic,
    /// same order, so the same bits as a loop of <see cref="Step"/>s.
    /// </summary>
    public unsafe BiasedMf Train(BiasedMf initial, RatingSet train, Action<int, BiasedMf>? afterEpoch = null)
    {
        ArgumentNullException.ThrowIfNull(initial);
        ArgumentNullException.ThrowIfNull(train);
        int k = initial.Factors, pLength = initial.P.Data.Length, qLength = initial.Q.Data.Length;
        var model = new BiasedMf(initial.Mu, (double[])initial.UserBias.Clone(), (double[])initial.ItemBias.Clone(),
            new Matrix(initial.P.Rows, k, GC.AllocateUninitializedArray<double>(pLength)), new Matrix(initial.Q.Rows, k, GC.AllocateUninitializedArray<double>(qLength)));
        int n = train.Count;
        double[] factors = Interlocked.Exchange(ref _spareFactors, null) is { } spare && spare.Length >= pLength + qLength + (2 * CacheLineDoubles)
            ? spare
            : GC.AllocateUninitializedArray<double>(pLength + qLength + (2 * CacheLineDoubles), pinned: true);
        using IEnumerator<int[]> orders = _orders.For(n).GetEnumerator();
        GatheredRatings[] gathered = _orders.Epochs > 1 ? [new(n), new(n)] : [new(n)];
        Task<bool> next = Task.FromResult(false);
        try
        {
            next = Task.FromResult(GatherNext(orders, 1, train, gathered[0]));
            fixed (double* buffer = factors)
            {
                double* p = AlignToCacheLine(buffer);
                double* q = AlignToCacheLine(p + pLength);
                var pTable = new Span<double>(p, pLength);
                var qTable = new Span<double>(q, qLength);
                initial.P.Data.CopyTo(pTable);
                initial.Q.Data.CopyTo(qTable);
                bool copiedOut = false;
                for (int epoch = 1; next.GetAwaiter().GetResult(); epoch++)
                {
                    GatheredRatings current = gathered[(epoch - 1) % gathered.Length];
                    int following = epoch + 1;
                    next = epoch < _orders.Epochs ? Task.Run(() => GatherNext(orders, following, train, gathered[(following - 1) % gathered.Length])) : Task.FromResult(false);
                    Epoch(p, q, model, current.Users, current.Items, current.Values, _learningRate, _lambda);
                    copiedOut = afterEpoch is not null;
                    if (copiedOut)
                    {
                        pTable.CopyTo(model.P.Data);
                        qTable.CopyTo(model.Q.Data);
                        afterEpoch!(epoch, model);
                    }
                }
                if (!copiedOut)
                {
                    pTable.CopyTo(model.P.Data);
                    qTable.CopyTo(model.Q.Data);
                }
            }
        }
        finally
        {
            // A gathering still running when an epoch threw must finish before its arrays go back to the pool.
            ((IAsyncResult)next).AsyncWaitHandle.WaitOne();
            foreach (GatheredRatings set in gathered)
            {
                set.Dispose();
            }
            Interlocked.Exchange(ref _spareFactors, factors);
        }
        return model;
    }

    private const int CacheLineDoubles = 64 / sizeof(double);

    /// <summary>The first address at or after <paramref name="address"/> on a 64-byte boundary (at most 7 doubles on).</summary>
    private static unsafe double* AlignToCacheLine(double* address) => (double*)(((nuint)address + 63) & ~(nuint)63);

    /// <summary>
    /// Draws the order of epoch <paramref name="epoch"/> from <paramref name="orders"/> and gathers its ratings into
    /// <paramref name="into"/>; false when there are no more epochs. <see cref="Train"/>
    /// runs this for the next epoch on another core while it trains the current one (a seeded order of 2·10⁷ ratings
    /// takes ≈ 0.6 s to shuffle and ≈ 0.3 s to gather, against ≈ 1.7 s for the epoch's steps); the two sets of gathered
    /// ratings take turns.
    /// </summary>
    private static bool GatherNext(IEnumerator<int[]> orders, int epoch, RatingSet train, GatheredRatings into)
    {
        if (!orders.MoveNext())
        {
            return false;
        }
        int[] order = orders.Current;
        if (order.Length != train.Count)
        {
            throw new ArgumentException($"epoch {epoch}'s order has {order.Length} entries for {train.Count} ratings", nameof(train));
        }
        into.Gather(train, order);
        return true;
    }

    /// <summary>
    /// <see cref="StepVectorized(BiasedMf, int, int, double, double, double)"/> on the ratings (users[t], items[t], values[t]) for t = 0, 1, …, in that order
    /// (the epoch's order, gathered into three sequential arrays), with P and Q the tables at <paramref name="p"/> and
    /// <paramref name="q"/> (row-major, <paramref name="model"/>'s shapes) and <paramref name="model"/>'s biases and μ. The 2.5 MB item table of MovieLens at k = 32 does
    /// not fit the 512 KB L2, so ahead of step t the P and Q rows of step t + <see cref="PrefetchDistance"/> are
    /// prefetched; a prefetch changes no value, so the result is bit for bit that of the plain loop of steps.
    /// </summary>
    private static unsafe void Epoch(double* p, double* q, BiasedMf model, ReadOnlySpan<int> users, ReadOnlySpan<int> items, ReadOnlySpan<double> values, double learningRate, double lambda)
    {
        int k = model.Factors;
        double[] userBias = model.UserBias;
        double[] itemBias = model.ItemBias;
        int userRows = model.P.Rows, itemRows = model.Q.Rows;
        for (int t = 0; t < users.Length; t++)
        {
            int ahead = t + PrefetchDistance;
            if (Sse.IsSupported && ahead < users.Length)
            {
                PrefetchRow(p + ((long)users[ahead] * k), k);
                PrefetchRow(q + ((long)items[ahead] * k), k);
            }
            int u = users[t], i = items[t];
            if ((uint)u >= (uint)userRows || (uint)i >= (uint)itemRows)
            {
                throw new ArgumentOutOfRangeException(nameof(users), $"rating {t} of the epoch: user {u} or item {i} is outside the {userRows}×{itemRows} model");
            }
            StepRows(VectorWidth.Current, new Span<double>(p + ((long)u * k), k), new Span<double>(q + ((long)i * k), k), ref userBias[u], ref itemBias[i], model.Mu, values[t], learningRate, lambda);
        }
    }

    private static unsafe void PrefetchRow(double* row, int k)
    {
        for (int f = 0; f < k; f += 8)
        {
            Sse.Prefetch0(row + f);
        }
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
    /// <see cref="Step"/> with the factor update done eight or four lanes at a time (Vector512 or Vector256, the
    /// process's <see cref="VectorWidth.Current"/>). Each lane does the same IEEE operations in the same order as the
    /// scalar loop (multiply, subtract, multiply, add; no fused multiply-add), and e is computed exactly as
    /// <see cref="BiasedMf.Predict"/> does, so the result is bit-for-bit <see cref="Step"/>'s at every width.
    /// </summary>
    public static double StepVectorized(BiasedMf model, int u, int i, double rating, double learningRate, double lambda) =>
        StepVectorized(VectorWidth.Current, model, u, i, rating, learningRate, lambda);

    /// <summary><see cref="StepVectorized(BiasedMf, int, int, double, double, double)"/> in the given width.</summary>
    internal static double StepVectorized(SimdWidth width, BiasedMf model, int u, int i, double rating, double learningRate, double lambda)
    {
        ArgumentNullException.ThrowIfNull(model);
        return StepRows(width, model.P.Row(u), model.Q.Row(i), ref model.UserBias[u], ref model.ItemBias[i], model.Mu, rating, learningRate, lambda);
    }

    /// <summary><see cref="StepVectorized(BiasedMf, int, int, double, double, double)"/> on the rows pᵤ, qᵢ and the biases bᵤ, bᵢ themselves: Vector512 lanes, then Vector256 lanes, then the scalar tail.</summary>
    private static double StepRows(SimdWidth width, Span<double> pu, Span<double> qi, ref double userBias, ref double itemBias, double mu, double rating, double learningRate, double lambda)
    {
        double e = rating - (mu + userBias + itemBias + FactorDot.Compute(width, pu, qi));
        userBias += learningRate * (e - (lambda * userBias));
        itemBias += learningRate * (e - (lambda * itemBias));
        int f = 0;
        ref double pRef = ref MemoryMarshal.GetReference(pu);
        ref double qRef = ref MemoryMarshal.GetReference(qi);
        if (width == SimdWidth.Vector512)
        {
            Vector512<double> eta = Vector512.Create(learningRate);
            Vector512<double> ev = Vector512.Create(e);
            Vector512<double> lv = Vector512.Create(lambda);
            for (; f <= pu.Length - Vector512<double>.Count; f += Vector512<double>.Count)
            {
                Vector512<double> p = Vector512.LoadUnsafe(ref pRef, (nuint)f);
                Vector512<double> q = Vector512.LoadUnsafe(ref qRef, (nuint)f);
                (p + (eta * ((ev * q) - (lv * p)))).StoreUnsafe(ref pRef, (nuint)f);
                (q + (eta * ((ev * p) - (lv * q)))).StoreUnsafe(ref qRef, (nuint)f);
            }
        }
        if (width >= SimdWidth.Vector256)
        {
            Vector256<double> eta = Vector256.Create(learningRate);
            Vector256<double> ev = Vector256.Create(e);
            Vector256<double> lv = Vector256.Create(lambda);
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

    /// <summary>
    /// One permutation of 0..N−1 per epoch, drawn in order from <paramref name="rng"/>, all held at once (E·N ints: for
    /// the tests' and benchmarks' few epochs; a run draws them per epoch through <see cref="EpochOrders.Seeded"/>).
    /// </summary>
    public static int[][] Orders(int ratings, int epochs, Core.Randomness.Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        return Enumerable.Range(0, epochs).Select(_ => rng.Permutation(ratings)).ToArray();
    }
}
