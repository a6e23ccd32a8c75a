using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Recommender.Svd;

namespace ReferenceSolutions.Recommender.Pca;

/// <summary>
/// Principal component analysis of X: N×d (N samples as rows, d features) through an SVD of the centred data
/// X_c = X − 1·μᵀ = U·Σ·Vᵀ. Components: the first K rows of Vᵀ (K×d, unit principal axes, largest-magnitude entry
/// positive); explained variance λᵢ = σᵢ²/(N − 1) (the sample-covariance convention of scikit-learn); ratio
/// λᵢ / (‖X_c‖²_F/(N − 1)); projection Z = X_c·Vₖ (N×K); reconstruction X̂ = Z·Vₖᵀ + 1·μᵀ.
/// Derivation: docs/recommender.md#pca.
/// </summary>
public sealed class PcaModel
{
    private PcaModel(int samples, double[] mean, Matrix components, double[] explainedVariance, double[] explainedVarianceRatio, double nextVariance)
    {
        Samples = samples;
        Mean = mean;
        Components = components;
        ExplainedVariance = explainedVariance;
        ExplainedVarianceRatio = explainedVarianceRatio;
        NextVariance = nextVariance;
    }

    /// <summary>N, the samples fitted.</summary>
    public int Samples { get; }

    /// <summary>μ: d column means.</summary>
    public double[] Mean { get; }

    /// <summary>Vₖᵀ: K×d, orthonormal rows.</summary>
    public Matrix Components { get; }

    /// <summary>σᵢ²/(N − 1), i = 1..K, descending.</summary>
    public double[] ExplainedVariance { get; }

    /// <summary>σᵢ² / ‖X_c‖²_F, i = 1..K.</summary>
    public double[] ExplainedVarianceRatio { get; }

    /// <summary>λ_{K+1} = σ_{K+1}²/(N − 1), the first variance left out (0 when K = min(N, d)): λ_K − λ_{K+1} is the eigen-gap that decides how well the K-subspace is determined.</summary>
    public double NextVariance { get; }

    /// <summary>The largest K allowed for N samples and d features: min(N − 1, d) (centring removes one degree of freedom).</summary>
    public static int MaxComponents(int samples, int features) => Math.Max(0, Math.Min(samples - 1, features));

    /// <summary>Fits K components of <paramref name="x"/> with the exact SVD <paramref name="svd"/>.</summary>
    public static PcaModel Fit(Matrix x, int components, ISvd svd)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(svd);
        int max = MaxComponents(x.Rows, x.Columns);
        if (components < 1 || components > max)
        {
            throw new ArgumentOutOfRangeException(nameof(components), $"K = {components} must be in 1..min(N − 1, d) = {max}");
        }
        double[] mean = ColumnMeans(x);
        Matrix centred = Centre(x, mean);
        SvdResult result = svd.Decompose(centred);
        double total = 0.0;
        foreach (double value in centred.Data)
        {
            total += value * value;
        }
        var axes = new Matrix(components, x.Columns);
        double[] variance = new double[components];
        double[] ratio = new double[components];
        for (int i = 0; i < components; i++)
        {
            for (int j = 0; j < x.Columns; j++)
            {
                axes[i, j] = result.V[j, i];
            }
            double s2 = result.S[i] * result.S[i];
            variance[i] = s2 / (x.Rows - 1);
            ratio[i] = total > 0.0 ? s2 / total : 0.0;
        }
        double next = components < result.S.Length ? result.S[components] * result.S[components] / (x.Rows - 1) : 0.0;
        return new PcaModel(x.Rows, mean, axes, variance, ratio, next);
    }

    /// <summary>Z = (X − 1·μᵀ)·Vₖ: N×K.</summary>
    public Matrix Transform(Matrix x) => Gemm.MultiplyTransposeB(Centre(x, Mean), Components);

    /// <summary>X̂ = Z·Vₖᵀ + 1·μᵀ: N×d.</summary>
    public Matrix InverseTransform(Matrix z)
    {
        Matrix x = z * Components;
        for (int i = 0; i < x.Rows; i++)
        {
            Span<double> row = x.Row(i);
            for (int j = 0; j < row.Length; j++)
            {
                row[j] += Mean[j];
            }
        }
        return x;
    }

    internal static double[] ColumnMeans(Matrix x)
    {
        double[] mean = new double[x.Columns];
        for (int i = 0; i < x.Rows; i++)
        {
            ReadOnlySpan<double> row = x.Row(i);
            for (int j = 0; j < row.Length; j++)
            {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < mean.Length; j++)
        {
            mean[j] /= x.Rows;
        }
        return mean;
    }

    private static Matrix Centre(Matrix x, double[] mean)
    {
        Matrix c = x.Clone();
        for (int i = 0; i < c.Rows; i++)
        {
            Span<double> row = c.Row(i);
            for (int j = 0; j < row.Length; j++)
            {
                row[j] -= mean[j];
            }
        }
        return c;
    }
}
