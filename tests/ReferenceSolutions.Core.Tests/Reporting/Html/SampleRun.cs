using ReferenceSolutions.Core.Evaluation;
using ReferenceSolutions.Core.Output;
using ReferenceSolutions.Core.Reporting;

namespace ReferenceSolutions.Core.Tests.Reporting.Html;

/// <summary>
/// A run folder for the page tests: a metrics.json written by <see cref="JsonOutput"/> from a <see cref="RunReport"/>
/// with every kind of field a run writes (intervals, series, matrices, tables of objects, a result not computed, a
/// failed parity check with a NaN, a failed quality gate, a protocol with candidates and nested fixed values), and PNG
/// files, one in a sub-folder.
/// </summary>
internal static class SampleRun
{
    public static readonly string[] Plots = ["a plot#1.png", "b-plot.png", "sub/c&d.png"];

    public static RunReport Report(string solution = "demo", string datasetName = "planted mixture", string datasetSource = "generated (seed 7)",
        string modelName = "m-from-scratch", string metricName = "accuracy", string checkId = "demo.gradients", string checkTitle = "gradients")
    {
        var gradients = new CheckDefinition(checkId, "demo", CheckKinds.Library, checkTitle, "dL/dW from scratch = autograd", Tolerance.Float64Twin, ["run demo"], []);
        var loss = new CheckDefinition("demo.loss", "demo", CheckKinds.Consistency, "loss", "L by two formulas", new Tolerance("Loose", 1.3299999999999998e-12, "measured"), ["run demo"], []);
        return new RunReport(solution, 7, new DatasetInfo(datasetName, datasetSource, 3000),
            [
                new ModelResult(modelName, ModelKinds.FromScratch, new Dictionary<string, object>
                {
                    [metricName] = 0.976,
                    ["auc"] = 0.9461390693055981,
                    ["aucCi95"] = (double[])[0.9185701728182829, 0.9697],
                    ["aucDeLongCi95"] = (double[])[0.921646168579319, 0.97],
                    ["rmse"] = NotComputed.Finite(double.NaN, "every test rating is 5"),
                    ["steps"] = 3420,
                    ["trainLoss"] = (double[])[1.078831896401577, 4.187677964344796e-15, 123456789012.5],
                    ["confusionMatrix"] = (int[][])[[249, 2], [3, 246]],
                    ["coefficients"] = new object[] { new { feature = "(intercept)", estimate = -8.195180069052514, ci95 = (double[])[-8.7, -7.7] }, new { feature = "V1", estimate = 1e-300, ci95 = (double[])[-1.0, 1.0] } },
                    ["note"] = "P(rating ≥ 4)",
                }),
                new ModelResult("m-torch", ModelKinds.Torch, new Dictionary<string, object> { [metricName] = 0.9760000000000001, ["auc"] = 0.5, ["aucCi95"] = (double[])[0.4, 0.6] }),
            ],
            [
                gradients.Measure(new Comparison("from-scratch", "torch").Add("dW", 1.0, 1.0 + 1e-12), "the validation rows"),
                loss.Measure(new Comparison("from-scratch", "closed form").Add("L", double.NaN, 1.0), "a seeded batch"),
            ],
            [QualityCheck.AtLeast("accuracy ≥ 0.9", 0.976, 0.9), QualityCheck.AtMost("gap <= 0.1", 0.25, 0.1)],
            new Protocol("random", 1800, 200, 1000, SelectionKinds.Validation, null, "validation log-loss",
                [new Candidate(new Dictionary<string, object> { ["epochs"] = 1 }, 0.9085718360858653), new Candidate(new Dictionary<string, object> { ["epochs"] = 2, ["lr"] = 0.01 }, double.NaN)],
                new Dictionary<string, object> { ["epochs"] = 2 })
            {
                Goal = "minimise",
                Fixed = new Dictionary<string, object> { ["fastTree"] = new Dictionary<string, object> { ["leaves"] = 16, ["learningRate"] = 0.1 }, ["hidden"] = (int[])[256, 128] },
            });
    }

    /// <summary>A new folder under <paramref name="parent"/> holding <paramref name="report"/>'s metrics.json and <paramref name="plots"/> (one byte each).</summary>
    public static string Folder(string parent, string name, RunReport report, IReadOnlyList<string>? plots = null)
    {
        string folder = Path.Combine(parent, name);
        Directory.CreateDirectory(folder);
        JsonOutput.Write(Path.Combine(folder, "metrics.json"), report);
        foreach (string plot in plots ?? Plots)
        {
            string path = Path.Combine(folder, plot);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, [0x89]);
        }
        return folder;
    }
}
