using Microsoft.ML;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.FraudDetection.Calibration;

namespace ReferenceSolutions.FraudDetection.Models;

/// <summary>
/// <c>mlnet-zip</c>: an ML.NET model (<see cref="MLNetZip"/>, <see cref="FraudModelFormats.MLNetFile"/>) and its input
/// in <see cref="FraudModelFormats.InputFile"/> (<see cref="SavedInputFile"/>): <c>output</c> names the ML.NET column
/// the model's probability comes from — <c>Probability</c> (logreg-mlnet, fasttree-mlnet: ML.NET's own calibrated
/// output) or <c>Score</c> (pca-anomaly-mlnet: RandomizedPca's s(z), then the suite's Platt scaling σ(a·s + c) from
/// <c>platt</c>). ML.NET computes in float32; its output is widened to float64 before Platt scaling and the prior.
/// </summary>
internal sealed record SavedMLNet(SavedInput Input, MLContext Context, ITransformer Model, string Output, PlattScaling? Platt) : ISavedFraudModel
{
    /// <summary>Writes the artifacts into <paramref name="folder"/>.</summary>
    public void Save(string folder)
    {
        MLNetZip.Save(Context, Model, Input.Features.Count, Path.Combine(folder, FraudModelFormats.MLNetFile));
        SavedInputFile.Write(folder, Input, Output, Platt);
    }

    /// <summary>Reads the artifacts in <paramref name="folder"/>, with ML.NET seeded by <paramref name="seed"/> (scoring draws nothing).</summary>
    public static SavedMLNet Load(string folder, int seed)
    {
        (SavedInput input, SavedJson json) = SavedInputFile.Read(folder, null);
        string output = json.Text("output");
        if (output is not ("Probability" or "Score"))
        {
            throw json.Error("output", $"is '{Core.Data.Echo.Value(output)}', expected 'Probability' or 'Score'");
        }
        PlattScaling? platt = SavedInputFile.ReadPlatt(json);
        if (output == "Score" && platt is null)
        {
            throw json.Error("platt", "is null, but a Score output needs its Platt scaling");
        }
        var ml = new MLContext(seed);
        return new SavedMLNet(input, ml, MLNetZip.Load(ml, Path.Combine(folder, FraudModelFormats.MLNetFile), input.Features.Count), output, platt);
    }

    /// <summary>The model's raw ML.NET output column on the standardised rows Z (n×d).</summary>
    public double[] Raw(Matrix z) => MLNetZip.Score(Context, Model, z, Output);

    /// <inheritdoc/>
    public double[] SampleProbabilities(Matrix z) => Platt is null ? Raw(z) : Platt.Apply(Raw(z));
}
