using ReferenceSolutions.Core.LinearAlgebra;

namespace ReferenceSolutions.FraudDetection.Explanations;

/// <summary>
/// Why a logistic regression scored a row as it did: its logit is b + Σⱼ cᵢⱼ with cᵢⱼ = wⱼ·zᵢⱼ, the contribution of
/// feature j to row i on the standardised scale (zᵢⱼ = (xᵢⱼ − μⱼ)/sⱼ, so a feature at its training mean contributes 0).
/// A positive cᵢⱼ pushes the row towards fraud; the contributions and b add up to the logit exactly as computed.
/// </summary>
public static class LinearContributions
{
    /// <summary>C (n×d), Cᵢⱼ = wⱼ·Zᵢⱼ, for standardised rows Z (n×d) and weights w (d).</summary>
    public static Matrix Of(Matrix z, IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(z);
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count != z.Columns)
        {
            throw new ArgumentException($"{weights.Count} weights for {z.Columns} features", nameof(weights));
        }
        var c = new Matrix(z.Rows, z.Columns);
        for (int i = 0; i < z.Rows; i++)
        {
            ReadOnlySpan<double> row = z.Row(i);
            Span<double> target = c.Row(i);
            for (int j = 0; j < row.Length; j++)
            {
                target[j] = weights[j] * row[j];
            }
        }
        return c;
    }

    /// <summary>
    /// The indices of the <paramref name="k"/> contributions of largest |cⱼ| in <paramref name="contributions"/>, largest
    /// first; equal magnitudes in feature order. k above d gives all d.
    /// </summary>
    public static int[] Top(ReadOnlySpan<double> contributions, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        int[] order = [.. Enumerable.Range(0, contributions.Length)];
        double[] magnitude = new double[contributions.Length];
        for (int j = 0; j < magnitude.Length; j++)
        {
            magnitude[j] = Math.Abs(contributions[j]);
        }
        Array.Sort(order, (a, b) => magnitude[b] != magnitude[a] ? magnitude[b].CompareTo(magnitude[a]) : a.CompareTo(b));
        return order[..Math.Min(k, order.Length)];
    }
}
