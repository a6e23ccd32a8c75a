namespace ReferenceSolutions.FraudDetection.Models;

/// <summary>
/// The saved fraud models' formats (a manifest's <c>format</c>) and file names, all at layout <see cref="Version"/>
/// (docs/fraud-detection.md#saved-models-and-scoring).
/// </summary>
internal static class FraudModelFormats
{
    /// <summary>The layout version every JSON artifact carries in its <c>version</c> field.</summary>
    public const int Version = 1;

    /// <summary>The from-scratch logistic regression: <see cref="LogRegFile"/>, self-contained.</summary>
    public const string LogReg = "refsol-logreg";

    /// <summary>The from-scratch PCA anomaly scorer: <see cref="PcaFile"/>, and <see cref="MahalanobisFile"/> when it was fitted.</summary>
    public const string PcaAnomaly = "refsol-pca-anomaly";

    /// <summary>The Mahalanobis detector beside the PCA scorer (the <c>format</c> field of <see cref="MahalanobisFile"/>).</summary>
    public const string Mahalanobis = "refsol-mahalanobis";

    /// <summary>A TorchSharp module (<see cref="TorchFile"/>, <c>module.save</c>) with <see cref="InputFile"/>.</summary>
    public const string TorchModule = "torch-module";

    /// <summary>An ML.NET model zip (<see cref="MLNetFile"/>, <c>mlContext.Model.Save</c>) with <see cref="InputFile"/>.</summary>
    public const string MLNetZip = "mlnet-zip";

    /// <summary>The <c>format</c> field of <see cref="InputFile"/>.</summary>
    public const string Input = "refsol-fraud-input";

    public const string LogRegFile = "logreg.json";
    public const string PcaFile = "pca.json";
    public const string MahalanobisFile = "mahalanobis.json";
    public const string TorchFile = "logreg.pt";
    public const string MLNetFile = "model.zip";
    public const string InputFile = "input.json";
}
