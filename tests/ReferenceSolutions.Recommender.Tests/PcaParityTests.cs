using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.Recommender.Pca;
using ReferenceSolutions.Recommender.Svd;
using ReferenceSolutions.TestSupport;

namespace ReferenceSolutions.Recommender.Tests;

/// <summary>
/// PCA from scratch against torch (float64 twin: axes, explained variance), against MathNet's eigen-decomposition of the
/// sample covariance, against its own definition (all components reconstruct X), and against ML.NET (float32,
/// randomized: subspace angle and variances in units of float32 rounding over the eigen-gap); a NaN on either side
/// fails each check, naming the side.
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
        ParityAssert.Passes(RecommenderChecks.PcaAxesTorch, new Comparison("from-scratch", "torch").Add("axes", scratch.Components, torch.Components));
        ParityAssert.Passes(RecommenderChecks.PcaVarianceTorch,
            new Comparison("from-scratch", "torch").Add("explained variance", scratch.ExplainedVariance, torch.ExplainedVariance, scratch.ExplainedVariance[0]));
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
        ParityAssert.Passes(RecommenderChecks.PcaVarianceMathNet, new Comparison("from-scratch", "mathnet")
            .Add("λ", scratch.ExplainedVariance, eigen.AsSpan(0, 5), eigen[0])
            .Add("λ₁ / Σλ", scratch.ExplainedVarianceRatio[0], eigen[0] / eigen.Sum()));
    }

    [Fact]
    public void AxesAreOrthonormalAndSignedAndAllComponentsReconstructTheData()
    {
        Matrix x = PlantedSample.Create(60, 8, Scales, 0.5, 1.0, new Rng(3));
        PcaModel full = PcaModel.Fit(x, 8, new JacobiSvd());
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
        ParityAssert.Passes(RecommenderChecks.PcaRoundTrip, new Comparison("from-scratch", "definition")
            .Add("VₖVₖᵀ vs I", Gemm.MultiplyTransposeB(full.Components, full.Components), Matrix.Identity(8))
            .Add("X̂ vs X", full.InverseTransform(full.Transform(x)), x, Norms.MaxAbs(x.Data)));
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(10.0)]
    public void MLNetSpansTheSameSubspace(double shift)
    {
        Matrix x = PlantedSample.Create(500, 40, Scales, 0.1, shift, new Rng(4));
        PcaModel scratch = PcaModel.Fit(x, 5, new JacobiSvd());
        (Matrix axes, double[] variance) = MLNetPca.Fit(x, 5, seed: 1);
        ParityAssert.Passes(RecommenderChecks.MLNetSubspace, MLNetPca.SubspaceComparison(scratch, axes));
        ParityAssert.Passes(RecommenderChecks.MLNetVariance, MLNetPca.VarianceComparison(scratch, variance));
    }

    [Fact]
    public void NanInTheTorchAxesFailsNamingTorch()
    {
        Matrix x = PlantedSample.Create(100, 10, Scales, 0.1, 1.0, new Rng(6));
        PcaModel scratch = PcaModel.Fit(x, 5, new JacobiSvd());
        PcaModel torch = PcaModel.Fit(x, 5, new TorchSvd());
        torch.Components[2, 7] = double.NaN;
        Comparison comparison = new Comparison("from-scratch", "torch").Add("axes", scratch.Components, torch.Components);
        ParityAssert.Fails(RecommenderChecks.PcaAxesTorch, comparison);
        Assert.Equal("torch: axes[2, 7] is NaN", comparison.NonFinite);
    }

    [Theory]
    [InlineData("from-scratch")]
    [InlineData("mlnet")]
    public void NanInEitherSubspaceFailsNamingItsSide(string side)
    {
        Matrix x = PlantedSample.Create(100, 10, Scales, 0.1, 1.0, new Rng(7));
        PcaModel scratch = PcaModel.Fit(x, 5, new JacobiSvd());
        (Matrix axes, _) = MLNetPca.Fit(x, 5, seed: 1);
        (side == "mlnet" ? axes : scratch.Components)[1, 3] = double.NaN;
        Comparison comparison = MLNetPca.SubspaceComparison(scratch, axes);
        ParityAssert.Fails(RecommenderChecks.MLNetSubspace, comparison);
        Assert.StartsWith($"{side}: projector VₖᵀVₖ[", comparison.NonFinite, StringComparison.Ordinal);
    }

    [Fact]
    public void SubspaceAngleSeesARotation()
    {
        double theta = 0.01;
        Matrix a = Matrix.FromRows([[1.0, 0.0, 0.0]]);
        Matrix b = Matrix.FromRows([[Math.Cos(theta), Math.Sin(theta), 0.0]]);
        ParityAssert.Passes(RecommenderChecks.SubspaceAngle, new Comparison("principal angle", "closed form").Add("θ", MLNetPca.SubspaceAngle(a, b), theta, theta));
    }

    [Fact]
    public void TooManyComponentsIsRejected()
    {
        Matrix x = PlantedSample.Create(5, 8, [1.0], 0.1, 0.0, new Rng(5));
        Assert.Throws<ArgumentOutOfRangeException>(() => PcaModel.Fit(x, 5, new JacobiSvd()));
        Assert.Throws<Core.Data.UserInputException>(() => Verification.Pca(x, 5, "x.csv", 1));
    }
}
