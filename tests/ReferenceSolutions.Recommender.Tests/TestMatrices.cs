using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Recommender.Svd;

namespace ReferenceSolutions.Recommender.Tests;

/// <summary>Test matrices: Gaussian, rank-deficient, zero, Hilbert, repeated singular values.</summary>
internal static class TestMatrices
{
    public static Matrix Gaussian(int rows, int columns, ulong seed) => new Core.Randomness.Rng(seed).GaussianMatrix(rows, columns);

    /// <summary>G₁·G₂ with G₁: r×rank, G₂: rank×c Gaussian, so rank(A) = rank almost surely.</summary>
    public static Matrix RankDeficient(int rows, int columns, int rank, ulong seed)
    {
        var rng = new Core.Randomness.Rng(seed);
        return rng.GaussianMatrix(rows, rank) * rng.GaussianMatrix(rank, columns);
    }

    /// <summary>Hᵢⱼ = 1/(i + j + 1), condition number ≈ e^{3.5n}.</summary>
    public static Matrix Hilbert(int n)
    {
        var h = new Matrix(n, n);
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                h[i, j] = 1.0 / (i + j + 1);
            }
        }
        return h;
    }

    /// <summary>Q₁·diag(σ)·Q₂ᵀ with orthonormal Q₁: r×p, Q₂: c×p from Gaussian QRs, and the given σ (p values).</summary>
    public static Matrix WithSingularValues(int rows, int columns, double[] sigma, ulong seed)
    {
        var rng = new Core.Randomness.Rng(seed);
        int p = sigma.Length;
        Matrix q1 = HouseholderQr.Decompose(rng.GaussianMatrix(rows, p)).ThinQ();
        Matrix q2 = HouseholderQr.Decompose(rng.GaussianMatrix(columns, p)).ThinQ();
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < p; j++)
            {
                q1[i, j] *= sigma[j];
            }
        }
        return Gemm.MultiplyTransposeB(q1, q2);
    }
}
