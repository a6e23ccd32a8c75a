using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Models;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.Core.Solutions;
using ReferenceSolutions.NeuralNet.Data;
using ReferenceSolutions.NeuralNet.Evaluation;
using ReferenceSolutions.NeuralNet.MLNet;
using ReferenceSolutions.NeuralNet.Models;
using ReferenceSolutions.NeuralNet.Torch;
using ReferenceSolutions.TestSupport;

namespace ReferenceSolutions.NeuralNet.Tests;

/// <summary>
/// The models a run saves under models/: each, loaded from its files and scored by <c>score neuralnet</c>'s code on the
/// raw test file, gives the probabilities the run computed in memory, bit for bit (the ML.NET zip included: the same
/// float32 arithmetic on the same float32 inputs); the saved twins agree when scoring (same seed → same bytes is
/// asserted by ScoreNeuralNetTests, whose process sets MKL_CBWR before libtorch starts, as refsol does); a changed weight or a module of other weights is caught (negative controls).
/// </summary>
public sealed class SavedModelTests : IDisposable
{
    private const ulong Seed = 13;
    private static readonly NeuralNetOptions Options = new(Hidden: [8], Epochs: 2);
    private readonly string _folder = Directory.CreateTempSubdirectory("refsol-nn-saved-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void EverySavedModelScoresAsTheRunDid()
    {
        (NeuralNetRun run, string folder, string test) = RunInto("a");
        ScoreOutput output = NeuralNetScoring.Score(new ScoreRequest(folder, test));

        Assert.Equal(["mlp-from-scratch", "mlp-torch", "mlnet-lbfgs-maxent"], run.TestProbabilities.Keys);
        foreach ((string name, Matrix inRun) in run.TestProbabilities)
        {
            Matrix scored = Scores(output, name, inRun.Columns);
            ParityAssert.Passes(NeuralNetChecks.SavedModelsRoundTrip, new Comparison($"{name} in the run", $"{name} loaded").Add("P", inRun, scored));
            Assert.Equal(inRun.Data.Select(BitConverter.DoubleToInt64Bits), scored.Data.Select(BitConverter.DoubleToInt64Bits));
            Assert.Equal(ClassificationMetrics.Predict(inRun).Select(k => (double)k), Column(output, $"{name}.class"));
        }
    }

    [Fact]
    public void AChangedWeightBreaksTheRoundTrip()
    {
        (NeuralNetRun run, string folder, string test) = RunInto("a");
        string file = Path.Combine(folder, "models", "mlp-from-scratch", NeuralNetModels.FromScratchFile);
        (MlpDescription model, InputScaling? scaling) = ModelFile.Load(file);
        model.Layers[0].Weight.Data[0] *= 1 + 1e-9;
        ModelFile.Save(file, model, scaling);

        Matrix scored = Scores(NeuralNetScoring.Score(new ScoreRequest(folder, test)), "mlp-from-scratch", 4);

        ParityAssert.Fails(NeuralNetChecks.SavedModelsRoundTrip, new Comparison("mlp-from-scratch in the run", "mlp-from-scratch changed").Add("P", run.TestProbabilities["mlp-from-scratch"], scored));
    }

    [Fact]
    public void TheSavedTwinsAgreeWhenScoring()
    {
        (_, string folder, string test) = RunInto("a");
        ScoreOutput output = NeuralNetScoring.Score(new ScoreRequest(folder, test));
        Comparison twins = new Comparison("mlp-from-scratch", "mlp-torch").Add("P", Scores(output, "mlp-from-scratch", 4), Scores(output, "mlp-torch", 4));

        ParityAssert.Passes(NeuralNetChecks.ScoreTwins, twins);
        Assert.True(output.Report.Passed);
        ParityCheck reported = Assert.Single(output.Report.Comparisons);
        Assert.Equal(twins.MaxAbsDiff, reported.MaxAbsDiff);
        Assert.Equal(1000, output.Report.Rows);
    }

    /// <summary>A module saved from weights 1e-6 away from the from-scratch twin's (one output bias) fails the twin check, and the report says so.</summary>
    [Fact]
    public void ScoringWithATorchModuleOfOtherWeightsFailsTheTwinCheck()
    {
        (_, string folder, string test) = RunInto("a");
        (MlpDescription model, _) = ModelFile.Load(Path.Combine(folder, "models", "mlp-from-scratch", NeuralNetModels.FromScratchFile));
        model.Layers[^1].Bias[0] += 1e-6;
        using (var other = new TorchTwin(model, Options.OptimizerSettings))
        {
            other.Save(Path.Combine(folder, "models", "mlp-torch", TorchModelFile.ModuleFile));
        }

        ScoreOutput output = NeuralNetScoring.Score(new ScoreRequest(folder, test));

        ParityAssert.Fails(NeuralNetChecks.ScoreTwins, new Comparison("mlp-from-scratch", "mlp-torch").Add("P", Scores(output, "mlp-from-scratch", 4), Scores(output, "mlp-torch", 4)));
        Assert.False(output.Report.Passed);
    }

    [Fact]
    public void AModelOfAnotherFormatOrAWrongArchitectureIsRefusedNamingTheFileAndField()
    {
        (_, string folder, string test) = RunInto("a");
        string torch = Path.Combine(folder, "models", "mlp-torch");
        string manifest = Path.Combine(torch, ModelManifest.FileName);
        ModelManifest m = ModelManifest.Read(manifest);
        (m with { Format = "onnx" }).Write(manifest);
        var format = Assert.Throws<Core.Data.DataFormatException>(() => NeuralNetScoring.Score(new ScoreRequest(folder, test)));
        Assert.Equal(manifest, format.File);
        Assert.Equal("'format'", format.Column);

        (m with { Format = TorchModelFile.Format }).Write(manifest);
        string architecture = Path.Combine(torch, TorchModelFile.ArchitectureFile);
        File.WriteAllText(architecture, File.ReadAllText(architecture).Replace("\"outputs\": 8", "\"outputs\": 9", StringComparison.Ordinal));
        var shape = Assert.Throws<Core.Data.DataFormatException>(() => NeuralNetScoring.Score(new ScoreRequest(folder, test)));
        Assert.Equal(Path.Combine(torch, TorchModelFile.ModuleFile), shape.File);
    }

    private (NeuralNetRun Run, string Folder, string TestFile) RunInto(string name)
    {
        string folder = Path.Combine(_folder, name);
        NeuralNetRun run = new NeuralNetSolution().Execute(new RunContext(Seed, folder, SilentProgress.Instance), Options);
        string test = Path.Combine(_folder, "test.csv");
        if (!File.Exists(test))
        {
            LabeledCsv.Write(test, PlantedClusters.Generate(Seed).Test);
        }
        return (run, folder, test);
    }

    private static Matrix Scores(ScoreOutput output, string model, int classes)
    {
        double[][] columns = [.. Enumerable.Range(0, classes).Select(c => Column(output, $"{model}.p{c}"))];
        var p = new Matrix(columns[0].Length, classes);
        for (int n = 0; n < p.Rows; n++)
        {
            for (int c = 0; c < classes; c++)
            {
                p[n, c] = columns[c][n];
            }
        }
        return p;
    }

    private static double[] Column(ScoreOutput output, string header) => [.. Assert.Single(output.Columns, c => c.Header == header).Numbers!];
}
