using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.FraudDetection.Metrics;

namespace ReferenceSolutions.FraudDetection.Explanations;

/// <summary>
/// Permutation feature importance from scratch (Breiman 2001, §10), model-agnostic: with p = f(X) on n labelled rows
/// X (n×d), AUC = <see cref="RocCurve.Auc"/>(p, y) and L = <see cref="ProbabilityScores.LogLoss"/>(p, y); for each
/// feature j and repeat r = 1..R, X⁽ʲʳ⁾ is X with column j replaced by x_{π(i), j} for a uniform random permutation π
/// (Fisher–Yates, <see cref="Rng.Permutation"/>), and the repeat's AUC drop and log-loss increase are AUC − AUC(f(X⁽ʲʳ⁾))
/// and L(f(X⁽ʲʳ⁾)) − L. Feature j draws its R permutations from its own stream, forked from the caller's generator in
/// feature order before any scoring, so the result depends on the seed only (not on threads). The R permuted copies of
/// X are stacked (Rn×d) and scored in one call, so the model must score each row independently of the others (every
/// model here does); memory is R·n·d per feature scored at once.
/// </summary>
public static class PermutationImportance
{
    /// <summary>
    /// Mean ± standard error over <paramref name="repeats"/> = R ≥ 2 permutations of every feature of
    /// <paramref name="x"/> (n×d, the rows the model is judged on) for the model <paramref name="probabilities"/>
    /// (rows → P(y = 1), n), labels <paramref name="y"/> (n, both classes), feature names <paramref name="names"/> (d);
    /// the log-loss weighted by <paramref name="weights"/> (n; none = 1 each).
    /// </summary>
    public static FeatureImportance[] Compute(Matrix x, int[] y, Func<Matrix, double[]> probabilities, IReadOnlyList<string> names, int repeats, Rng rng, double[]? weights = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(rng);
        ArgumentOutOfRangeException.ThrowIfLessThan(repeats, 2);
        if (names.Count != x.Columns || y.Length != x.Rows)
        {
            throw new ArgumentException($"{x.Rows}×{x.Columns} rows, {y.Length} labels and {names.Count} names do not match");
        }
        double[] baseline = probabilities(x);
        double auc = RocCurve.Auc(baseline, y), logLoss = ProbabilityScores.LogLoss(baseline, y, weights);
        Rng[] streams = [.. names.Select(_ => rng.Fork())];
        var result = new FeatureImportance[x.Columns];
        int n = x.Rows;
        Parallel.For(0, x.Columns, j =>
        {
            int[][] permutations = [.. Enumerable.Range(0, repeats).Select(_ => streams[j].Permutation(n))];
            double[] all = probabilities(Stack(x, j, permutations));
            double[] drops = new double[repeats], increases = new double[repeats];
            for (int r = 0; r < repeats; r++)
            {
                ReadOnlySpan<double> p = all.AsSpan(r * n, n);
                drops[r] = auc - RocCurve.Auc(p, y);
                increases[r] = ProbabilityScores.LogLoss(p, y, weights) - logLoss;
            }
            (double drop, double dropSe) = FeatureImportance.MeanAndStandardError(drops);
            (double increase, double increaseSe) = FeatureImportance.MeanAndStandardError(increases);
            result[j] = new FeatureImportance(names[j], drop, dropSe, increase, increaseSe);
        });
        return result;
    }

    /// <summary>
    /// At most <paramref name="rows"/> = m of the n rows with labels <paramref name="y"/>, in ascending order: all when
    /// n ≤ m, else a class-stratified sample without replacement that keeps the rare class — p = min(P, max(⌊m/2⌋, m − N))
    /// of the P positives and m − p of the N negatives, each drawn uniformly (partial Fisher–Yates). The AUC of the sample
    /// estimates the AUC of all n rows without bias (it is the mean over positive–negative pairs, and each class is
    /// sampled uniformly); the log-loss needs <see cref="ClassWeights"/>.
    /// </summary>
    public static int[] Sample(int[] y, int rows, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(rng);
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 2);
        if (y.Length <= rows)
        {
            return [.. Enumerable.Range(0, y.Length)];
        }
        int[] positives = [.. Enumerable.Range(0, y.Length).Where(i => y[i] == 1)];
        int[] negatives = [.. Enumerable.Range(0, y.Length).Where(i => y[i] != 1)];
        int fromPositives = Math.Min(positives.Length, Math.Max(rows / 2, rows - negatives.Length));
        int[] chosen = [.. Draw(positives, fromPositives, rng), .. Draw(negatives, rows - fromPositives, rng)];
        Array.Sort(chosen);
        return chosen;
    }

    /// <summary>
    /// Weights (one per sampled row) that make a weighted mean over <paramref name="sample"/> estimate the mean over all
    /// rows of <paramref name="y"/> without bias: each row's class count over its sampled count (Horvitz–Thompson).
    /// </summary>
    public static double[] ClassWeights(int[] y, int[] sample)
    {
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(sample);
        int positives = y.Count(v => v == 1), sampledPositives = sample.Count(i => y[i] == 1);
        double positive = (double)positives / sampledPositives, negative = (double)(y.Length - positives) / (sample.Length - sampledPositives);
        return [.. sample.Select(i => y[i] == 1 ? positive : negative)];
    }

    private static int[] Draw(int[] items, int count, Rng rng)
    {
        int[] pool = (int[])items.Clone();
        for (int i = 0; i < count; i++)
        {
            int j = i + rng.NextInt(pool.Length - i);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }
        return pool[..count];
    }

    /// <summary>
    /// R copies of X (n×d) stacked into an Rn×d matrix, copy r with column <paramref name="column"/> replaced by
    /// x_{πᵣ(i), column} for the permutation πᵣ = <paramref name="permutations"/>[r] of 0..n−1; the other columns as in X.
    /// </summary>
    public static Matrix Stack(Matrix x, int column, int[][] permutations)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(permutations);
        int n = x.Rows;
        var stacked = new Matrix(permutations.Length * n, x.Columns);
        for (int r = 0; r < permutations.Length; r++)
        {
            if (permutations[r].Length != n)
            {
                throw new ArgumentException($"permutation {r} has {permutations[r].Length} entries for {n} rows", nameof(permutations));
            }
            x.Data.CopyTo(stacked.Data.AsSpan(r * n * x.Columns));
            for (int i = 0; i < n; i++)
            {
                stacked[(r * n) + i, column] = x[permutations[r][i], column];
            }
        }
        return stacked;
    }

    /// <summary>
    /// The indices of the <paramref name="k"/> features of largest mean AUC drop, largest first; equal drops in feature order.
    /// </summary>
    public static int[] Top(IReadOnlyList<FeatureImportance> importances, int k)
    {
        ArgumentNullException.ThrowIfNull(importances);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        int[] order = [.. Enumerable.Range(0, importances.Count)];
        Array.Sort(order, (a, b) => importances[b].AucDrop != importances[a].AucDrop ? importances[b].AucDrop.CompareTo(importances[a].AucDrop) : a.CompareTo(b));
        return order[..Math.Min(k, order.Length)];
    }
}
