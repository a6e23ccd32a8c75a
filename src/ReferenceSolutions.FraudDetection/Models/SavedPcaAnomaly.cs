using System.Text.Json.Nodes;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.FraudDetection.Anomaly;
using ReferenceSolutions.FraudDetection.Calibration;

namespace ReferenceSolutions.FraudDetection.Models;

/// <summary>
/// <c>refsol-pca-anomaly</c> (<see cref="FraudModelFormats.PcaFile"/>), the from-scratch PCA anomaly scorer:
/// <c>{"format", "version", "features", "label", "timeColumn", "mean", "scale", "rescaled", "center", "rank",
/// "axes", "eigenvalues", "platt": {"slope", "intercept"}, "prior", "thresholds"}</c>. On the standardised row z (d):
/// r = z − center, U = axes (d rows of k = rank), s(z) = √((‖r‖² − ‖Uᵀr‖²)/‖r‖²) (0 at r = 0), the probability
/// σ(platt.slope·s + platt.intercept), then the prior correction. With <see cref="FraudModelFormats.MahalanobisFile"/>
/// (<c>{"format": "refsol-mahalanobis", "version", "features", "center", "covariance"}</c>, C of the legitimate
/// training rows' z, d rows of d) the distance D²(z) = (z − center)ᵀC⁻¹(z − center), evaluated as ‖L⁻¹(z − center)‖²
/// with C = LLᵀ. Both are scored by the run's own classes, bit for bit.
/// </summary>
internal sealed record SavedPcaAnomaly(SavedInput Input, PcaAnomalyDetector Pca, PlattScaling Platt, MahalanobisDetector? Mahalanobis) : ISavedFraudModel
{
    /// <summary>Writes the artifacts into <paramref name="folder"/>; returns their file names.</summary>
    public string[] Save(string folder)
    {
        var json = new JsonObject { ["format"] = FraudModelFormats.PcaAnomaly, ["version"] = FraudModelFormats.Version };
        Input.WriteHeader(json);
        json["center"] = SavedJson.Array(Pca.Mean);
        json["rank"] = Pca.Basis.Columns;
        json["axes"] = SavedJson.Rows(Pca.Basis);
        json["eigenvalues"] = SavedJson.Array(Pca.Eigenvalues);
        json["platt"] = new JsonObject { ["slope"] = Platt.Slope, ["intercept"] = Platt.Intercept };
        Input.WriteDecisions(json);
        SavedJson.Write(Path.Combine(folder, FraudModelFormats.PcaFile), json);
        if (Mahalanobis is null)
        {
            return [FraudModelFormats.PcaFile];
        }
        var distance = new JsonObject
        {
            ["format"] = FraudModelFormats.Mahalanobis,
            ["version"] = FraudModelFormats.Version,
            ["features"] = new JsonArray([.. Input.Features.Select(f => (JsonNode?)JsonValue.Create(f))]),
            ["center"] = SavedJson.Array(Mahalanobis.Mean),
            ["covariance"] = SavedJson.Rows(Mahalanobis.CovarianceMatrix),
        };
        SavedJson.Write(Path.Combine(folder, FraudModelFormats.MahalanobisFile), distance);
        return [FraudModelFormats.PcaFile, FraudModelFormats.MahalanobisFile];
    }

    /// <summary>Reads the artifacts in <paramref name="folder"/>; <paramref name="files"/> (the manifest's) says whether the Mahalanobis file is one.</summary>
    public static SavedPcaAnomaly Load(string folder, IReadOnlyList<string> files)
    {
        SavedJson json = SavedJson.Open(Path.Combine(folder, FraudModelFormats.PcaFile), FraudModelFormats.PcaAnomaly);
        SavedInput input = SavedInput.Read(json);
        int d = input.Features.Count;
        double[] eigenvalues = json.Numbers("eigenvalues", d);
        int k = json.Integer("rank");
        if (k < 1 || k > d)
        {
            throw json.Error("rank", $"is {k}, not between 1 and {d}");
        }
        Matrix axes = json.Matrix("axes", d, k);
        SavedJson platt = json.OptionalObject("platt") ?? throw json.Error("platt", "is null");
        var pca = PcaAnomalyDetector.Restore(json.Numbers("center", d), axes, eigenvalues);
        MahalanobisDetector? mahalanobis = files.Contains(FraudModelFormats.MahalanobisFile) ? LoadMahalanobis(folder, input) : null;
        return new SavedPcaAnomaly(input, pca, new PlattScaling(platt.Number("slope"), platt.Number("intercept")), mahalanobis);
    }

    /// <summary>σ(a·s(z) + c) per standardised row of Z (n×d), before the prior correction.</summary>
    public double[] SampleProbabilities(Matrix z) => Platt.Apply(Pca.Score(z));

    private static MahalanobisDetector LoadMahalanobis(string folder, SavedInput input)
    {
        SavedJson json = SavedJson.Open(Path.Combine(folder, FraudModelFormats.MahalanobisFile), FraudModelFormats.Mahalanobis);
        if (!json.Texts("features").SequenceEqual(input.Features))
        {
            throw json.Error("features", $"differ from {FraudModelFormats.PcaFile}'s");
        }
        int d = input.Features.Count;
        try
        {
            return MahalanobisDetector.Restore(json.Numbers("center", d), json.Matrix("covariance", d, d));
        }
        catch (LinearAlgebraException e)
        {
            throw json.Error("covariance", $"is not positive definite ({e.Message})");
        }
    }
}
