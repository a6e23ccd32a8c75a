using System.Text.Json.Nodes;
using ReferenceSolutions.FraudDetection.Calibration;

namespace ReferenceSolutions.FraudDetection.Models;

/// <summary>
/// <see cref="FraudModelFormats.InputFile"/> beside a library model: <c>{"format": "refsol-fraud-input", "version",
/// "features", "label", "timeColumn", "mean", "scale", "rescaled", "output", "platt": {"slope", "intercept"} | null,
/// "prior", "thresholds"}</c> — the standardisation the suite applies before the library sees a row, which output it
/// reads, the Platt scaling it applies after (pca-anomaly-mlnet only), and the prior correction (<see cref="SavedInput"/>).
/// </summary>
internal static class SavedInputFile
{
    /// <summary>Writes the file into <paramref name="folder"/>.</summary>
    public static void Write(string folder, SavedInput input, string output, PlattScaling? platt)
    {
        ArgumentNullException.ThrowIfNull(input);
        var json = new JsonObject { ["format"] = FraudModelFormats.Input, ["version"] = FraudModelFormats.Version };
        input.WriteHeader(json);
        json["output"] = output;
        json["platt"] = platt is null ? null : new JsonObject { ["slope"] = platt.Slope, ["intercept"] = platt.Intercept };
        input.WriteDecisions(json);
        SavedJson.Write(Path.Combine(folder, FraudModelFormats.InputFile), json);
    }

    /// <summary>Reads the file in <paramref name="folder"/>; with <paramref name="output"/>, its <c>output</c> must be that.</summary>
    public static (SavedInput Input, SavedJson Json) Read(string folder, string? output)
    {
        SavedJson json = SavedJson.Open(Path.Combine(folder, FraudModelFormats.InputFile), FraudModelFormats.Input);
        if (output is not null && json.Text("output") != output)
        {
            throw json.Error("output", $"is '{Core.Data.Echo.Value(json.Text("output"))}', expected '{output}'");
        }
        return (SavedInput.Read(json), json);
    }

    /// <summary>The <c>platt</c> field: σ(slope·s + intercept), or null.</summary>
    public static PlattScaling? ReadPlatt(SavedJson json)
    {
        ArgumentNullException.ThrowIfNull(json);
        SavedJson? platt = json.OptionalObject("platt");
        return platt is null ? null : new PlattScaling(platt.Number("slope"), platt.Number("intercept"));
    }
}
