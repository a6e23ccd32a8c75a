using System.Text.Json;
using ReferenceSolutions.Core.Evaluation;
using ReferenceSolutions.Core.Output;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.Core.Solutions;
using ReferenceSolutions.NeuralNet.Data;
using ReferenceSolutions.TestSupport;

namespace ReferenceSolutions.NeuralNet.Tests;

/// <summary>
/// End-to-end runs: outputs written, every parity check passed through its registered definition, same seed → same
/// numbers, the protocol recorded (epochs chosen on validation, or fixed when given), the input scaling fitted on the
/// training rows only, optdigits target met.
/// </summary>
public sealed class NeuralNetSolutionTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("refsol-nn-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void AShortDefaultRunWritesItsOutputsAndIsReproducible()
    {
        var options = new NeuralNetOptions(Hidden: [32], Epochs: 4);
        NeuralNetRun first = new NeuralNetSolution().Execute(new RunContext(7, Path.Combine(_folder, "a"), SilentProgress.Instance), options);
        RunReport second = new NeuralNetSolution().Run(new RunContext(7, Path.Combine(_folder, "b"), SilentProgress.Instance), options);
        AssertEveryCheckPasses(first);
        Assert.Equal(["mlp-from-scratch", "mlp-torch", "mlnet-lbfgs-maxent"], first.Report.Models.Select(m => m.Name));
        foreach (string file in new[] { "loss-curves.png", "confusion-matrix.png", "model.json", "predictions.csv" })
        {
            Assert.True(File.Exists(Path.Combine(_folder, "a", file)), file);
        }
        Assert.Equal(File.ReadAllBytes(Path.Combine(_folder, "a", "predictions.csv")), File.ReadAllBytes(Path.Combine(_folder, "b", "predictions.csv")));
        Assert.Equal(first.Report.Models[2].Metrics["accuracy"], second.Models[2].Metrics["accuracy"]);
        Assert.Equal(JsonOutput.Serialize(first.Report.Protocol), JsonOutput.Serialize(second.Protocol));
    }

    /// <summary>
    /// Default options: random split, one candidate per epoch run scored by its validation loss, the kept epoch the one
    /// with the lowest score, every other hyper-parameter listed as fixed, and the JSON fields of the contract.
    /// </summary>
    [Fact]
    public void TheNumberOfEpochsIsChosenOnTheValidationRows()
    {
        NeuralNetRun run = new NeuralNetSolution().Execute(new RunContext(5, _folder, SilentProgress.Instance), new NeuralNetOptions(Hidden: [8]));
        Protocol protocol = run.Report.Protocol!;
        Assert.Equal((SplitKinds.Random, 1800, 200, 1000), (protocol.Split, protocol.Train, protocol.Validation, protocol.Test));
        Assert.Equal(SelectionKinds.Validation, protocol.Selection);
        Assert.Null(protocol.Folds);
        Assert.Equal(NeuralNetProtocol.Metric, protocol.Metric);
        Assert.Equal(run.History.EpochsRun, protocol.Candidates.Count);
        Assert.Equal(Enumerable.Range(1, run.History.EpochsRun), protocol.Candidates.Select(c => (int)c.Params["epochs"]));
        Assert.Equal(run.History.ValidationLoss[0], protocol.Candidates.Select(c => c.Score));
        int selected = (int)protocol.Selected["epochs"];
        Assert.Equal(run.History.KeptEpoch, selected);
        Assert.All(protocol.Candidates, c => Assert.True(c.Score >= protocol.Candidates[selected - 1].Score));
        Assert.Equal(run.History.EpochsRun, Math.Min(NeuralNetOptions.DefaultEpochs, selected + NeuralNetOptions.Patience));
        Assert.Equal(NeuralNetOptions.DefaultEpochs, protocol.Fixed!["maxEpochs"]);
        Assert.Equal(NeuralNetOptions.Patience, protocol.Fixed["patience"]);
        Assert.Equal(0.05, protocol.Fixed["learningRate"]);
        Assert.Contains("the 1800 training rows", protocol.Refit, StringComparison.Ordinal);
        Assert.Equal(selected, run.Report.Models[0].Metrics["reportedEpoch"]);

        using JsonDocument json = JsonDocument.Parse(JsonOutput.Serialize(run.Report));
        JsonElement written = json.RootElement.GetProperty("protocol");
        Assert.Equal(JsonValueKind.Null, written.GetProperty("folds").ValueKind);
        Assert.Equal(selected, written.GetProperty("selected").GetProperty("epochs").GetInt32());
        Assert.Equal("the 1800 training rows, with the input scaling fitted on them", written.GetProperty("fixed").GetProperty("mlnet-lbfgs-maxent").GetProperty("fittedOn").GetString());
    }

    /// <summary>An explicit number of epochs is fixed: exactly that many run, no early stopping, the last weights reported.</summary>
    [Fact]
    public void GivenEpochsAreFixedNotSearched()
    {
        NeuralNetRun run = new NeuralNetSolution().Execute(new RunContext(5, _folder, SilentProgress.Instance), new NeuralNetOptions(Hidden: [8], Epochs: 3));
        Protocol protocol = run.Report.Protocol!;
        Assert.Equal(SelectionKinds.Fixed, protocol.Selection);
        Assert.Empty(protocol.Candidates);
        Assert.Empty(protocol.Selected);
        Assert.Equal(3, protocol.Fixed!["epochs"]);
        Assert.False(protocol.Fixed.ContainsKey("patience"));
        Assert.Equal((3, 3), (run.History.EpochsRun, run.History.KeptEpoch));
        Assert.Equal(3, run.Report.Models[1].Metrics["reportedEpoch"]);
    }

    /// <summary>
    /// The scaling sees only the training rows: a second run on files whose validation rows and test rows were all
    /// replaced fits the same (μ, σ), bit for bit, equal to a fit on the training rows alone; replacing one training
    /// row moves it (so the check can fail).
    /// </summary>
    [Fact]
    public void ScalingIsFittedOnTheTrainingRowsOnly()
    {
        (LabeledData train, LabeledData test) = PlantedClusters.Generate(9, 300, 100);
        NeuralNetRun original = RunOn("original", train, test);
        LabeledData otherTest = Replace(test, Enumerable.Range(0, test.Rows));
        LabeledData otherValidation = Replace(train, original.ValidationRows);
        NeuralNetRun replaced = RunOn("replaced", otherValidation, otherTest);
        Assert.Equal(original.ValidationRows, replaced.ValidationRows);
        int[] trainRows = [.. Enumerable.Range(0, train.Rows).Except(original.ValidationRows)];
        InputScaling trainingOnly = InputScaling.Fit(train.Subset(trainRows).Features);
        ParityAssert.Passes(NeuralNetChecks.ScalingOnTrainingRows, new Comparison("original", "validation and test rows replaced")
            .Add("μ", original.Scaling.Mean, replaced.Scaling.Mean)
            .Add("σ", original.Scaling.Scale, replaced.Scaling.Scale));
        ParityAssert.Passes(NeuralNetChecks.ScalingOnTrainingRows, new Comparison("run", "training rows alone")
            .Add("μ", original.Scaling.Mean, trainingOnly.Mean)
            .Add("σ", original.Scaling.Scale, trainingOnly.Scale));

        NeuralNetRun trainingRowChanged = RunOn("control", Replace(train, [trainRows[0]]), test);
        ParityAssert.Fails(NeuralNetChecks.ScalingOnTrainingRows, new Comparison("original", "one training row replaced")
            .Add("μ", original.Scaling.Mean, trainingRowChanged.Scaling.Mean)
            .Add("σ", original.Scaling.Scale, trainingRowChanged.Scaling.Scale));
    }

    [RealDataFact("optdigits/optdigits-train.csv", "optdigits/optdigits-test.csv")]
    public void OptdigitsReachesTheAccuracyTargetWithEveryParityCheckPassed()
    {
        var options = new NeuralNetOptions(RealData.Path("optdigits/optdigits-train.csv"), RealData.Path("optdigits/optdigits-test.csv"));
        NeuralNetRun run = new NeuralNetSolution().Execute(new RunContext(42, _folder, SilentProgress.Instance), options);
        AssertEveryCheckPasses(run);
        QualityCheck target = Assert.Single(run.Report.Quality!);
        Assert.True(target.Passed, $"test accuracy {target.Value:F4} < {NeuralNetSolution.OptdigitsTarget}");
        Assert.Equal(SelectionKinds.Validation, run.Report.Protocol!.Selection);
        Assert.Equal((3823 - 382, 382, 1797), (run.Report.Protocol.Train, run.Report.Protocol.Validation, run.Report.Protocol.Test));
    }

    private static void AssertEveryCheckPasses(NeuralNetRun run)
    {
        Assert.Equal(run.Checks.Select(c => c.Check.Id), run.Report.Parity.Select(p => p.Id));
        Assert.All(run.Report.Parity, p => Assert.False(string.IsNullOrWhiteSpace(p.MeasuredOn)));
        foreach (MeasuredCheck check in run.Checks)
        {
            Assert.Contains(check.Check, NeuralNetChecks.All);
            ParityAssert.Passes(check.Check, check.Comparison);
        }
    }

    private NeuralNetRun RunOn(string name, LabeledData train, LabeledData test)
    {
        string trainPath = Path.Combine(_folder, $"{name}-train.csv"), testPath = Path.Combine(_folder, $"{name}-test.csv");
        LabeledCsv.Write(trainPath, train);
        LabeledCsv.Write(testPath, test);
        return new NeuralNetSolution().Execute(new RunContext(11, Path.Combine(_folder, name), SilentProgress.Instance), new NeuralNetOptions(trainPath, testPath, Hidden: [4], Epochs: 1));
    }

    private static LabeledData Replace(LabeledData data, IEnumerable<int> rows)
    {
        var x = data.Features.Clone();
        foreach (int row in rows)
        {
            x.Row(row).Fill(100.0 + row);
        }
        return data with { Features = x };
    }
}
