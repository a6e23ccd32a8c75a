namespace ReferenceSolutions.Core.LinearAlgebra;

/// <summary>Vector and matrix norms, and the max-abs difference the parity checks report. Derivation: docs/core.md#norms.</summary>
public static class Norms
{
    /// <summary>
    /// ‖x‖₂ = s·√(Σ (xᵢ/s)²) with s = maxᵢ|xᵢ|: the scaling keeps the squares from overflowing or underflowing.
    /// </summary>
    public static double Euclidean(ReadOnlySpan<double> x)
    {
        double scale = MaxAbs(x);
        if (scale == 0.0 || double.IsInfinity(scale) || double.IsNaN(scale))
        {
            return scale;
        }
        double sum = 0.0;
        foreach (double value in x)
        {
            double scaled = value / scale;
            sum += scaled * scaled;
        }
        return scale * Math.Sqrt(sum);
    }

    /// <summary>‖A‖_F = ‖vec(A)‖₂.</summary>
    public static double Frobenius(Matrix a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return Euclidean(a.Data);
    }

    /// <summary>‖x‖_∞ = maxᵢ |xᵢ| (NaN if any element is NaN).</summary>
    public static double MaxAbs(ReadOnlySpan<double> x)
    {
        double max = 0.0;
        foreach (double value in x)
        {
            double magnitude = Math.Abs(value);
            if (double.IsNaN(magnitude))
            {
                return double.NaN;
            }
            max = Math.Max(max, magnitude);
        }
        return max;
    }

    /// <summary>‖A‖₁ = maxⱼ Σᵢ |aᵢⱼ|, the largest column sum.</summary>
    public static double One(Matrix a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var sums = new double[a.Columns];
        for (int i = 0; i < a.Rows; i++)
        {
            Span<double> row = a.Row(i);
            for (int j = 0; j < a.Columns; j++)
            {
                sums[j] += Math.Abs(row[j]);
            }
        }
        return sums.Length == 0 ? 0.0 : sums.Max();
    }

    /// <summary>‖A‖_∞ = maxᵢ Σⱼ |aᵢⱼ|, the largest row sum.</summary>
    public static double Infinity(Matrix a)
    {
        ArgumentNullException.ThrowIfNull(a);
        double max = 0.0;
        for (int i = 0; i < a.Rows; i++)
        {
            double sum = 0.0;
            foreach (double value in a.Row(i))
            {
                sum += Math.Abs(value);
            }
            max = Math.Max(max, sum);
        }
        return max;
    }

    /// <summary>maxᵢ |xᵢ − yᵢ|; NaN anywhere gives NaN, so a NaN can never pass a tolerance.</summary>
    public static double MaxAbsDiff(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException($"lengths differ: {x.Length} and {y.Length}");
        }
        double max = 0.0;
        for (int i = 0; i < x.Length; i++)
        {
            double difference = Math.Abs(x[i] - y[i]);
            if (double.IsNaN(difference))
            {
                return double.NaN;
            }
            max = Math.Max(max, difference);
        }
        return max;
    }

    /// <summary>maxᵢⱼ |aᵢⱼ − bᵢⱼ| for two matrices of one shape.</summary>
    public static double MaxAbsDiff(Matrix a, Matrix b)
    {
        ArgumentNullException.ThrowIfNull(a);
        a.RequireSameShape(b, nameof(b));
        return MaxAbsDiff(a.Data, b.Data);
    }
}
