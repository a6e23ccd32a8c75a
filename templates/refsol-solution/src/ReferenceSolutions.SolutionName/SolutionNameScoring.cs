using System.Globalization;
using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Models;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.Core.Solutions;

namespace ReferenceSolutions.SolutionName;

/// <summary>
/// <c>refsol score solutionname</c>: every saved model of the solution predicts ŷ = b + x·w for the input rows (one CSV
/// column per model, named after it); when both twins were saved they are compared by
/// <see cref="SolutionNameChecks.ScoreTwin"/>. The models have no ONNX graph and list no contributions, so
/// <c>--engine onnx</c> and <c>--explain</c> are refused (exit 2).
/// </summary>
public static class SolutionNameScoring
{
    /// <summary>Loads, scores and compares as the class summary says.</summary>
    public static ScoreOutput Score(ScoreRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Engine == ScoreEngines.Onnx)
        {
            throw new UserInputException($"--engine onnx: no {SolutionNameModels.Solution} model has an ONNX graph; score it with --engine native");
        }
        if (request.Explain > 0)
        {
            throw new UserInputException($"--explain: {SolutionNameModels.Solution} models list no contributions; score without --explain");
        }
        IReadOnlyList<(string Folder, ModelManifest Manifest)> saved = SavedModels.Of(request.ModelDirectory, SolutionNameModels.Solution);
        IReadOnlyList<string> features = saved[0].Manifest.Features;
        var models = new Dictionary<string, SavedRidge>(StringComparer.Ordinal);
        foreach ((string folder, ModelManifest manifest) in saved)
        {
            string path = Path.Combine(folder, ModelManifest.FileName);
            manifest.RequireFormat(path, SolutionNameModels.Format);
            if (!manifest.Features.SequenceEqual(features))
            {
                throw new DataFormatException(path, null, "'features'", $"{manifest.Name} takes other columns than {saved[0].Manifest.Name}: score the models of one run together");
            }
            models[manifest.Name] = SavedRidge.Load(folder, features.Count);
        }
        Matrix x = SolutionNameData.ReadFeatures(request.InputFile, features);
        var columns = new List<ScoreColumn>();
        var implementations = new Dictionary<string, object>(StringComparer.Ordinal);
        var predictions = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach ((string folder, ModelManifest manifest) in saved)
        {
            double[] y = models[manifest.Name].Model.Predict(x);
            predictions[manifest.Name] = y;
            columns.Add(ScoreColumn.Of(manifest.Name, y));
            implementations[manifest.Name] = new Dictionary<string, object>
            {
                ["kind"] = manifest.Kind,
                ["format"] = manifest.Format,
                ["meanPrediction"] = y.Length == 0 ? 0.0 : y.Average(),
            };
        }
        var comparisons = new List<ParityCheck>();
        if (predictions.TryGetValue(SolutionNameModels.FromScratch, out double[]? scratch)
            && predictions.TryGetValue(SolutionNameModels.Twin, out double[]? twin))
        {
            double scale = models[SolutionNameModels.Twin].ParityScale
                ?? throw new DataFormatException(Path.Combine(request.ModelDirectory, SolutionNameModels.Twin, SavedRidge.FileName), null, "'parityScale'", "missing (the twin's model.json carries it)");
            string rows = string.Create(CultureInfo.InvariantCulture, $"the {x.Rows} rows of {request.InputFile}");
            comparisons.Add(SolutionNameChecks.ScoreTwin.Measure(RidgeParity.Predictions(x, scratch, twin, SolutionNameModels.Twin, scale), rows));
        }
        return new ScoreOutput(columns, ScoreReport.Create(x.Rows, implementations, comparisons));
    }
}
