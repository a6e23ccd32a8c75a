using System.Globalization;
using ReferenceSolutions.Core.Data;
using ReferenceSolutions.NeuralNet.FromScratch;
using ReferenceSolutions.NeuralNet.Models;

namespace ReferenceSolutions.NeuralNet.Tests;

/// <summary><c>verify gradients</c>: three implementations that agree on a valid input; bad input names the field.</summary>
public sealed class GradientVerificationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("refsol-nn-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void ImplementationsAgreeOnARandomModel()
    {
        MlpDescription net = Generators.Network(5, 6, [5], 3, Activation.Sigmoid, LossKind.SoftmaxCrossEntropy);
        (string model, string input) = Write(net, "0.5,1,-2,0.25,3,-1,2\n1,0,0,0,0,1,0\n");
        var report = GradientVerification.Run(model, input);
        Assert.True(report.Passed, $"max |diff| {report.MaxAbsDiff:E3}");
        Assert.Equal(["from-scratch", "torch", "finite-difference"], report.Implementations.Keys);
        var scratch = (GradientVerification.Result)report.Implementations["from-scratch"];
        var numeric = (GradientVerification.Result)report.Implementations["finite-difference"];
        Assert.Equal(2, scratch.Gradients.Count);
        Assert.Equal(5, scratch.Gradients[0].Weight.Length);
        Assert.Equal(6, scratch.Gradients[0].Weight[0].Length);
        for (int l = 0; l < 2; l++)
        {
            for (int i = 0; i < scratch.Gradients[l].Bias.Length; i++)
            {
                Assert.True(Math.Abs(scratch.Gradients[l].Bias[i] - numeric.Gradients[l].Bias[i]) <= 1e-8);
            }
        }
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

    private (string Model, string Input) Write(MlpDescription net, string csv)
    {
        string model = Path.Combine(_folder, "m.json");
        string input = Path.Combine(_folder, "b.csv");
        ModelFile.Save(model, net, null);
        File.WriteAllText(input, csv.ToString(CultureInfo.InvariantCulture));
        return (model, input);
    }
}
