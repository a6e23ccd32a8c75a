using ReferenceSolutions.Core.Onnx;

namespace ReferenceSolutions.FraudDetection.Onnx;

/// <summary>
/// The from-scratch logistic regression's whole scoring function as one float64 ONNX graph (opset 17), input
/// <c>input</c>: N×d raw features in the model's feature order, output <c>probability</c>: N×1:
/// <code>
/// z      = Div(Sub(input, mean), scale)                      // (N,d) − (d) → (N,d); z = (x − μ)/s
/// logit  = Gemm(z, coefficients, intercept)                  // (N,d)·(d,1) + (1) → (N,1)
/// p      = Div(Exp(Min(logit, 0)), Add(Exp(Neg(Abs(logit))), 1))   // σ(ℓ): 1/(1 + e^−ℓ) for ℓ ≥ 0, e^ℓ/(1 + e^ℓ) for ℓ &lt; 0
/// probability = Div(Mul(p, β), Add(Sub(Mul(p, β), p), 1))   // with a prior: β·p/(β·p − p + 1); else p itself
/// </code>
/// σ is spelled out (<see cref="OnnxGraphBuilder.Sigmoid"/>) rather than ONNX's <c>Sigmoid</c>, whose float64 CPU kernel
/// loses the relative digits of small probabilities; the spelled-out form is the one
/// <see cref="LogisticRegression.Sigmoid.Of"/> evaluates. The graph computes (x − μ)/s directly;
/// the from-scratch <see cref="Data.Standardizer"/> forms the same quotient after scaling x, μ and s by a power of two
/// only for a column whose largest |x| lies outside [2⁻²⁵⁶, 2²⁵⁶], so for every ordinary column the two agree bit for bit.
/// </summary>
public static class LogisticRegressionOnnx
{
    /// <summary>The graph of <paramref name="model"/>, serialised (the bytes of a <c>.onnx</c> file).</summary>
    public static byte[] Build(SavedLogisticRegression model, string producerVersion)
    {
        ArgumentNullException.ThrowIfNull(model);
        int d = model.Features.Count;
        var g = new OnnxGraphBuilder("logreg");
        string x = g.Input(OnnxRunner.InputName, OnnxElementType.Double, OnnxDimension.Symbol("N"), OnnxDimension.Fixed(d));
        string centered = g.Node("Sub", [x, g.Constant("mean", [d], model.Mean)]);
        string z = g.Node("Div", [centered, g.Constant("scale", [d], model.Scale)]);
        string logit = g.Node("Gemm", [z, g.Constant("coefficients", [d, 1], model.Coefficients), g.Constant("intercept", [1], [model.Intercept])]);
        string p = g.Sigmoid(logit, model.PriorBeta is null ? OnnxRunner.OutputName : null);
        if (model.PriorBeta is double beta)
        {
            string scaled = g.Node("Mul", [p, g.Scalar("beta", beta)]);
            string denominator = g.Node("Add", [g.Node("Sub", [scaled, p]), g.Scalar("one", 1.0)]);
            g.Node("Div", [scaled, denominator], OnnxRunner.OutputName);
        }
        g.Output(OnnxRunner.OutputName, OnnxElementType.Double, OnnxDimension.Symbol("N"), OnnxDimension.Fixed(1));
        g.Metadata("features", string.Join(",", model.Features));
        return OnnxWriter.Write(g.Build(producerVersion, "logistic regression: σ(b + Σⱼ wⱼ·(xⱼ − μⱼ)/sⱼ), then β·p/(β·p − p + 1) when a prior is set"));
    }
}
