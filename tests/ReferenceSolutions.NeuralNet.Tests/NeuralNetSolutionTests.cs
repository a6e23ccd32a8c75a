using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.Core.Solutions;
using ReferenceSolutions.TestSupport;

namespace ReferenceSolutions.NeuralNet.Tests;

/// <summary>End-to-end runs: outputs written, every parity check passed, same seed → same numbers, optdigits target met.</summary>
public sealed class NeuralNetSolutionTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("refsol-nn-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void AShortDefaultRunWritesItsOutputsAndIsReproducible()
    {
        var options = new NeuralNetOptions(Hidden: [32], Epochs: 4);
        RunReport first = new NeuralNetSolution().Run(new RunContext(7, Path.Combine(_folder, "a"), SilentProgress.Instance), options);
        RunReport second = new NeuralNetSolution().Run(new RunContext(7, Path.Combine(_folder, "b"), SilentProgress.Instance), options);
        Assert.All(first.Parity, p => Assert.True(p.Passed, $"{p.Check}: {p.MaxAbsDiff:E3} > {p.Tolerance:E1}"));
        Assert.Equal(["mlp-from-scratch", "mlp-torch", "mlnet-lbfgs-maxent"], first.Models.Select(m => m.Name));
        foreach (string file in new[] { "loss-curves.png", "confusion-matrix.png", "model.json", "predictions.csv" })
        {
            Assert.True(File.Exists(Path.Combine(_folder, "a", file)), file);
        }
        Assert.Equal(File.ReadAllBytes(Path.Combine(_folder, "a", "predictions.csv")), File.ReadAllBytes(Path.Combine(_folder, "b", "predictions.csv")));
        Assert.Equal(first.Models[2].Metrics["accuracy"], second.Models[2].Metrics["accuracy"]);
    }

    [RealDataFact("optdigits/optdigits-train.csv", "optdigits/optdigits-test.csv")]
    public void OptdigitsReachesTheAccuracyTargetWithEveryParityCheckPassed()
    {
        var options = new NeuralNetOptions(RealData.Path("optdigits/optdigits-train.csv"), RealData.Path("optdigits/optdigits-test.csv"));
        RunReport report = new NeuralNetSolution().Run(new RunContext(42, _folder, SilentProgress.Instance), options);
        Assert.All(report.Parity, p => Assert.True(p.Passed, $"{p.Check}: {p.MaxAbsDiff:E3} > {p.Tolerance:E1}"));
        QualityCheck target = Assert.Single(report.Quality!);
        Assert.True(target.Passed, $"test accuracy {target.Value:F4} < {NeuralNetSolution.OptdigitsTarget}");
    }
}
