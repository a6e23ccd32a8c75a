namespace ReferenceSolutions.Core.Randomness;

/// <summary>
/// Draws index i with probability wᵢ / Σw in O(1) (Walker's alias method, Vose's construction): scale to
/// pᵢ = n·wᵢ/Σw; repeatedly pair an index with pᵢ &lt; 1 (it keeps pᵢ of its column) with one with pⱼ ≥ 1 (which fills
/// the rest of that column, pⱼ ← pⱼ − (1 − pᵢ)). A draw picks a column i uniformly and returns i with probability
/// pᵢ, else its alias. Built in O(n).
/// </summary>
public sealed class AliasTable
{
    private readonly double[] _keep;
    private readonly int[] _alias;

    /// <summary>The table of non-negative, finite weights <paramref name="weights"/> (at least one positive).</summary>
    public AliasTable(IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        int n = weights.Count;
        double total = weights.Sum();
        if (n == 0 || !double.IsFinite(total) || total <= 0 || weights.Any(w => !(w >= 0)))
        {
            throw new ArgumentException("the weights must be finite, non-negative and not all zero", nameof(weights));
        }
        _keep = new double[n];
        _alias = new int[n];
        double[] scaled = [.. weights.Select(w => w * n / total)];
        var small = new Stack<int>();
        var large = new Stack<int>();
        for (int i = n - 1; i >= 0; i--)
        {
            (scaled[i] < 1.0 ? small : large).Push(i);
        }
        while (small.Count > 0 && large.Count > 0)
        {
            int less = small.Pop();
            int more = large.Pop();
            _keep[less] = scaled[less];
            _alias[less] = more;
            scaled[more] -= 1.0 - scaled[less];
            (scaled[more] < 1.0 ? small : large).Push(more);
        }
        foreach (int i in large.Concat(small))
        {
            _keep[i] = 1.0;
            _alias[i] = i;
        }
    }

    /// <summary>Number of outcomes n.</summary>
    public int Count => _keep.Length;

    /// <summary>The probability that a draw returns <paramref name="i"/>: (pᵢ + Σ_{j: alias j = i, j ≠ i} (1 − pⱼ)) / n.</summary>
    public double Probability(int i)
    {
        double mass = _keep[i];
        for (int j = 0; j < _alias.Length; j++)
        {
            mass += _alias[j] == i && j != i ? 1.0 - _keep[j] : 0.0;
        }
        return mass / _keep.Length;
    }

    /// <summary>One index, drawn with <paramref name="rng"/>.</summary>
    public int Draw(Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        int column = rng.NextInt(_keep.Length);
        return rng.NextDouble() < _keep[column] ? column : _alias[column];
    }
}
