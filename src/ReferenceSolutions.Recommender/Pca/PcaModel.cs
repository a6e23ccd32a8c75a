using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Recommender.Svd;

namespace ReferenceSolutions.Recommender.Pca;

/// <summary>
/// Principal component analysis of X: N×d (N samples as rows, d features) through an SVD of the centred data
/// X_c = X − 1·μᵀ = U·Σ·Vᵀ. Components: the first K rows of Vᵀ (K×d, unit principal axes, largest-magnitude entry
/// positive); explained variance λᵢ = σᵢ²/(N − 1) (the sample-covariance convention of scikit-learn); ratio
/// λᵢ / (‖X_c‖²_F/(N − 1)); projection Z = X_c·Vₖ (N×K); reconstruction X̂ = Z·Vₖᵀ + 1·μᵀ.
/// X is first scaled by an exact power of two, X = 2ᵉ·X̃ with max|x̃ᵢⱼ| ∈ [1, 2), so that neither the means, the centring
/// nor the squares overflow near 1e308 or underflow near 1e-300: the axes of X̃ are those of X and every variance is
/// 2²ᵉ times X̃'s (for any other X this is bit for bit the unscaled computation). A variance beyond the double range is
/// +∞ and one below it 0; <see cref="Verification.Pca(Matrix, int, string, int)"/> refuses such data.
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

    /// <summary>
    /// σⱼ of X_c for j = 1..min(K + 1, p), p = min(N, d): the singular values behind the variances and the gap after them
    /// (+∞ beyond the double range, for data near 1e308).
    /// </summary>
    public double[] SingularValues { get; private init; } = [];

    /// <summary>
    /// τ = (N + 2)·ε·√(N·d)·max|xᵢⱼ| + max(N, d)·ε·σ₁, the rounding level of σ: centring in float64 leaves each entry
    /// of X_c off by at most (N + 2)·ε·max|xᵢⱼ| (the mean's N-term sum, then one subtraction), which moves every σ by at
    /// most √(N·d) times that, and a backward-stable SVD adds max(N, d)·ε·σ₁. σ values within τ of each other or of 0
    /// cannot be told apart in float64.
    /// </summary>
    public double RoundingLevel { get; private init; }

    /// <summary>The numerical rank of X_c: how many σⱼ exceed <see cref="RoundingLevel"/> (0 for constant data).</summary>
    public int Rank { get; private init; }

    /// <summary>
    /// The first j ≤ K with j &lt; p and σⱼ − σⱼ₊₁ ≤ <see cref="RoundingLevel"/>: axes j and j + 1 are then not determined
    /// (any rotation of the two is as good a pair of principal axes; for j = K the K-subspace itself is not), or null.
    /// </summary>
    public int? FirstTie { get; private init; }

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
        (Matrix scaled, int exponent) = PowerOfTwoScaling.Scale(x);
        double[] mean = ColumnMeans(scaled);
        Matrix centred = Centre(scaled, mean);
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
            variance[i] = Math.ScaleB(s2 / (x.Rows - 1), 2 * exponent);
            ratio[i] = total > 0.0 ? s2 / total : 0.0;
        }
        double next = components < result.S.Length ? Math.ScaleB(result.S[components] * result.S[components] / (x.Rows - 1), 2 * exponent) : 0.0;
        double epsilon = PowerOfTwoScaling.MachineEpsilon;
        double tau = ((x.Rows + 2) * epsilon * Math.Sqrt((double)x.Rows * x.Columns) * Norms.MaxAbs(scaled.Data))
            + (Math.Max(x.Rows, x.Columns) * epsilon * result.S[0]);
        return new PcaModel(x.Rows, [.. mean.Select(m => Math.ScaleB(m, exponent))], axes, variance, ratio, next)
        {
            SingularValues = [.. result.S.Take(components + 1).Select(v => Math.ScaleB(v, exponent))],
            RoundingLevel = Math.ScaleB(tau, exponent),
            Rank = result.S.Count(v => v > tau),
            FirstTie = FirstTieOf(result.S, components, tau),
        };
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

    /// <summary>The first j ≤ K (1-based, j &lt; p) with σⱼ − σⱼ₊₁ ≤ τ, or null.</summary>
    private static int? FirstTieOf(double[] s, int components, double tau)
    {
        for (int j = 0; j < Math.Min(components, s.Length - 1); j++)
        {
            if (s[j] - s[j + 1] <= tau)
            {
                return j + 1;
            }
        }
        return null;
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
