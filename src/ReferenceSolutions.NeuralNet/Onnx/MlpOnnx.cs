using System.Globalization;
using ReferenceSolutions.Core.Onnx;
using ReferenceSolutions.NeuralNet.Data;
using ReferenceSolutions.NeuralNet.FromScratch;

namespace ReferenceSolutions.NeuralNet.Onnx;

/// <summary>
/// The from-scratch MLP's whole scoring function as one float64 ONNX graph (opset 17), input <c>input</c>: N×D raw
/// features, output <c>probability</c>: N×C:
/// <code>
/// A₀ = Div(Sub(input, μ), σ)                      // the input scaling (x − μ)/σ, scalars μ, σ; omitted without one
/// Zₗ = Gemm(Aₗ₋₁, Wₗ, bₗ, transB = 1)           // (N,Dₗ)·(Hₗ,Dₗ)ᵀ + (Hₗ) → (N,Hₗ), W stored H×D as in model.json
/// Aₗ = Relu(Zₗ) | Tanh(Zₗ) | σ(Zₗ) | Zₗ          // the layer's activation; σ spelled out (OnnxGraphBuilder.Sigmoid)
/// probability = Softmax(Z_L, axis = 1)            // softmax-cross-entropy; Identity(Z_L) for mse
/// </code>
/// The same operations in the same order as <see cref="InputScaling.Apply(Matrix)"/>, <see cref="Mlp.Forward(Matrix)"/> and
/// <see cref="Evaluation.ClassificationMetrics.Softmax"/>; only the order of the GEMM sums and the exp/tanh kernels differ.
/// <see cref="InputScaling.Apply(double)"/> switches to x/σ − μ/σ where x − μ overflows (|x| near 1.8e308); the graph
/// does not, so such inputs give ±∞ there.
/// </summary>
public static class MlpOnnx
{
    /// <summary>The graph of <paramref name="model"/> with its input scaling (none when null), serialised.</summary>
    public static byte[] Build(MlpDescription model, InputScaling? scaling, string producerVersion)
    {
        ArgumentNullException.ThrowIfNull(model);
        var g = new OnnxGraphBuilder("mlp");
        string a = g.Input(OnnxRunner.InputName, OnnxElementType.Double, OnnxDimension.Symbol("N"), OnnxDimension.Fixed(model.Inputs));
        if (scaling is not null)
        {
            a = g.Node("Div", [g.Node("Sub", [a, g.Scalar("inputMean", scaling.Mean)]), g.Scalar("inputScale", scaling.Scale)]);
        }
        for (int l = 0; l < model.Layers.Count; l++)
        {
            LayerValues layer = model.Layers[l];
            string w = g.Constant(Name("W", l), [layer.Weight.Rows, layer.Weight.Columns], layer.Weight.Data);
            string b = g.Constant(Name("b", l), [layer.Bias.Length], layer.Bias);
            string z = g.Node("Gemm", [a, w, b], null, OnnxAttribute.Of("transB", 1L));
            a = layer.Activation switch
            {
                Activation.Identity => z,
                Activation.Relu => g.Node("Relu", [z]),
                Activation.Tanh => g.Node("Tanh", [z]),
                Activation.Sigmoid => g.Sigmoid(z),
                _ => throw new ArgumentOutOfRangeException(nameof(model), layer.Activation, null),
            };
        }
        if (model.Loss == LossKind.SoftmaxCrossEntropy)
        {
            g.Node("Softmax", [a], OnnxRunner.OutputName, OnnxAttribute.Of("axis", 1L));
        }
        else
        {
            g.Node("Identity", [a], OnnxRunner.OutputName);
        }
        g.Output(OnnxRunner.OutputName, OnnxElementType.Double, OnnxDimension.Symbol("N"), OnnxDimension.Fixed(model.Outputs));
        string shape = string.Join(" → ", model.Layers.Select(l => l.Weight.Rows).Prepend(model.Inputs));
        return OnnxWriter.Write(g.Build(producerVersion, $"MLP {shape}, loss {LossKinds.Name(model.Loss)}"));
    }

    /// <summary>
    /// Adds the check's comparison of ONNX Runtime's outputs <paramref name="onnx"/> with the from-scratch ones
    /// <paramref name="native"/> (both N×C) to <paramref name="comparison"/>: relative for softmax probabilities, relative
    /// to max(|P_onnx|, |P|, 1) for the identity outputs of an mse network (<see cref="OnnxParity"/>).
    /// </summary>
    public static Core.Reporting.Comparison AddParity(Core.Reporting.Comparison comparison, Matrix onnx, Matrix native, LossKind loss) =>
        OnnxParity.AddRelative(comparison, "P", onnx, native, loss == LossKind.SoftmaxCrossEntropy ? 0.0 : 1.0);

    private static string Name(string kind, int layer) => string.Create(CultureInfo.InvariantCulture, $"{kind}{layer}");
}
