using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.NeuralNet.Data;
using ReferenceSolutions.NeuralNet.FromScratch;
using ReferenceSolutions.NeuralNet.Models;
using ReferenceSolutions.TestSupport;

namespace ReferenceSolutions.NeuralNet.Tests;

/// <summary>The model file round-trips every weight exactly, and a damaged file is an error naming the field.</summary>
public sealed class ModelFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("refsol-nn-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void SaveThenLoadGivesTheSameNetwork()
    {
        MlpDescription net = Generators.Network(3, 5, [4, 3], 2, Activation.Tanh, LossKind.SoftmaxCrossEntropy);
        string path = Path.Combine(_folder, "m.json");
        ModelFile.Save(path, net, new InputScaling(1.5, 2.5));
        (MlpDescription loaded, InputScaling? scaling) = ModelFile.Load(path);
        Assert.NotNull(scaling);
        ParityAssert.Passes(NeuralNetChecks.ModelFileRoundTrip, new Comparison("written", "read")
            .AddParameters(net, loaded)
            .Add("inputScaling.mean", 1.5, scaling.Mean)
            .Add("inputScaling.scale", 2.5, scaling.Scale));
        Assert.Equal(net.Layers.Select(l => l.Activation), loaded.Layers.Select(l => l.Activation));
        Assert.Equal(net.Loss, loaded.Loss);
    }

    [Theory]
    [InlineData("{\"layers\": [{\"weight\": [[1, 2], [3]], \"bias\": [0, 0], \"activation\": \"relu\"}], \"loss\": \"softmax-cross-entropy\"}", "layers[0].weight[1]")]
    [InlineData("{\"layers\": [{\"weight\": [[1, 2]], \"bias\": [0, 0], \"activation\": \"relu\"}], \"loss\": \"softmax-cross-entropy\"}", "layers[0].bias")]
    [InlineData("{\"layers\": [{\"weight\": [[1, 2]], \"bias\": [0], \"activation\": \"swish\"}], \"loss\": \"softmax-cross-entropy\"}", "layers[0].activation")]
    [InlineData("{\"layers\": [{\"weight\": [[1, 2]], \"bias\": [0], \"activation\": \"relu\"}, {\"weight\": [[1, 2]], \"bias\": [0], \"activation\": \"identity\"}], \"loss\": \"softmax-cross-entropy\"}", "layers[1].weight")]
    [InlineData("{\"layers\": [{\"weight\": [[1, 2]], \"bias\": [0], \"activation\": \"relu\"}], \"loss\": \"hinge\"}", "loss")]
    [InlineData("{\"layers\": [{\"weight\": [[1, 2]], \"bias\": [0], \"activa", "not valid JSON")]
    [InlineData("{\"version\": 2, \"layers\": [{\"weight\": [[1, 2]], \"bias\": [0], \"activation\": \"relu\"}], \"loss\": \"mse\"}", "version")]
    public void ADamagedFileNamesTheField(string json, string field)
    {
        string path = Path.Combine(_folder, "bad.json");
        File.WriteAllText(path, json);
        var error = Assert.ThrowsAny<UserInputException>(() => ModelFile.Load(path));
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }
}
