using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Onnx;
using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.NeuralNet.Data;
using ReferenceSolutions.NeuralNet.Evaluation;
using ReferenceSolutions.NeuralNet.FromScratch;
using ReferenceSolutions.NeuralNet.Models;
using ReferenceSolutions.NeuralNet.Onnx;
using ReferenceSolutions.TestSupport;
using Xunit.Abstractions;

namespace ReferenceSolutions.NeuralNet.Tests.Onnx;

/// <summary>The exported MLP: ONNX Runtime against the from-scratch forward pass, and the file's structure read back.</summary>
public sealed class MlpOnnxTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("refsol-onnx-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData(Activation.Relu, LossKind.SoftmaxCrossEntropy)]
    [InlineData(Activation.Tanh, LossKind.SoftmaxCrossEntropy)]
    [InlineData(Activation.Sigmoid, LossKind.SoftmaxCrossEntropy)]
    [InlineData(Activation.Identity, LossKind.SoftmaxCrossEntropy)]
    [InlineData(Activation.Tanh, LossKind.MeanSquaredError)]
    [InlineData(Activation.Sigmoid, LossKind.MeanSquaredError)]
    public void OnnxRuntimeGivesTheFromScratchOutputsForEveryActivationAndLoss(Activation activation, LossKind loss)
    {
        MlpDescription net = Generators.Network(21, 7, [12, 5], 4, activation, loss);
        var scaling = new InputScaling(8.0, 5.0);
        Matrix x = new Rng(22).GaussianMatrix(300, 7, 6.0);
        Compare(net, scaling, x, "seeded network");
    }

    [Fact]
    public void OnnxRuntimeGivesTheProbabilitiesOfANetworkTrainedOnPlantedClusters()
    {
        (LabeledData train, LabeledData test) = PlantedClusters.Generate(23, 1000, 500);
        (MlpDescription net, InputScaling scaling) = Train(train, [16], 200);
        Compare(net, scaling, test.Features, "planted clusters, 200 Adam steps");
    }

    [RealDataFact("optdigits/optdigits-train.csv", "optdigits/optdigits-test.csv")]
    public void OnnxRuntimeGivesTheProbabilitiesOfANetworkTrainedOnOptdigits()
    {
        LabeledData train = LabeledCsv.Read(RealData.Path("optdigits/optdigits-train.csv"));
        LabeledData test = LabeledCsv.Read(RealData.Path("optdigits/optdigits-test.csv"), train.Classes, train.Features.Columns);
        (MlpDescription net, InputScaling scaling) = Train(train, [64, 32], 60);
        Compare(net, scaling, test.Features, "optdigits test split, 60 Adam steps");
    }

    [Fact]
    public void AWrongWeightBreaksParity()
    {
        MlpDescription net = Generators.Network(24, 6, [8], 3, Activation.Relu, LossKind.SoftmaxCrossEntropy);
        var scaling = new InputScaling(1.0, 2.0);
        Matrix x = new Rng(25).GaussianMatrix(100, 6, 3.0);
        Matrix native = Native(net, scaling, x);
        Matrix weight = net.Layers[1].Weight;
        var nudged = new Matrix(weight.Rows, weight.Columns, (double[])weight.Data.Clone());
        nudged.Data[0] *= 1 + 1e-9;
        MlpDescription wrong = net with { Layers = [net.Layers[0], net.Layers[1] with { Weight = nudged }] };
        Matrix onnx = OnnxRunner.Run(MlpOnnx.Build(wrong, scaling, "test"), x);
        ParityAssert.Fails(NeuralNetChecks.OnnxMlp, MlpOnnx.AddParity(new Comparison("onnx", ModelKinds.FromScratch), onnx, native, net.Loss));
        Matrix unscaled = OnnxRunner.Run(MlpOnnx.Build(net, null, "test"), x);
        ParityAssert.Fails(NeuralNetChecks.OnnxMlp, MlpOnnx.AddParity(new Comparison("onnx", ModelKinds.FromScratch), unscaled, native, net.Loss));
    }

    [Fact]
    public void TheFileReadBackHoldsTheNamedInputAndOutputAndEveryLayersShapeAndNumbers()
    {
        MlpDescription net = Generators.Network(26, 64, [32, 16], 10, Activation.Tanh, LossKind.SoftmaxCrossEntropy);
        var scaling = new InputScaling(4.8, 6.1);
        string path = Path.Combine(_folder, "model.json");
        ModelFile.Save(path, net, scaling);
        (MlpDescription loaded, InputScaling? loadedScaling) = ModelFile.Load(path);
        byte[] bytes = MlpOnnx.Build(loaded, loadedScaling, "test");
        Assert.Equal(bytes, MlpOnnx.Build(net, scaling, "test"));
        OnnxModel model = OnnxReader.Read(bytes);
        Assert.Equal([new OnnxOpset("", 17)], model.Opsets);
        Assert.Equal(("input", OnnxElementType.Double, "N,64"), (model.Graph.Inputs.Single().Name, model.Graph.Inputs[0].ElementType, string.Join(",", model.Graph.Inputs[0].Shape)));
        Assert.Equal(("probability", OnnxElementType.Double, "N,10"), (model.Graph.Outputs.Single().Name, model.Graph.Outputs[0].ElementType, string.Join(",", model.Graph.Outputs[0].Shape)));
        Dictionary<string, OnnxTensor> initializers = model.Graph.Initializers.ToDictionary(t => t.Name);
        for (int l = 0; l < net.Layers.Count; l++)
        {
            Assert.Equal([net.Layers[l].Weight.Rows, net.Layers[l].Weight.Columns], initializers[$"W{l}"].Dims);
            Assert.Equal(net.Layers[l].Weight.Data, initializers[$"W{l}"].Values);
            Assert.Equal(net.Layers[l].Bias, initializers[$"b{l}"].Values);
        }
        Assert.Equal([4.8], initializers["inputMean"].Values);
        Assert.Equal([6.1], initializers["inputScale"].Values);
        Assert.Equal(["Sub", "Div", "Gemm", "Tanh", "Gemm", "Tanh", "Gemm", "Softmax"], model.Graph.Nodes.Select(n => n.OpType));
        Assert.All(model.Graph.Nodes.Where(n => n.OpType == "Gemm"), n => Assert.Equal(OnnxAttribute.Of("transB", 1L), n.Attributes.Single()));
    }

    private void Compare(MlpDescription net, InputScaling scaling, Matrix x, string what)
    {
        Matrix onnx = OnnxRunner.Run(MlpOnnx.Build(net, scaling, "test"), x);
        Comparison comparison = MlpOnnx.AddParity(new Comparison("onnx", ModelKinds.FromScratch), onnx, Native(net, scaling, x), net.Loss);
        output.WriteLine($"{what}, {x.Rows} rows: {comparison.Describe(NeuralNetChecks.OnnxMlp.Tolerance.Value)}");
        ParityAssert.Passes(NeuralNetChecks.OnnxMlp, comparison);
    }

    /// <summary>The from-scratch scoring: scale, forward, and the softmax for the cross-entropy loss.</summary>
    private static Matrix Native(MlpDescription net, InputScaling scaling, Matrix x)
    {
        Matrix outputs = new Mlp(net).Forward(scaling.Apply(x));
        return net.Loss == LossKind.SoftmaxCrossEntropy ? ClassificationMetrics.Softmax(outputs) : outputs;
    }

    /// <summary>Full-batch Adam (learning rate 0.01) on the scaled training rows, from a seeded ReLU network.</summary>
    private static (MlpDescription Net, InputScaling Scaling) Train(LabeledData train, int[] hidden, int steps)
    {
        InputScaling scaling = InputScaling.Fit(train.Features);
        Matrix x = scaling.Apply(train.Features);
        var mlp = new Mlp(MlpDescription.Create(x.Columns, hidden, train.Classes, Activation.Relu, LossKind.SoftmaxCrossEntropy, new Rng(27)));
        var adam = new Adam(mlp.Parameters, 0.01);
        for (int step = 0; step < steps; step++)
        {
            mlp.LossAndGradients(x, train.Labels);
            adam.Step();
        }
        return (mlp.Describe(), scaling);
    }
}
