using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Randomness;

namespace ReferenceSolutions.FraudDetection.Anomaly;

/// <summary>
/// Rows with a planted, well-separated spectrum, on which the two PCA twins must agree closely (the parity test and its
/// tolerance survey): d = 20 features, a rank-5 signal F·L (F ~ N(0, diag(5, 4, 3, 2, 1.5)²) per row, loadings
/// L ~ N(0, 1), 5×20) plus noise of variance 0.09, so the top-k subspace is separated by an eigen-gap for every
/// k ≤ 5 (beyond 5 the noise spectrum is flat and no two PCA codes need agree). Rows to score: 1,000 like the normal
/// ones and 50 with extra noise of standard deviation 2 off the subspace.
/// </summary>
internal static class PlantedSpectrum
{
    private const int D = 20;
    private static readonly double[] FactorScales = [5, 4, 3, 2, 1.5];

    /// <summary>3,000 normal rows to fit on and 1,050 rows to score, drawn from <paramref name="seed"/>.</summary>
    public static (Matrix Normal, Matrix Rows) Sample(ulong seed)
    {
        var rng = new Rng(seed);
        Matrix loadings = rng.GaussianMatrix(FactorScales.Length, D);
        Matrix normal = Draw(rng, loadings, 3000, 0.0);
        Matrix test = Draw(rng, loadings, 1000, 0.0);
        Matrix anomalies = Draw(rng, loadings, 50, 2.0);
        return (normal, new Matrix(test.Rows + anomalies.Rows, D, [.. test.Data, .. anomalies.Data]));
    }

    private static Matrix Draw(Rng rng, Matrix loadings, int rows, double offLevel)
    {
        Matrix factors = rng.GaussianMatrix(rows, FactorScales.Length);
        for (int i = 0; i < rows; i++)
        {
            System.Numerics.Tensors.TensorPrimitives.Multiply(factors.Row(i), FactorScales, factors.Row(i));
        }
        Matrix x = Gemm.Multiply(factors, loadings);   // (rows,5)·(5,d) → (rows,d)
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < D; j++)
            {
                x[i, j] += (0.3 * rng.Gaussian()) + (offLevel * rng.Gaussian());
            }
        }
        return x;
    }
}
