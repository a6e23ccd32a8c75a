using ReferenceSolutions.Core.LinearAlgebra;

namespace ReferenceSolutions.FraudDetection.Anomaly;

/// <summary>
/// PCA reconstruction error, fitted on normal rows X (m×d): μ and C as in <see cref="Covariance"/>, U (d×k) the top-k
/// eigenvectors of C (<see cref="JacobiEigen"/>). For a row x with r = x − μ: error e(x) = ‖r − U·Uᵀr‖² = ‖r‖² − ‖Uᵀr‖²,
/// the squared distance to the normal subspace (<see cref="ReconstructionError"/>). The score the model reports is
/// ML.NET RandomizedPca's (PcaModelParameters.Score), the normalised error s(x) = √(e(x)/‖r‖²) ∈ [0, 1], the sine of
/// the angle between r and the subspace, so the two twins report the same quantity row by row
/// (docs/fraud-detection.md#pca-and-mahalanobis-anomaly-scores).
/// </summary>
public sealed class PcaAnomalyDetector : IAnomalyScorer
{
    private PcaAnomalyDetector(double[] mean, Matrix basis, double[] eigenvalues)
    {
        Mean = mean;
        Basis = basis;
        Eigenvalues = eigenvalues;
    }

    /// <summary>μ (d).</summary>
    public double[] Mean { get; }

    /// <summary>U (d×k), orthonormal columns.</summary>
    public Matrix Basis { get; }

    /// <summary>All d eigenvalues of C, descending (the spectrum).</summary>
    public double[] Eigenvalues { get; }

    /// <summary>Fits on the rows of <paramref name="normal"/> (m×d) with <paramref name="rank"/> = k components.</summary>
    public static PcaAnomalyDetector Fit(Matrix normal, int rank)
    {
        ArgumentNullException.ThrowIfNull(normal);
        (double[] mean, Matrix covariance) = Covariance.Of(normal);
        JacobiEigen eigen = JacobiEigen.Decompose(covariance);
        int d = normal.Columns;
        var basis = new Matrix(d, rank);
        for (int r = 0; r < d; r++)
        {
            for (int c = 0; c < rank; c++)
            {
                basis[r, c] = eigen.Vectors[r, c];
            }
        }
        return new PcaAnomalyDetector(mean, basis, eigen.Values);
    }

    /// <summary>The detector with μ (d), U (d×k) and the spectrum (d) as a saved model stores them; it scores as the fitted one did.</summary>
    public static PcaAnomalyDetector Restore(double[] mean, Matrix basis, double[] eigenvalues) => new(mean, basis, eigenvalues);

    /// <summary>s(x) = √(e(x)/‖x − μ‖²) per row of X (n×d); 0 for x = μ (where ML.NET's formula is 0/0).</summary>
    public double[] Score(Matrix x) => [.. Errors(x).Select(e => e.Total > 0 ? Math.Sqrt(e.Residual / e.Total) : 0.0)];

    /// <summary>The raw error e(x) = ‖r‖² − ‖Uᵀr‖² per row of X (n×d).</summary>
    public double[] ReconstructionError(Matrix x) => [.. Errors(x).Select(e => e.Residual)];

    private (double Residual, double Total)[] Errors(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var result = new (double, double)[x.Rows];
        double[] r = new double[x.Columns];
        Matrix basisT = Basis.Transpose();
        for (int i = 0; i < x.Rows; i++)
        {
            System.Numerics.Tensors.TensorPrimitives.Subtract(x.Row(i), Mean, r);
            double total = System.Numerics.Tensors.TensorPrimitives.Dot(r, r);
            double[] projected = basisT.Multiply(r);   // (k,d)·(d) → (k)
            double residual = Math.Max(total - System.Numerics.Tensors.TensorPrimitives.Dot(projected, projected), 0.0);
            result[i] = (residual, total);
        }
        return result;
    }
}
