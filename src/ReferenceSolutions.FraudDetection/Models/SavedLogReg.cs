using System.Text.Json.Nodes;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.FraudDetection.LogisticRegression;

namespace ReferenceSolutions.FraudDetection.Models;

/// <summary>
/// <c>refsol-logreg</c> (<see cref="FraudModelFormats.LogRegFile"/>), the from-scratch logistic regression:
/// <c>{"format", "version", "features", "label", "timeColumn", "mean", "scale", "rescaled", "intercept",
/// "coefficients", "prior", "thresholds"}</c>. The probability of a raw row x (d) is
/// p = σ(intercept + Σⱼ coefficientsⱼ·(xⱼ − meanⱼ)/scaleⱼ) — for a column listed in <c>rescaled</c>,
/// zⱼ = (xⱼ·2^exponent − rescaled.mean)/rescaled.scale instead, the same value computed without overflow — then, with a
/// prior, β·p/(β·p − p + 1). Scored by the run's own code (<see cref="Data.Standardizer"/>, <see cref="LogisticModel"/>),
/// so the probabilities are the run's bit for bit.
/// </summary>
internal sealed record SavedLogReg(SavedInput Input, LogisticModel Model) : ISavedFraudModel
{
    /// <summary>Writes the artifact into <paramref name="folder"/>.</summary>
    public void Save(string folder)
    {
        var json = new JsonObject { ["format"] = FraudModelFormats.LogReg, ["version"] = FraudModelFormats.Version };
        Input.WriteHeader(json);
        json["intercept"] = Model.Intercept;
        json["coefficients"] = SavedJson.Array(Model.Weights);
        Input.WriteDecisions(json);
        SavedJson.Write(Path.Combine(folder, FraudModelFormats.LogRegFile), json);
    }

    /// <summary>Reads the artifact in <paramref name="folder"/>.</summary>
    public static SavedLogReg Load(string folder)
    {
        SavedJson json = SavedJson.Open(Path.Combine(folder, FraudModelFormats.LogRegFile), FraudModelFormats.LogReg);
        SavedInput input = SavedInput.Read(json);
        return new SavedLogReg(input, new LogisticModel(json.Number("intercept"), json.Numbers("coefficients", input.Features.Count)));
    }

    /// <summary>
    /// The parameters of the exported ONNX graph: μ, s as the run applies them (the scaled values and their exponents for
    /// the columns in <c>rescaled</c>), b, w and β.
    /// </summary>
    public Onnx.SavedLogisticRegression OnnxParameters()
    {
        double[] mean = [.. Input.Scaler.Mean], scale = [.. Input.Scaler.Scale];
        int[] exponents = new int[mean.Length];
        foreach ((int column, int exponent, double scaledMean, double scaledScale) in Input.Scaler.Rescaled)
        {
            (exponents[column], mean[column], scale[column]) = (exponent, scaledMean, scaledScale);
        }
        return new Onnx.SavedLogisticRegression(Input.Features, mean, scale, Model.Intercept, Model.Weights, Input.Prior?.Beta, exponents);
    }

    /// <summary>σ(b + Z·w) per standardised row of Z (n×d), before the prior correction.</summary>
    public double[] SampleProbabilities(Matrix z) => Model.Probabilities(z);
}
