using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Randomness;

namespace ReferenceSolutions.FraudDetection.LogisticRegression;

/// <summary>
/// Percentile-bootstrap 95 % intervals of the model's probability σ(x̃ᵀθ) at each of m rows: B replicates, each a
/// resample of the n training rows of X (n×d), y with replacement (drawn from one <see cref="Rng"/>), refitted by Newton
/// at λ; the replicate logits ẑ*_b = x̃ᵀθ*_b of the m rows (B×m) are sorted per row and the interval is
/// [σ(ẑ*₍ₖ₎), σ(ẑ*₍ₗ₎)] with the order statistics k = ⌈0.025·B⌉ and l = ⌈0.975·B⌉ (1-based; σ is increasing, so these
/// are the probabilities' percentiles too). A replicate on which Newton does not converge (a resample that separates
/// the classes at λ = 0) is not used and is counted in <see cref="Result.Failed"/>; the percentiles are then taken over
/// the B − failed that converged. See docs/fraud-detection.md#coefficient-inference.
/// </summary>
public static class BootstrapPredictionIntervals
{
    /// <summary>The intervals (m each), the replicates used and those whose refit did not converge.</summary>
    public sealed record Result(double[] Lo, double[] Hi, int Used, int Failed);

    /// <summary>The intervals at the rows of <paramref name="rows"/> (m×d) from <paramref name="replicates"/> refits.</summary>
    public static Result Compute(Matrix x, IReadOnlyList<int> y, double lambda, Matrix rows, int replicates, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfLessThan(replicates, 40);
        var rng = new Rng(seed);
        int n = x.Rows, d = x.Columns, m = rows.Rows;
        var logits = new List<double[]>(replicates);
        int failed = 0;
        var sample = new Matrix(n, d);
        int[] sampleY = new int[n];
        for (int b = 0; b < replicates; b++)
        {
            for (int i = 0; i < n; i++)
            {
                int source = rng.NextInt(n);
                x.Row(source).CopyTo(sample.Row(i));
                sampleY[i] = y[source];
            }
            NewtonFit fit = new NewtonLogisticRegression().Solve(sample, sampleY, lambda);
            if (!fit.Converged)
            {
                failed++;
                continue;
            }
            logits.Add(LogisticObjective.Logits(rows, fit.Model.Theta));
        }
        int used = logits.Count;
        if (used < 40)
        {
            throw new InvalidOperationException($"only {used} of {replicates} bootstrap refits converged");
        }
        int k = (int)Math.Ceiling(0.025 * used) - 1, l = (int)Math.Ceiling(0.975 * used) - 1;
        double[] lo = new double[m], hi = new double[m], column = new double[used];
        for (int r = 0; r < m; r++)
        {
            for (int b = 0; b < used; b++)
            {
                column[b] = logits[b][r];
            }
            Array.Sort(column);
            lo[r] = Sigmoid.Of(column[k]);
            hi[r] = Sigmoid.Of(column[l]);
        }
        return new Result(lo, hi, used, failed);
    }
}
