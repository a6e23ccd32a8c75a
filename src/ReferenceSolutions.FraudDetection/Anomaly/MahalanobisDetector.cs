using ReferenceSolutions.Core.LinearAlgebra;

namespace ReferenceSolutions.FraudDetection.Anomaly;

/// <summary>
/// Mahalanobis distance to the normal class: D²(x) = (x − μ)ᵀC⁻¹(x − μ) with μ, C fitted on normal rows X (m×d);
/// C = L·Lᵀ (Core's Cholesky), so D² = ‖L⁻¹(x − μ)‖² by one forward substitution per row. D² needs C⁻¹, so
/// <see cref="TryFit"/> declines, with the reason, when C is singular or numerically so (<see cref="Collinearity"/>:
/// m ≤ d, a constant feature, or one the others explain up to 1 − R² &lt; 10⁻¹⁰)
/// (docs/fraud-detection.md#pca-and-mahalanobis-anomaly-scores).
/// </summary>
public sealed class MahalanobisDetector : IAnomalyScorer
{
    private readonly double[] _mean;
    private readonly Cholesky _cholesky;

    private MahalanobisDetector(double[] mean, Matrix covariance, Cholesky cholesky)
    {
        _mean = mean;
        CovarianceMatrix = covariance;
        _cholesky = cholesky;
    }

    /// <summary>μ (d) of the normal rows.</summary>
    public IReadOnlyList<double> Mean => _mean;

    /// <summary>C (d×d) of the normal rows; L is its Cholesky factor.</summary>
    public Matrix CovarianceMatrix { get; }

    /// <summary>The detector, or why it cannot be fitted.</summary>
    public sealed record FitResult(MahalanobisDetector? Detector, string? Reason);

    /// <summary>Fits μ and C on <paramref name="normal"/> (m×d); throws <see cref="LinearAlgebraException"/> with the reason when C is singular.</summary>
    public static MahalanobisDetector Fit(Matrix normal)
    {
        FitResult result = TryFit(normal, null);
        return result.Detector ?? throw new LinearAlgebraException(result.Reason!);
    }

    /// <summary>Fits μ and C on <paramref name="normal"/> (m×d), or says why C⁻¹ does not exist numerically, naming the feature from <paramref name="names"/> (d).</summary>
    public static FitResult TryFit(Matrix normal, IReadOnlyList<string>? names)
    {
        ArgumentNullException.ThrowIfNull(normal);
        (double[] mean, Matrix covariance) = Covariance.Of(normal);
        (Cholesky? factor, string? problem) = Collinearity.Check(normal, covariance, names, "legitimate training rows");
        return factor is null
            ? new FitResult(null, "Mahalanobis distance not computed: " + problem)
            : new FitResult(new MahalanobisDetector(mean, covariance, factor), null);
    }

    /// <summary>
    /// The detector with μ (d) and C (d×d) as a saved model stores them: C is factored again by the same Cholesky, so
    /// L and every D² are bit for bit the fitted one's; throws <see cref="LinearAlgebraException"/> when C is not
    /// positive definite.
    /// </summary>
    public static MahalanobisDetector Restore(double[] mean, Matrix covariance) => new(mean, covariance, Cholesky.Factor(covariance));

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
