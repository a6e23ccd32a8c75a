using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.Recommender.Svd;

namespace ReferenceSolutions.Recommender.Tests;

/// <summary>The <c>verify svd</c>/<c>verify pca</c> reports and the run options' validation.</summary>
public class VerificationTests
{
    [Fact]
    public void SvdReportHasEveryImplementationAndPasses()
    {
        Matrix a = TestMatrices.Gaussian(7, 4, 3);
        VerifyReport report = Verification.Svd(a, [new JacobiSvd(), new TorchSvd(), new MathNetSvd()]);
        Assert.Equal(["from-scratch", "torch", "mathnet"], report.Implementations.Keys);
        var entry = Assert.IsType<SvdVerifyEntry>(report.Implementations["mathnet"]);
        Assert.Equal(4, entry.SingularValues.Length);
        Assert.True(report.Passed, $"max |Δσ| {report.MaxAbsDiff:E3} > {report.Tolerance:E3}");
        Assert.Contains("\"singularValues\"", Core.Output.JsonOutput.Serialize(report), StringComparison.Ordinal);
        Assert.Contains("\"reconstructionError\"", Core.Output.JsonOutput.Serialize(report), StringComparison.Ordinal);
    }

    [Fact]
    public void PcaReportIncludesMLNetAndPasses()
    {
        Matrix x = Pca.PlantedSample.Create(100, 6, [5.0, 2.0], 0.1, 1.0, new Core.Randomness.Rng(2));
        VerifyReport report = Verification.Pca(x, 2, "x.csv", 1);
        Assert.Equal(["from-scratch", "torch", "mlnet"], report.Implementations.Keys);
        var mlnet = Assert.IsType<PcaVerifyEntry>(report.Implementations["mlnet"]);
        Assert.True(mlnet.SubspaceAngleToFromScratch <= RecommenderTolerances.MLNetSubspace.Value);
        Assert.True(report.Passed);
        string json = Core.Output.JsonOutput.Serialize(report);
        Assert.Contains("\"explainedVariance\"", json, StringComparison.Ordinal);
        Assert.Contains("\"components\"", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 30, 0.01, 0.05)]
    [InlineData(32, 0, 0.01, 0.05)]
    [InlineData(32, 30, 0.0, 0.05)]
    [InlineData(32, 30, double.NaN, 0.05)]
    [InlineData(32, 30, 0.01, -1.0)]
    public void BadOptionsAreUserErrors(int factors, int epochs, double lr, double reg) =>
        Assert.Throws<UserInputException>(() => new RecommenderOptions(null, null, factors, epochs, lr, reg).Validate());
}
