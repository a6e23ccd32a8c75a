using System.Text.Json.Nodes;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.FraudDetection.Data;

namespace ReferenceSolutions.FraudDetection.Models;

/// <summary>
/// What every saved fraud model carries around its core, written into its JSON artifact (the from-scratch formats)
/// or into <see cref="FraudModelFormats.InputFile"/> (the library ones): the d feature columns in order, the label and
/// time columns an input may also hold (ignored), the standardisation z = (x − μ)/s fitted on the training rows
/// (<c>mean</c>, <c>scale</c>, and <c>rescaled</c> for the columns <see cref="Standardizer"/> scales by a power of two
/// first), the prior correction (β, null when none) and the decision thresholds chosen in the run.
/// </summary>
internal sealed record SavedInput(IReadOnlyList<string> Features, string Label, string? TimeColumn, Standardizer Scaler, SavedPrior? Prior, SavedThresholds Thresholds)
{
    /// <summary>The standardised rows Z (n×d) of raw rows X (n×d).</summary>
    public Matrix Standardize(Matrix raw) => Scaler.Transform(raw);

    /// <summary>Each probability (sample scale) corrected to the true prior, β·p/(β·p − p + 1), or as given without a prior.</summary>
    public double[] Corrected(double[] probabilities) => Prior is SavedPrior prior ? [.. probabilities.Select(prior.Correct)] : probabilities;

    /// <summary>Adds the fields to <paramref name="json"/>, after <c>format</c> and <c>version</c>.</summary>
    public void WriteHeader(JsonObject json)
    {
        json["features"] = new JsonArray([.. Features.Select(f => (JsonNode?)JsonValue.Create(f))]);
        json["label"] = Label;
        json["timeColumn"] = TimeColumn;
        json["mean"] = SavedJson.Array(Scaler.Mean);
        json["scale"] = SavedJson.Array(Scaler.Scale);
        json["rescaled"] = new JsonArray([.. Scaler.Rescaled.Select(r => (JsonNode?)new JsonObject
        {
            ["feature"] = Features[r.Column],
            ["exponent"] = r.Exponent,
            ["mean"] = r.ScaledMean,
            ["scale"] = r.ScaledScale,
        })]);
    }

    /// <summary>Adds <c>prior</c> and <c>thresholds</c> to <paramref name="json"/>.</summary>
    public void WriteDecisions(JsonObject json)
    {
        json["prior"] = Prior is SavedPrior p ? new JsonObject { ["beta"] = p.Beta, ["truePrior"] = p.TruePrior, ["samplePrior"] = p.SamplePrior } : null;
        json["thresholds"] = new JsonObject
        {
            ["bayes"] = Thresholds.Bayes,
            ["minExpectedCost"] = Thresholds.MinExpectedCost,
            ["targetRecall"] = Thresholds.TargetRecall,
            ["falsePositiveCost"] = Thresholds.FalsePositiveCost,
            ["falseNegativeCost"] = Thresholds.FalseNegativeCost,
            ["recallTarget"] = Thresholds.RecallTarget,
        };
    }

    /// <summary>Reads the fields written by <see cref="WriteHeader"/> and <see cref="WriteDecisions"/>.</summary>
    public static SavedInput Read(SavedJson json)
    {
        string[] features = json.Texts("features");
        if (features.Length == 0 || features.Distinct(StringComparer.Ordinal).Count() != features.Length)
        {
            throw json.Error("features", "must name at least one column, each once");
        }
        int d = features.Length;
        double[] mean = json.Numbers("mean", d), scale = json.Numbers("scale", d);
        var rescaled = new List<(int, int, double, double)>();
        foreach (SavedJson entry in json.Objects("rescaled"))
        {
            int column = Array.IndexOf(features, entry.Text("feature"));
            if (column < 0)
            {
                throw entry.Error("feature", "is not one of 'features'");
            }
            double s = entry.Number("scale");
            rescaled.Add((column, entry.Integer("exponent"), entry.Number("mean"), s > 0 ? s : throw entry.Error("scale", "is not positive")));
        }
        int bad = Enumerable.Range(0, d).FirstOrDefault(j => !(scale[j] > 0) && !rescaled.Any(r => r.Item1 == j), -1);
        if (bad >= 0)
        {
            throw json.Error("scale", $"entry {bad + 1} is not positive");
        }
        SavedJson? prior = json.OptionalObject("prior");
        SavedJson thresholds = json.OptionalObject("thresholds") ?? throw json.Error("thresholds", "is null");
        double beta = prior?.Number("beta") ?? 1;
        if (!(beta > 0))
        {
            throw prior!.Error("beta", "is not positive");
        }
        return new SavedInput(features, json.Text("label"), json.OptionalText("timeColumn"), Standardizer.Restore(mean, scale, rescaled, features, json.Path),
            prior is null ? null : new SavedPrior(beta, prior.Number("truePrior"), prior.Number("samplePrior")),
            new SavedThresholds(thresholds.Number("bayes"), thresholds.Number("minExpectedCost"), thresholds.Number("targetRecall"),
                thresholds.Number("falsePositiveCost"), thresholds.Number("falseNegativeCost"), thresholds.Number("recallTarget")));
    }
}

/// <summary>The undersampling correction p = β·pₛ/(β·pₛ − pₛ + 1) with β as the run computed it (and the two prevalences it came from).</summary>
internal sealed record SavedPrior(double Beta, double TruePrior, double SamplePrior)
{
    /// <summary>β·p/(β·p − p + 1), the expression of <see cref="Calibration.PriorCorrection.Correct"/>, so the bits agree.</summary>
    public double Correct(double p) => Beta * p / ((Beta * p) - p + 1);
}

/// <summary>
/// The run's decision thresholds on the model's (prior-corrected) probability: the Bayes threshold c_FP/(c_FP + c_FN),
/// the held-out minimum-expected-cost threshold and the largest threshold reaching <see cref="RecallTarget"/> on the
/// held-out rows, with the costs and target they were chosen for.
/// </summary>
internal sealed record SavedThresholds(double Bayes, double MinExpectedCost, double TargetRecall, double FalsePositiveCost, double FalseNegativeCost, double RecallTarget);
