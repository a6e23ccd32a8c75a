using ReferenceSolutions.Core.LinearAlgebra;

namespace ReferenceSolutions.FraudDetection.Anomaly;

/// <summary>
/// Mahalanobis distance to the normal class: D²(x) = (x − μ)ᵀC⁻¹(x − μ) with μ, C fitted on normal rows X (m×d);
/// C = L·Lᵀ (Core's Cholesky), so D² = ‖L⁻¹(x − μ)‖² by one forward substitution per row.
/// </summary>
public sealed class MahalanobisDetector : IAnomalyScorer
{
    private readonly double[] _mean;
    private readonly Cholesky _cholesky;

    private MahalanobisDetector(double[] mean, Cholesky cholesky)
    {
        _mean = mean;
        _cholesky = cholesky;
    }

    /// <summary>Fits μ and C on <paramref name="normal"/> (m×d).</summary>
    public static MahalanobisDetector Fit(Matrix normal)
    {
        ArgumentNullException.ThrowIfNull(normal);
        (double[] mean, Matrix covariance) = Covariance.Of(normal);
        return new MahalanobisDetector(mean, Cholesky.Factor(covariance));
    }

    /// <inheritdoc/>
    public double[] Score(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        double[] scores = new double[x.Rows];
        double[] r = new double[x.Columns];
        for (int i = 0; i < x.Rows; i++)
        {
            System.Numerics.Tensors.TensorPrimitives.Subtract(x.Row(i), _mean, r);
            double[] y = Triangular.SolveLower(_cholesky.L, r);
            scores[i] = System.Numerics.Tensors.TensorPrimitives.Dot(y, y);
        }
        return scores;
    }
}
