using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.Recommender.Pca;
using ReferenceSolutions.Recommender.Svd;

namespace ReferenceSolutions.Recommender.Tests;

/// <summary>
/// The <c>verify svd</c>/<c>verify pca</c> reports: every comparison they report decides <c>passed</c>, each
/// implementation lists the comparisons it took part in, and a NaN in one implementation's output fails the verify,
/// naming it. Also the run options' validation.
/// </summary>
public class VerificationTests
{
    [Fact]
    public void SvdReportDecidesOnEveryComparison()
    {
        Matrix a = TestMatrices.Gaussian(7, 4, 3);
        VerifyReport report = Verification.Svd(a, [new JacobiSvd(), new TorchSvd(), new MathNetSvd()], "a.csv");
        Assert.Equal(["from-scratch", "torch", "mathnet"], report.Implementations.Keys);
        Assert.Equal(
            [RecommenderChecks.SingularValuesTorch.Id, RecommenderChecks.SingularValuesMathNet.Id, RecommenderChecks.Reconstruction.Id, RecommenderChecks.Reconstruction.Id, RecommenderChecks.Reconstruction.Id],
            report.Comparisons.Select(c => c.Id));
        Assert.All(report.Comparisons, c => Assert.True(c.Passed, $"{c.Check} {string.Join(" vs ", c.Between!)}: {c.MaxAbsDiff:E3} > {c.Tolerance:E1}"));
        Assert.True(report.Passed);
        Assert.Equal(report.Comparisons[0].MaxAbsDiff, report.MaxAbsDiff);
        string json = Core.Output.JsonOutput.Serialize(report);
        foreach (string field in new[] { "\"singularValues\"", "\"reconstructionError\"", "\"comparisons\"", "svd reconstruction and orthonormality" })
        {
            Assert.Contains(field, json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void PcaReportDecidesOnEveryComparison()
    {
        Matrix x = PlantedSample.Create(100, 6, [5.0, 2.0], 0.1, 1.0, new Rng(2));
        VerifyReport report = Verification.Pca(x, 2, "x.csv", 1);
        Assert.Equal(["from-scratch", "torch", "mlnet"], report.Implementations.Keys);
        Assert.Equal(
            [RecommenderChecks.PcaAxesTorch.Id, RecommenderChecks.PcaVarianceTorch.Id, RecommenderChecks.MLNetSubspace.Id, RecommenderChecks.MLNetVariance.Id],
            report.Comparisons.Select(c => c.Id));
        Assert.All(report.Comparisons, c => Assert.True(c.Passed, $"{c.Check}: {c.MaxAbsDiff:E3} > {c.Tolerance:E1}"));
        Assert.True(report.Passed);
        string json = Core.Output.JsonOutput.Serialize(report);
        foreach (string field in new[] { "\"explainedVariance\"", "\"components\"", "\"subspaceAngleToFromScratch\"", RecommenderChecks.MLNetSubspace.Title })
        {
            Assert.Contains(field, json, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("torch")]
    [InlineData("mathnet")]
    public void NanInOneSvdFailsVerifyNamingIt(string poisoned)
    {
        Matrix a = TestMatrices.Gaussian(9, 5, 4);
        ISvd[] implementations = [new JacobiSvd(), new Poisoned(new TorchSvd(), poisoned == "torch"), new Poisoned(new MathNetSvd(), poisoned == "mathnet")];
        VerifyReport report = Verification.Svd(a, implementations, "a.csv");
        Assert.False(report.Passed);
        ParityCheck failed = Assert.Single(report.Comparisons, c => c.Id == (poisoned == "torch" ? RecommenderChecks.SingularValuesTorch.Id : RecommenderChecks.SingularValuesMathNet.Id));
        Assert.False(failed.Passed);
        Assert.Equal($"{poisoned}: σ[1] is NaN", failed.Failure);
        Assert.Contains(report.Comparisons, c => c.Id == RecommenderChecks.Reconstruction.Id && !c.Passed && c.Failure!.StartsWith($"{poisoned}: ", StringComparison.Ordinal));
        Assert.Contains("\"maxAbsDiff\": null", Core.Output.JsonOutput.Serialize(report), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("torch")]
    [InlineData("mlnet")]
    public void NanInOnePcaFailsVerifyNamingIt(string poisoned)
    {
        Matrix x = PlantedSample.Create(100, 6, [5.0, 2.0], 0.1, 1.0, new Rng(3));
        PcaModel scratch = PcaModel.Fit(x, 2, new JacobiSvd());
        PcaModel torch = PcaModel.Fit(x, 2, new TorchSvd());
        (Matrix axes, double[] variance) = MLNetPca.Fit(x, 2, 1);
        (poisoned == "torch" ? torch.Components : axes)[1, 4] = double.NaN;
        VerifyReport report = Verification.Pca(x, scratch, torch, (axes, variance));
        Assert.False(report.Passed);
        ParityCheck failed = Assert.Single(report.Comparisons, c => c.Id == (poisoned == "torch" ? RecommenderChecks.PcaAxesTorch.Id : RecommenderChecks.MLNetSubspace.Id));
        Assert.StartsWith($"{poisoned}: ", failed.Failure, StringComparison.Ordinal);
        Assert.True(double.IsNaN(failed.MaxAbsDiff), "a non-finite comparison reports no difference");
    }

    [Theory]
    [InlineData(0, null, null, null)]
    [InlineData(null, 0, null, null)]
    [InlineData(null, null, 0.0, null)]
    [InlineData(null, null, double.NaN, null)]
    [InlineData(null, null, null, -1.0)]
    public void BadOptionsAreUserErrors(int? factors, int? epochs, double? lr, double? reg) =>
        Assert.Throws<UserInputException>(() => new RecommenderOptions(null, null, factors, epochs, lr, reg).Validate());

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(double.PositiveInfinity)]
    public void AlsNeedsAPositiveRidge(double lambda) =>
        Assert.Throws<UserInputException>(() => new RecommenderOptions(AlsRegularization: lambda).Validate());

    /// <summary>An SVD whose σ[1] is NaN when <paramref name="poison"/> is set (the injected fault).</summary>
    private sealed class Poisoned(ISvd inner, bool poison) : ISvd
    {
        public string Name => inner.Name;

        public SvdResult Decompose(Matrix a)
        {
            SvdResult result = inner.Decompose(a);
            if (poison)
            {
                result.S[1] = double.NaN;
            }
            return result;
        }
    }
}
