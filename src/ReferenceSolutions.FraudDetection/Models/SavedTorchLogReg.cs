using ReferenceSolutions.Core.LinearAlgebra;

namespace ReferenceSolutions.FraudDetection.Models;

/// <summary>
/// <c>torch-module</c>: logreg-torch's <see cref="TorchLogisticModule"/> in <see cref="FraudModelFormats.TorchFile"/>
/// (<c>module.save</c>; parameters <c>weight</c> (1, d) and <c>bias</c> (1), float64) and its input in
/// <see cref="FraudModelFormats.InputFile"/> (<see cref="SavedInputFile"/>, <c>output</c> = <c>forward</c>).
/// </summary>
internal sealed record SavedTorchLogReg(SavedInput Input, TorchLogisticModule Module) : ISavedFraudModel
{
    /// <summary>The output named in input.json.</summary>
    public const string Output = "forward";

    /// <summary>Writes the artifacts into <paramref name="folder"/>.</summary>
    public void Save(string folder)
    {
        Module.Save(Path.Combine(folder, FraudModelFormats.TorchFile));
        SavedInputFile.Write(folder, Input, Output, null);
    }

    /// <summary>Reads the artifacts in <paramref name="folder"/>.</summary>
    public static SavedTorchLogReg Load(string folder)
    {
        (SavedInput input, _) = SavedInputFile.Read(folder, Output);
        return new SavedTorchLogReg(input, TorchLogisticModule.Load(Path.Combine(folder, FraudModelFormats.TorchFile), input.Features.Count));
    }

    /// <inheritdoc/>
    public double[] SampleProbabilities(Matrix z) => Module.Probabilities(z);
}
