using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.Recommender.Pca;
using ReferenceSolutions.Recommender.Svd;

namespace ReferenceSolutions.Recommender.Tests;

/// <summary>
/// PCA from scratch against torch (float64 twin, axes ≤ 1e-9), against MathNet's eigen-decomposition of the sample covariance
/// (explained variance = eigenvalues of X_cᵀX_c/(N − 1)), and against ML.NET (float32, randomized: largest principal angle ≤ 1e-3).
/// </summary>
public class PcaParityTests
{
    private static readonly double[] Scales = [10.0, 7.0, 5.0, 3.0, 2.0];

    [Fact]
    public void TorchTwinGivesTheSameAxesAndVariances()
    {
        Matrix x = PlantedSample.Create(300, 25, Scales, 0.1, 1.0, new Rng(1));
        PcaModel scratch = PcaModel.Fit(x, 5, new JacobiSvd());
        PcaModel torch = PcaModel.Fit(x, 5, new TorchSvd());
        double axes = Norms.MaxAbsDiff(scratch.Components, torch.Components);
        double variance = Norms.MaxAbsDiff(scratch.ExplainedVariance, torch.ExplainedVariance) / scratch.ExplainedVariance[0];
        Assert.True(axes <= RecommenderTolerances.PcaAxes.Value, $"axes differ by {axes:E3}");
        Assert.True(variance <= 1e-12, $"explained variance differs by {variance:E3} relative");
    }

    [Fact]
    public void ExplainedVarianceIsTheSampleCovarianceSpectrum()
    {
        Matrix x = PlantedSample.Create(200, 12, Scales, 0.3, 2.0, new Rng(2));
        PcaModel scratch = PcaModel.Fit(x, 5, new JacobiSvd());
        var mx = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfRowMajor(x.Rows, x.Columns, x.Data);
        var mean = mx.ColumnSums() / x.Rows;
        var centred = mx - MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(x.Rows, x.Columns, (_, j) => mean[j]);
        var covariance = centred.TransposeThisAndMultiply(centred) / (x.Rows - 1);
        double[] eigen = covariance.Evd().EigenValues.Select(e => e.Real).OrderDescending().ToArray();
        for (int i = 0; i < 5; i++)
        {
            Assert.True(Math.Abs(scratch.ExplainedVariance[i] - eigen[i]) <= 1e-10 * eigen[0], $"λ{i}: {scratch.ExplainedVariance[i]} vs {eigen[i]}");
        }
        double total = eigen.Sum();
        Assert.True(Math.Abs(scratch.ExplainedVarianceRatio[0] - (eigen[0] / total)) <= 1e-12);
    }

    [Fact]
    public void AxesAreOrthonormalAndSignedAndAllComponentsReconstructTheData()
    {
        Matrix x = PlantedSample.Create(60, 8, Scales, 0.5, 1.0, new Rng(3));
        PcaModel full = PcaModel.Fit(x, 8, new JacobiSvd());
        Assert.True(SvdChecks.OrthonormalityError(full.Components.Transpose()) <= 1e-13);
        for (int i = 0; i < full.Components.Rows; i++)
        {
            ReadOnlySpan<double> row = full.Components.Row(i);
            double largest = 0.0;
            foreach (double v in row)
            {
                largest = Math.Abs(v) > Math.Abs(largest) ? v : largest;
            }
            Assert.True(largest > 0.0, $"axis {i}: largest-magnitude entry is negative");
        }
        double error = Norms.MaxAbsDiff(full.InverseTransform(full.Transform(x)), x);
        Assert.True(error <= 1e-12 * Norms.MaxAbs(x.Data), $"‖X − X̂‖_max = {error:E3}");
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(10.0)]
    public void MLNetSpansTheSameSubspace(double shift)
    {
        // ML.NET: float32, one randomized range-finder pass on C = X_cᵀX_c/N with 20 oversampling vectors; the twin centres
        // in float64 first (see MLNetPca), so the angle is set by float32 rounding over the eigen-gap: ≈ 1e-6..1e-4 here.
        Matrix x = PlantedSample.Create(500, 40, Scales, 0.1, shift, new Rng(4));
        PcaModel scratch = PcaModel.Fit(x, 5, new JacobiSvd());
        (Matrix axes, double[] variance) = MLNetPca.Fit(x, 5, seed: 1);
        double angle = MLNetPca.SubspaceAngle(scratch.Components, axes);
        Assert.True(angle <= RecommenderTolerances.MLNetSubspace.Value, $"largest principal angle {angle:E3} rad");
        for (int i = 0; i < 5; i++)
        {
            Assert.True(Math.Abs(variance[i] - scratch.ExplainedVariance[i]) <= 1e-3 * scratch.ExplainedVariance[0], $"λ{i}: {variance[i]} vs {scratch.ExplainedVariance[i]}");
        }
    }

    [Fact]
    public void SubspaceAngleSeesARotation()
    {
        double theta = 0.01;
        Matrix a = Matrix.FromRows([[1.0, 0.0, 0.0]]);
        Matrix b = Matrix.FromRows([[Math.Cos(theta), Math.Sin(theta), 0.0]]);
        Assert.True(Math.Abs(MLNetPca.SubspaceAngle(a, b) - theta) <= 1e-12);
    }

    [Fact]
    public void TooManyComponentsIsRejected()
    {
        Matrix x = PlantedSample.Create(5, 8, [1.0], 0.1, 0.0, new Rng(5));
        Assert.Throws<ArgumentOutOfRangeException>(() => PcaModel.Fit(x, 5, new JacobiSvd()));
        Assert.Throws<Core.Data.UserInputException>(() => Verification.Pca(x, 5, "x.csv", 1));
    }
}
