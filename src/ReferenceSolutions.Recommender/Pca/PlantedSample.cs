using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Randomness;

namespace ReferenceSolutions.Recommender.Pca;

/// <summary>
/// Seeded data with planted principal structure: X = Z·diag(scales)·W + E + 1·cᵀ (N×d) where Z: N×K ~ N(0, 1),
/// W: K×d has orthonormal rows (thin Q of a Gaussian), E ~ N(0, noise²) and c ~ N(0, shift²) shifts the mean.
/// </summary>
public static class PlantedSample
{
    /// <summary>An N×d sample with K = <paramref name="scales"/>.Length planted axes.</summary>
    public static Matrix Create(int samples, int features, IReadOnlyList<double> scales, double noise, double shift, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(scales);
        ArgumentNullException.ThrowIfNull(rng);
        int k = scales.Count;
        Matrix axes = HouseholderQr.Decompose(rng.GaussianMatrix(features, k)).ThinQ().Transpose(); // (K, d)
        Matrix z = rng.GaussianMatrix(samples, k);
        for (int i = 0; i < samples; i++)
        {
            for (int j = 0; j < k; j++)
            {
                z[i, j] *= scales[j];
            }
        }
        Matrix x = (z * axes) + rng.GaussianMatrix(samples, features, noise);
        double[] offset = new double[features];
        rng.FillGaussian(offset, 0.0, shift);
        for (int i = 0; i < samples; i++)
        {
            Span<double> row = x.Row(i);
            for (int j = 0; j < features; j++)
            {
                row[j] += offset[j];
            }
        }
        return x;
    }
}
