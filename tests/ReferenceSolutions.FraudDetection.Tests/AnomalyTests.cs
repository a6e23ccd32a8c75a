using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.FraudDetection.Anomaly;
using Xunit.Abstractions;

namespace ReferenceSolutions.FraudDetection.Tests;

/// <summary>Jacobi against MathNet's eigen-decomposition (oracle), and the PCA anomaly score against ML.NET's RandomizedPca.</summary>
public class AnomalyTests(ITestOutputHelper output)
{
    private static Matrix RandomSymmetric(int d, ulong seed)
    {
        Matrix g = new Rng(seed).GaussianMatrix(d + 3, d);
        return Gemm.MultiplyTransposeA(g, g);
    }

    [Theory]
    [InlineData(1, 1UL)]
    [InlineData(2, 2UL)]
    [InlineData(7, 3UL)]
    [InlineData(30, 4UL)]
    public void Jacobi_eigenvalues_match_MathNet_and_V_diag_VT_rebuilds_A(int d, ulong seed)
    {
        Matrix a = RandomSymmetric(d, seed);
        JacobiEigen eigen = JacobiEigen.Decompose(a);
        var oracle = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfRowArrays(a.ToRowArrays()).Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric);
        double[] expected = [.. oracle.EigenValues.Select(c => c.Real).OrderDescending()];
        double scale = Norms.Frobenius(a);
        Assert.True(Norms.MaxAbsDiff(eigen.Values, expected) <= 1e-12 * scale, "eigenvalues differ from MathNet");
        for (int k = 1; k < d; k++)
        {
            Assert.True(eigen.Values[k - 1] >= eigen.Values[k]);
        }
        Matrix v = eigen.Vectors;
        Matrix rebuilt = new Matrix(d, d);
        for (int i = 0; i < d; i++)
        {
            for (int j = 0; j < d; j++)
            {
                for (int k = 0; k < d; k++)
                {
                    rebuilt[i, j] += v[i, k] * eigen.Values[k] * v[j, k];
                }
            }
        }
        Assert.True(Norms.MaxAbsDiff(rebuilt, a) <= 1e-12 * scale, "V·diag(λ)·Vᵀ ≠ A");
        Assert.True(Norms.MaxAbsDiff(Gemm.MultiplyTransposeA(v, v), Matrix.Identity(d)) <= 1e-12, "VᵀV ≠ I");
    }

    [Fact]
    public void PCA_error_is_zero_inside_the_subspace_and_equals_the_residual_outside()
    {
        var rng = new Rng(5);
        Matrix normal = rng.GaussianMatrix(500, 6);
        PcaAnomalyDetector pca = PcaAnomalyDetector.Fit(normal, 6);
        Assert.All(pca.Score(normal), e => Assert.True(e <= 1e-9, "full rank reconstructs exactly"));
        PcaAnomalyDetector low = PcaAnomalyDetector.Fit(normal, 2);
        double[] x = [1, -2, 0.5, 3, 0, 1];
        double[] r = [.. x.Select((v, j) => v - low.Mean[j])];
        double[] projected = low.Basis.Transpose().Multiply(r);
        double[] back = low.Basis.Multiply(projected);
        double expected = r.Select((v, j) => (v - back[j]) * (v - back[j])).Sum();
        Assert.Equal(expected, low.Score(new Matrix(1, 6, x))[0], 10);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    public void PCA_anomaly_ranks_match_MLNet_RandomizedPca_at_the_same_rank(int rank)
    {
        // Normal rows: a rank-5 signal with factor standard deviations 5, 4, 3, 2, 1.5 plus noise of variance 0.09, so
        // the top-k subspace is separated by an eigen-gap for every k ≤ 5. (Beyond 5 the noise spectrum is flat, the
        // top-k subspace is not unique, and no two PCA codes need agree.)
        const int D = 20;
        var rng = new Rng(21);
        Matrix loadings = rng.GaussianMatrix(5, D);
        Matrix Draw(int rows, double offLevel)
        {
            Matrix factors = rng.GaussianMatrix(rows, 5);
            for (int i = 0; i < rows; i++)
            {
                factors.Row(i)[0] *= 5;
                factors.Row(i)[1] *= 4;
                factors.Row(i)[2] *= 3;
                factors.Row(i)[3] *= 2;
                factors.Row(i)[4] *= 1.5;
            }
            Matrix x = Gemm.Multiply(factors, loadings);
            for (int i = 0; i < rows; i++)
            {
                for (int j = 0; j < D; j++)
                {
                    x[i, j] += (0.3 * rng.Gaussian()) + (offLevel * rng.Gaussian());
                }
            }
            return x;
        }
        Matrix normal = Draw(3000, 0.0);
        Matrix test = Draw(1000, 0.0);
        Matrix anomalies = Draw(50, 2.0);
        Matrix all = new(test.Rows + anomalies.Rows, D, [.. test.Data, .. anomalies.Data]);
        double[] ours = PcaAnomalyDetector.Fit(normal, rank).NormalizedScore(all);
        double[] theirs = MLNetPcaAnomaly.Fit(normal, rank, seed: 3).Score(all);
        double rho = SpearmanCorrelation.Compute(ours, theirs);
        output.WriteLine($"rank {rank}: Spearman ρ = {rho:0.000000}");
        Assert.True(rho >= 0.99, $"ρ = {rho}");
    }

    [Fact]
    public void Mahalanobis_matches_the_quadratic_form_with_MathNets_inverse()
    {
        var rng = new Rng(6);
        Matrix normal = rng.GaussianMatrix(300, 4);
        for (int i = 0; i < normal.Rows; i++)
        {
            normal[i, 1] += 0.8 * normal[i, 0];
        }
        MahalanobisDetector detector = MahalanobisDetector.Fit(normal);
        var m = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfRowArrays(normal.ToRowArrays());
        var mean = m.ColumnSums() / m.RowCount;
        var centered = m - MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(m.RowCount, m.ColumnCount, (i, j) => mean[j]);
        var inverse = (centered.TransposeThisAndMultiply(centered) / (m.RowCount - 1)).Inverse();
        Matrix x = rng.GaussianMatrix(5, 4);
        double[] ours = detector.Score(x);
        for (int i = 0; i < 5; i++)
        {
            var r = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(x.Row(i).ToArray()) - mean;
            Assert.Equal(r * inverse * r, ours[i], 9);
        }
    }

    [Fact]
    public void Spearman_is_one_for_a_monotone_map_and_minus_one_for_a_reversal()
    {
        double[] a = [0.3, 1.2, -4, 8, 2.5];
        Assert.Equal(1.0, SpearmanCorrelation.Compute(a, [.. a.Select(Math.Exp)]), 12);
        Assert.Equal(-1.0, SpearmanCorrelation.Compute(a, [.. a.Select(v => -v * v * v)]), 12);
    }
}
