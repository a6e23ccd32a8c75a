using System.Globalization;
using System.Text.Json;
using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Output;
using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.NeuralNet.Data;
using ReferenceSolutions.NeuralNet.FromScratch;
using ReferenceSolutions.NeuralNet.Models;
using ReferenceSolutions.TestSupport;

namespace ReferenceSolutions.NeuralNet.Tests;

/// <summary>
/// <c>verify gradients</c>: the hand backward pass against autograd and against finite differences at seeded sampled
/// coordinates, both deciding <c>passed</c>; ReLU kinks left out and reported; a NaN anywhere fails; bad input names the field.
/// </summary>
public sealed class GradientVerificationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("refsol-nn-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void ImplementationsAgreeOnARandomModel()
    {
        MlpDescription net = Generators.Network(5, 6, [5], 3, Activation.Sigmoid, LossKind.SoftmaxCrossEntropy);
        (string model, string input) = Write(net, "0.5,1,-2,0.25,3,-1,2\n1,0,0,0,0,1,0\n");
        VerifyReport report = GradientVerification.Run(model, input);
        GradientVerification.Outcome outcome = GradientVerification.Verify(net, LabeledCsv.Read(input, 3, 6), GradientVerification.DefaultCoordinates, 42, input);
        foreach (MeasuredCheck check in outcome.Checks)
        {
            ParityAssert.Passes(check.Check, check.Comparison);
        }
        Assert.True(report.Passed);
        Assert.Equal([NeuralNetChecks.GradientsAutograd.Title, NeuralNetChecks.GradientsFiniteDifferences.Title], report.Comparisons.Select(c => c.Check));
        Assert.Equal(report.Comparisons[0].MaxAbsDiff, report.MaxAbsDiff);
        Assert.Equal(["from-scratch", "torch", "finite-difference"], report.Implementations.Keys);
        JsonElement numeric = Json(report.Implementations["finite-difference"]);
        Assert.Equal(53, numeric.GetProperty("coordinates").GetArrayLength());
        Assert.Equal([NeuralNetChecks.GradientsFiniteDifferences.Title], numeric.GetProperty("comparisons").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(2, Json(report.Implementations["from-scratch"]).GetProperty("comparisons").GetArrayLength());
        Assert.Equal(5, Json(report.Implementations["from-scratch"]).GetProperty("gradients")[0].GetProperty("weight").GetArrayLength());
    }

    /// <summary>K coordinates of a larger model, distinct, in parameter order, fixed by the seed, each with its central difference.</summary>
    [Fact]
    public void FiniteDifferencesAreSampledWithTheSeed()
    {
        MlpDescription net = Generators.Network(8, 6, [20, 10], 3, Activation.Tanh, LossKind.SoftmaxCrossEntropy);
        (Matrix x, int[] labels) = Generators.Batch(8, 12, 6, 3);
        var batch = new LabeledData(x, labels, 3);
        IReadOnlyList<ParameterCoordinate> first = FiniteDifferences.Sample(net, 16, new Rng(7));
        Assert.Equal(16, first.Distinct().Count());
        Assert.Equal(first, FiniteDifferences.Sample(net, 16, new Rng(7)));
        Assert.NotEqual(first, FiniteDifferences.Sample(net, 16, new Rng(8)));
        Assert.Equal(first.OrderBy(c => c.Layer).ThenBy(c => c.Bias).ThenBy(c => c.Row).ThenBy(c => c.Column), first);

        GradientVerification.Outcome outcome = GradientVerification.Verify(net, batch, 16, 7, "the batch");
        JsonElement numeric = Json(outcome.Implementations["finite-difference"]);
        Assert.Equal((6 * 20) + 20 + (20 * 10) + 10 + (10 * 3) + 3, numeric.GetProperty("parameters").GetInt32());
        Assert.Equal(7UL, numeric.GetProperty("seed").GetUInt64());
        IReadOnlyList<FiniteDifference> expected = FiniteDifferences.At(net, x, labels, first);
        Assert.Equal(first.Select(c => c.Parameter), numeric.GetProperty("coordinates").EnumerateArray().Select(c => c.GetProperty("parameter").GetString()));
        Assert.Equal(expected.Select(d => d.Value), numeric.GetProperty("coordinates").EnumerateArray().Select(c => c.GetProperty("value").GetDouble()));
        Assert.Equal(16, outcome.Checks[1].Comparison.Count);
        Assert.True(outcome.Report().Passed);
    }

    /// <summary>
    /// One ReLU unit with z = 0 exactly on the only row: a ±h step of its bias moves z across the kink, so that
    /// coordinate is reported with crossesKink and left out; a weight step moves z by h·0 and stays compared.
    /// </summary>
    [Fact]
    public void CoordinatesAcrossAReluKinkAreReportedAndLeftOut()
    {
        var net = new MlpDescription(
            [
                new LayerValues(Matrix.FromRows([[1.0, 1.0]]), [0.0], Activation.Relu),
                new LayerValues(Matrix.FromRows([[0.5], [-0.5]]), [0.1, -0.1], Activation.Identity),
            ],
            LossKind.SoftmaxCrossEntropy);
        var batch = new LabeledData(Matrix.FromRows([[0.0, 0.0]]), [1], 2);
        GradientVerification.Outcome outcome = GradientVerification.Verify(net, batch, 64, 1, "the batch");
        JsonElement[] coordinates = [.. Json(outcome.Implementations["finite-difference"]).GetProperty("coordinates").EnumerateArray()];
        Assert.Equal(7, coordinates.Length);
        JsonElement kink = Assert.Single(coordinates, c => c.GetProperty("crossesKink").GetBoolean());
        Assert.Equal("layers.0.bias", kink.GetProperty("parameter").GetString());
        Assert.Equal(6, outcome.Checks[1].Comparison.Count);
        Assert.Contains("1 more sampled but left out", outcome.Checks[1].MeasuredOn, StringComparison.Ordinal);
        Assert.True(outcome.Report().Passed);
    }

    /// <summary>A NaN in autograd's, the finite differences' or the hand gradient fails that comparison and the verify, naming the side.</summary>
    [Fact]
    public void ANaNInAnyImplementationFailsItsComparison()
    {
        MlpDescription net = Generators.Network(5, 6, [5], 3, Activation.Tanh, LossKind.SoftmaxCrossEntropy);
        (Matrix x, int[] labels) = Generators.Batch(5, 4, 6, 3);
        var network = new Mlp(net);
        double loss = network.LossAndGradients(x, labels);
        IReadOnlyList<LayerGradient> hand = network.Gradients();
        IReadOnlyList<LayerGradient> torch = network.Gradients();
        IReadOnlyList<FiniteDifference> numeric = FiniteDifferences.At(net, x, labels, FiniteDifferences.Sample(net, 64, new Rng(1)));
        ParityAssert.Passes(NeuralNetChecks.GradientsFiniteDifferences, GradientVerification.FiniteDifferenceComparison(hand, numeric));

        torch[0].Bias[2] = double.NaN;
        Comparison autograd = GradientVerification.AutogradComparison(loss, hand, loss, torch);
        ParityAssert.Fails(NeuralNetChecks.GradientsAutograd, autograd);
        Assert.Equal("torch: layers.0.bias.grad[2] is NaN", autograd.NonFinite);

        FiniteDifference[] poisoned = [.. numeric.Select((d, i) => i == 3 ? d with { Value = double.NaN } : d)];
        Comparison finite = GradientVerification.FiniteDifferenceComparison(hand, poisoned);
        ParityAssert.Fails(NeuralNetChecks.GradientsFiniteDifferences, finite);
        Assert.Equal($"finite-difference: {numeric[3].Coordinate} is NaN", finite.NonFinite);

        hand[1].Weight[0, 0] = double.NaN;
        Comparison handNaN = GradientVerification.FiniteDifferenceComparison(hand, numeric);
        ParityAssert.Fails(NeuralNetChecks.GradientsFiniteDifferences, handNaN);
        Assert.StartsWith("from-scratch: ", handNaN.NonFinite, StringComparison.Ordinal);

        var report = VerifyReport.Create(GradientVerification.Check, new Dictionary<string, object> { ["from-scratch"] = new { loss }, ["torch"] = new { loss } },
            [NeuralNetChecks.GradientsAutograd.Measure(autograd, "the batch"), NeuralNetChecks.GradientsFiniteDifferences.Measure(finite, "the batch")]);
        Assert.False(report.Passed);
        Assert.All(report.Comparisons, c => Assert.False(c.Passed));
        Assert.Equal("torch: layers.0.bias.grad[2] is NaN", report.Comparisons[0].Failure);
    }

    [Theory]
    [InlineData("0.5,1,-2,0.25,3,-1,3\n", "b.csv:1: column 7", "class index 3 is out of range 0..2")]
    [InlineData("0.5,1,-2,0.25,3,2\n", "b.csv:1", "has 5 feature columns, the model takes 6")]
    [InlineData("0.5,1,-2,0.25,3,x,2\n", "b.csv:1: column 6", "'x' is not a number")]
    public void BadBatchesNameTheField(string csv, string field, string what)
    {
        MlpDescription net = Generators.Network(5, 6, [5], 3, Activation.Relu, LossKind.SoftmaxCrossEntropy);
        (string model, string input) = Write(net, csv);
        var error = Assert.ThrowsAny<UserInputException>(() => GradientVerification.Run(model, input));
        Assert.Contains(what, error.Message, StringComparison.Ordinal);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
        Assert.Contains(input, error.Message, StringComparison.Ordinal);
    }

    private static JsonElement Json(object entry) => JsonDocument.Parse(JsonOutput.Serialize(entry)).RootElement;

    private (string Model, string Input) Write(MlpDescription net, string csv)
    {
        string model = Path.Combine(_folder, "m.json");
        string input = Path.Combine(_folder, "b.csv");
        ModelFile.Save(model, net, null);
        File.WriteAllText(input, csv.ToString(CultureInfo.InvariantCulture));
        return (model, input);
    }
}
