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

    /// <summary>
    /// The streaming reader allocates in proportion to the file: ≈ 24 bytes per number (a growing list and the final
    /// array) against ≈ 20 bytes per number written, so under twice the file's size (a JSON tree took ≈ 60 times).
    /// </summary>
    [Fact]
    public void ALargeModelLoadsInAllocationProportionalToItsSize()
    {
        MlpDescription net = Generators.Network(5, 64, [1024, 256], 10, Activation.Relu, LossKind.SoftmaxCrossEntropy);
        string path = Path.Combine(_folder, "large.json");
        ModelFile.Save(path, net, null);
        long size = new FileInfo(path).Length;
        Assert.True(size > 5_000_000, $"{size} bytes");

        long before = GC.GetAllocatedBytesForCurrentThread();
        (MlpDescription loaded, _) = ModelFile.Load(path);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated < 2 * size, $"loading {size:N0} bytes allocated {allocated:N0}");
        ParityAssert.Passes(NeuralNetChecks.ModelFileRoundTrip, new Comparison("written", "read").AddParameters(net, loaded));
    }

    [Theory]
    [InlineData("{\"layers\": [{\"weight\": [[1, 2], [3]], \"bias\": [0, 0], \"activation\": \"relu\"}], \"loss\": \"softmax-cross-entropy\"}", "layers[0].weight[1]")]
    [InlineData("{\"layers\": [{\"weight\": [[1, 2]], \"bias\": [0, 0], \"activation\": \"relu\"}], \"loss\": \"softmax-cross-entropy\"}", "layers[0].bias")]
    [InlineData("{\"layers\": [{\"weight\": [[1, 2]], \"bias\": [0], \"activation\": \"swish\"}], \"loss\": \"softmax-cross-entropy\"}", "layers[0].activation")]
    [InlineData("{\"layers\": [{\"weight\": [[1, 2]], \"bias\": [0], \"activation\": \"relu\"}, {\"weight\": [[1, 2]], \"bias\": [0], \"activation\": \"identity\"}], \"loss\": \"softmax-cross-entropy\"}", "layers[1].weight")]
    [InlineData("{\"layers\": [{\"weight\": [[1, 2]], \"bias\": [0], \"activation\": \"relu\"}], \"loss\": \"hinge\"}", "loss")]
    [InlineData("{\"layers\": [{\"weight\": [[1, 2]], \"bias\": [0], \"activa", "not valid JSON")]
    [InlineData("{\"layers\": [{\"weight\": [[1, 1e999]], \"bias\": [0], \"activation\": \"relu\"}], \"loss\": \"mse\"}", "layers[0].weight[0][1]: expected a finite number, found 1e999")]
    [InlineData("{\"layers\": [{\"weight\": [[1, null]], \"bias\": [0], \"activation\": \"relu\"}], \"loss\": \"mse\"}", "layers[0].weight[0][1]: expected a finite number, found null")]
    [InlineData("{\"layers\": [{\"weight\": [[1, 2]], \"bias\": [0], \"activation\": \"relu\"}], \"loss\": \"mse\", \"layers\": []}", "\"layers\" appears twice")]
    [InlineData("{\"layers\": [{\"weight\": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}]}", "maximum configured depth of 64")]
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
