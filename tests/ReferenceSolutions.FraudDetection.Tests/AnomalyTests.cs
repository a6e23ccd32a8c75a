using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.FraudDetection.Anomaly;
using ReferenceSolutions.TestSupport;
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
        ParityAssert.Passes(FraudChecks.JacobiMathNet, new Comparison(ModelKinds.FromScratch, "mathnet").Add("λ", eigen.Values, expected, scale));
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
        var decomposition = new Comparison("VΛVᵀ, VᵀV", "A, I")
            .Add("VΛVᵀ", rebuilt, a, scale)
            .Add("VᵀV", Gemm.MultiplyTransposeA(v, v), Matrix.Identity(d));
        ParityAssert.Passes(FraudChecks.JacobiDecomposition, decomposition);
    }

    [Fact]
    public void PCA_error_is_zero_inside_the_subspace_and_equals_the_residual_outside()
    {
        var rng = new Rng(5);
        Matrix normal = rng.GaussianMatrix(500, 6);
        PcaAnomalyDetector pca = PcaAnomalyDetector.Fit(normal, 6);
        var comparison = new Comparison(ModelKinds.FromScratch, "residual");
        double[] full = pca.ReconstructionError(normal);
        for (int i = 0; i < normal.Rows; i++)
        {
            double norm2 = normal.Row(i).ToArray().Select((v, j) => (v - pca.Mean[j]) * (v - pca.Mean[j])).Sum();
            comparison.Add($"e at full rank, row {i}", full[i], 0.0, norm2);
        }
        PcaAnomalyDetector low = PcaAnomalyDetector.Fit(normal, 2);
        double[] x = [1, -2, 0.5, 3, 0, 1];
        double[] r = [.. x.Select((v, j) => v - low.Mean[j])];
        double[] projected = low.Basis.Transpose().Multiply(r);
        double[] back = low.Basis.Multiply(projected);
        double expected = r.Select((v, j) => (v - back[j]) * (v - back[j])).Sum();
        double r2 = r.Sum(v => v * v);
        comparison.Add("e at rank 2", low.ReconstructionError(new Matrix(1, 6, x))[0], expected, r2);
        double s = low.Score(new Matrix(1, 6, x))[0];
        comparison.Add("s² = e/‖r‖² at rank 2", s * s, expected / r2);
        ParityAssert.Passes(FraudChecks.PcaResidual, comparison);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    public void PCA_anomaly_scores_match_MLNet_RandomizedPca_at_the_same_rank(int rank)
    {
        (Matrix normal, Matrix rows) = PlantedSpectrum.Sample(21);
        double[] ours = PcaAnomalyDetector.Fit(normal, rank).Score(rows);
        double[] theirs = MLNetPcaAnomaly.Fit(normal, rank, seed: 3).Score(rows);
        Comparison comparison = FraudComparisons.AnomalyScores(ours, theirs);
        output.WriteLine($"rank {rank}: {comparison.Describe(FraudChecks.AnomalyScoresPlanted.Tolerance.Value)}");
        ParityAssert.Passes(FraudChecks.AnomalyScoresPlanted, comparison);
    }

    [Fact]
    public void PCA_score_checks_fail_on_a_NaN_and_on_the_wrong_rank()
    {
        (Matrix normal, Matrix rows) = PlantedSpectrum.Sample(22);
        double[] ours = PcaAnomalyDetector.Fit(normal, 3).Score(rows);
        double[] theirs = MLNetPcaAnomaly.Fit(normal, 3, seed: 3).Score(rows);
        ParityAssert.Passes(FraudChecks.AnomalyScoresPlanted, FraudComparisons.AnomalyScores(ours, theirs));
        theirs[17] = double.NaN;
        Comparison poisoned = FraudComparisons.AnomalyScores(ours, theirs);
        ParityAssert.Fails(FraudChecks.AnomalyScoresPlanted, poisoned);
        ParityAssert.Fails(FraudChecks.AnomalyScores, poisoned);
        Assert.Equal("mlnet: s(x)[17] is NaN", poisoned.NonFinite);
        double[] lowerRank = PcaAnomalyDetector.Fit(normal, 2).Score(rows);
        ParityAssert.Fails(FraudChecks.AnomalyScoresPlanted, FraudComparisons.AnomalyScores(lowerRank, MLNetPcaAnomaly.Fit(normal, 3, seed: 3).Score(rows)));
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
        var comparison = new Comparison(ModelKinds.FromScratch, "mathnet");
        for (int i = 0; i < 5; i++)
        {
            var r = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(x.Row(i).ToArray()) - mean;
            double expected = r * inverse * r;
            comparison.Add($"D²[{i}]", ours[i], expected, expected);
        }
        ParityAssert.Passes(FraudChecks.MahalanobisMathNet, comparison);
    }
}
