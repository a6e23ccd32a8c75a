using ReferenceSolutions.Core.Onnx;

namespace ReferenceSolutions.FraudDetection.Onnx;

/// <summary>
/// The from-scratch logistic regression's whole scoring function as one float64 ONNX graph (opset 17), input
/// <c>input</c>: N×d raw features in the model's feature order, output <c>probability</c>: N×1:
/// <code>
/// z      = Div(Sub(input, mean), scale)                      // (N,d) − (d) → (N,d); z = (x − μ)/s
///          (with Mul(input, 2^e) first when some column was rescaled: exact, as Standardizer's Math.ScaleB)
/// logit  = Gemm(z, coefficients, intercept)                  // (N,d)·(d,1) + (1) → (N,1)
/// p      = Div(Exp(Min(logit, 0)), Add(Exp(Neg(Abs(logit))), 1))   // σ(ℓ): 1/(1 + e^−ℓ) for ℓ ≥ 0, e^ℓ/(1 + e^ℓ) for ℓ &lt; 0
/// probability = Div(Mul(p, β), Add(Sub(Mul(p, β), p), 1))   // with a prior: β·p/(β·p − p + 1); else p itself
/// </code>
/// σ is spelled out (<see cref="OnnxGraphBuilder.Sigmoid"/>) rather than ONNX's <c>Sigmoid</c>, whose float64 CPU kernel
/// loses the relative digits of small probabilities; the spelled-out form is the one
/// <see cref="LogisticRegression.Sigmoid.Of"/> evaluates. For a column whose largest training |x| lies outside
/// [2⁻²⁵⁶, 2²⁵⁶] the from-scratch <see cref="Data.Standardizer"/> scales x, μ and s by a power of two 2^e first; the
/// graph then multiplies the input by 2^e (1 for every other column, an exact product either way) and uses the scaled
/// μ, s it saved, so z is the run's bit for bit on every column.
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
        if (model.Exponents?.Any(e => e != 0) == true)
        {
            x = g.Node("Mul", [x, g.Constant("powerOfTwo", [d], [.. model.Exponents.Select(PowerOfTwo)])]);
        }
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

    /// <summary>
    /// The graph of the <c>refsol-logreg</c> model saved in <paramref name="folder"/> (its <c>logreg.json</c>, read by the
    /// loader <c>refsol score fraud</c> uses), whose feature names must be <paramref name="manifestFeatures"/> in order.
    /// </summary>
    public static byte[] FromSavedFolder(string folder, IReadOnlyList<string> manifestFeatures, string manifestPath)
    {
        ArgumentNullException.ThrowIfNull(manifestFeatures);
        Models.SavedLogReg saved = Models.SavedLogReg.Load(folder);
        if (!saved.Input.Features.SequenceEqual(manifestFeatures, StringComparer.Ordinal))
        {
            throw new Core.Data.DataFormatException(Path.Combine(folder, Models.FraudModelFormats.LogRegFile), null, "'features'",
                $"differ from the manifest's ({manifestPath}): the columns must be the same, in the same order");
        }
        return Build(saved.OnnxParameters(), Core.Models.SuiteVersion.Current);
    }

    /// <summary>2^e as a float64 constant; e beyond the normal range cannot be a graph constant.</summary>
    private static double PowerOfTwo(int exponent) =>
        exponent is >= -1022 and <= 1023
            ? Math.ScaleB(1.0, exponent)
            : throw new Core.Data.UserInputException($"a column was rescaled by 2^{exponent}, which is not a normal float64 and cannot be an ONNX constant: this model cannot be exported");
}
