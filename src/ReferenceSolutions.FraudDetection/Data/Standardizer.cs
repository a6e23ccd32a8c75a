using ReferenceSolutions.Core.LinearAlgebra;

namespace ReferenceSolutions.FraudDetection.Data;

/// <summary>
/// z-scores fitted on training rows only: zᵢⱼ = (xᵢⱼ − μⱼ)/sⱼ with μ, s the column means and population standard
/// deviations of X_train (n×d); a constant column gets sⱼ = 1. The same μ, s are applied to test rows.
/// </summary>
public sealed class Standardizer
{
    private Standardizer(double[] mean, double[] scale)
    {
        Mean = mean;
        Scale = scale;
    }

    /// <summary>μ (d).</summary>
    public double[] Mean { get; }

    /// <summary>s (d).</summary>
    public double[] Scale { get; }

    /// <summary>Fits μ and s on <paramref name="x"/>.</summary>
    public static Standardizer Fit(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        int n = x.Rows, d = x.Columns;
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (int i = 0; i < n; i++)
        {
            ReadOnlySpan<double> row = x.Row(i);
            for (int j = 0; j < d; j++)
            {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < d; j++)
        {
            mean[j] /= n;
        }
        for (int i = 0; i < n; i++)
        {
            ReadOnlySpan<double> row = x.Row(i);
            for (int j = 0; j < d; j++)
            {
                double c = row[j] - mean[j];
                scale[j] += c * c;
            }
        }
        for (int j = 0; j < d; j++)
        {
            double s = Math.Sqrt(scale[j] / n);
            scale[j] = s > 0 ? s : 1.0;
        }
        return new Standardizer(mean, scale);
    }

    /// <summary>The standardised copy of <paramref name="x"/>.</summary>
    public Matrix Transform(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var z = new Matrix(x.Rows, x.Columns);
        for (int i = 0; i < x.Rows; i++)
        {
            ReadOnlySpan<double> row = x.Row(i);
            Span<double> target = z.Row(i);
            for (int j = 0; j < x.Columns; j++)
            {
                target[j] = (row[j] - Mean[j]) / Scale[j];
            }
        }
        return z;
    }
}
