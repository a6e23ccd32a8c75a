using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Models;
using ReferenceSolutions.Core.Onnx;
using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.NeuralNet;
using ReferenceSolutions.NeuralNet.Data;
using ReferenceSolutions.NeuralNet.Evaluation;
using ReferenceSolutions.NeuralNet.FromScratch;
using ReferenceSolutions.NeuralNet.Models;
using ReferenceSolutions.NeuralNet.Onnx;

namespace ReferenceSolutions.Cli.Tests;

/// <summary><c>refsol export onnx</c> on model folders laid out as the runs save them, and its exit-2 cases.</summary>
public sealed class ExportOnnxTests : IDisposable
{
    private static readonly string[] Features = ["amount", "hour", "distance"];

    private readonly string _folder = Directory.CreateTempSubdirectory("refsol-export-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_saved_logistic_regression_exports_to_a_file_ONNX_Runtime_scores_by_the_documented_formula()
    {
        string model = SaveLogisticRegression(_folder, "logreg-from-scratch");
        string onnx = Path.Combine(_folder, "logreg.onnx");
        (int exit, string stdout, string stderr) = CliRunner.Run("export", "onnx", "--model", model, "--out", onnx);
        Assert.True(exit == 0, stderr);
        Assert.Contains("'input' double [N×3]", stdout, StringComparison.Ordinal);
        var x = new Matrix(3, 3, [120.0, 3.0, 0.5, 5.0, 23.0, 80.0, 9000.0, 12.0, 2.0]);
        Matrix p = OnnxRunner.Run(File.ReadAllBytes(onnx), x);
        for (int i = 0; i < x.Rows; i++)
        {
            double logit = -2.0 + (0.8 * (x[i, 0] - 100.0) / 50.0) + (-0.3 * (x[i, 1] - 12.0) / 6.0) + (1.1 * (x[i, 2] - 10.0) / 20.0);
            double sample = 1 / (1 + Math.Exp(-logit));
            double expected = 0.25 * sample / ((0.25 * sample) - sample + 1);
            Assert.True(Math.Abs(p[i, 0] - expected) <= 1e-15 * expected, $"row {i}: {p[i, 0]} vs {expected}");
        }
    }

    [Fact]
    public void A_run_folder_with_one_exportable_model_exports_the_neural_nets_model_json()
    {
        MlpDescription net = MlpDescription.Create(3, [5], 4, Activation.Tanh, LossKind.SoftmaxCrossEntropy, new Rng(41));
        var scaling = new InputScaling(2.0, 3.0);
        SavedModels.Save(_folder, Manifest("mlp-from-scratch", "neuralnet", ModelFile.Format, "model.json"), f => ModelFile.Save(Path.Combine(f, "model.json"), net, scaling));
        SavedModels.Save(_folder, Manifest("mlp-torch", "neuralnet", "torch-module", "model.pt"), f => File.WriteAllText(Path.Combine(f, "model.pt"), "not a model"));
        string onnx = Path.Combine(_folder, "mlp.onnx");
        (int exit, _, string stderr) = CliRunner.Run("export", "onnx", "--model", _folder, "--out", onnx);
        Assert.True(exit == 0, stderr);
        Matrix x = new Rng(42).GaussianMatrix(20, 3, 4.0);
        Matrix native = ClassificationMetrics.Softmax(new Mlp(net).Forward(scaling.Apply(x)));
        Comparison comparison = MlpOnnx.AddParity(new Comparison("onnx", ModelKinds.FromScratch), OnnxRunner.Run(File.ReadAllBytes(onnx), x), native, net.Loss);
        Assert.True(comparison.Within(NeuralNetChecks.OnnxMlp.Tolerance.Value), comparison.Describe(NeuralNetChecks.OnnxMlp.Tolerance.Value));
    }

    [Fact]
    public void An_MLNet_zip_exports_through_MLNets_converter_with_its_own_input_and_output_names()
    {
        Matrix x = new Rng(43).GaussianMatrix(200, 3);
        int[] y = [.. Enumerable.Range(0, 200).Select(i => x[i, 0] + (0.5 * x[i, 2]) > 0 ? 1 : 0)];
        var ml = new MLContext(1);
        IDataView data = ml.Data.LoadFromEnumerable(Enumerable.Range(0, 200).Select(i => new Row { Features = [.. x.Row(i).ToArray().Select(v => (float)v)], Label = y[i] == 1 }));
        var trained = ml.BinaryClassification.Trainers.LbfgsLogisticRegression().Fit(data);
        string model = SavedModels.Save(_folder, Manifest("logreg-mlnet", "fraud", "mlnet-zip", "model.zip"), f => ml.Model.Save(trained, data.Schema, Path.Combine(f, "model.zip")));
        string onnx = Path.Combine(_folder, "mlnet.onnx");
        (int exit, string stdout, string stderr) = CliRunner.Run("export", "onnx", "--model", model, "--out", onnx);
        Assert.True(exit == 0, stderr);
        Assert.Contains("input 'Features' float [-1×3]", stdout, StringComparison.Ordinal);
        double[] expected = [.. trained.Transform(data).GetColumn<float>("Probability").Select(v => (double)v)];
        Matrix p = OnnxRunner.Run(File.ReadAllBytes(onnx), x, "Features", "Probability.output");
        Assert.All(Enumerable.Range(0, 200), i => Assert.True(Math.Abs(p[i, 0] - expected[i]) <= 1e-6, $"row {i}: {p[i, 0]} vs {expected[i]}"));

        File.WriteAllText(Path.Combine(model, "model.zip"), "not a zip");
        (exit, _, stderr) = CliRunner.Run("export", "onnx", "--model", model, "--out", onnx);
        Assert.Equal(2, exit);
        Assert.Contains("model.zip", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_folder_with_two_exportable_models_is_exit_2_listing_them()
    {
        SaveLogisticRegression(_folder, "logreg-a");
        SaveLogisticRegression(_folder, "logreg-b");
        string onnx = Path.Combine(_folder, "x.onnx");
        (int exit, _, string stderr) = CliRunner.Run("export", "onnx", "--model", _folder, "--out", onnx);
        Assert.Equal(2, exit);
        Assert.Contains("2 exportable models (logreg-a, logreg-b)", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(onnx));
    }

    [Fact]
    public void A_model_of_a_format_that_cannot_be_exported_is_exit_2_naming_the_format_field()
    {
        string model = SavedModels.Save(_folder, Manifest("mf-from-scratch", "recommender", "refsol-mf", "factors.json"), f => File.WriteAllText(Path.Combine(f, "factors.json"), "{}"));
        (int exit, _, string stderr) = CliRunner.Run("export", "onnx", "--model", model, "--out", Path.Combine(_folder, "x.onnx"));
        Assert.Equal(2, exit);
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
        Assert.Contains("'format'", stderr, StringComparison.Ordinal);
        Assert.Contains("'refsol-mf' cannot be exported to ONNX", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd().Split('\n'));
    }

    [Fact]
    public void A_logistic_regression_whose_features_differ_from_its_manifest_is_exit_2()
    {
        string model = SaveLogisticRegression(_folder, "logreg-from-scratch", features: ["amount", "distance", "hour"]);
        (int exit, _, string stderr) = CliRunner.Run("export", "onnx", "--model", model, "--out", Path.Combine(_folder, "x.onnx"));
        Assert.Equal(2, exit);
        Assert.Contains("'features'", stderr, StringComparison.Ordinal);
    }

    /// <summary>
    /// A refsol-logreg model in the layout <c>run fraud</c> saves (docs/fraud-detection.md): μ = (100, 12, 10),
    /// s = (50, 6, 20), b = −2, w = (0.8, −0.3, 1.1), β = 0.25.
    /// </summary>
    private static string SaveLogisticRegression(string runFolder, string name, string[]? features = null) =>
        SavedModels.Save(runFolder, Manifest(name, "fraud", "refsol-logreg", "logreg.json"), f => File.WriteAllText(Path.Combine(f, "logreg.json"), string.Create(CultureInfo.InvariantCulture, $$$"""
            {"format": "refsol-logreg", "version": 1, "features": [{{{string.Join(", ", (features ?? Features).Select(n => $"\"{n}\""))}}}], "label": "Class", "timeColumn": null,
             "mean": [100, 12, 10], "scale": [50, 6, 20], "rescaled": [], "intercept": -2, "coefficients": [0.8, -0.3, 1.1],
             "prior": {"beta": 0.25, "truePrior": 0.2, "samplePrior": 0.5},
             "thresholds": {"bayes": 0.02, "minExpectedCost": 0.1, "targetRecall": 0.05, "falsePositiveCost": 1, "falseNegativeCost": 50, "recallTarget": 0.9}}
            """)));

    public sealed class Row
    {
        [VectorType(3)]
        public float[] Features { get; set; } = [];

        public bool Label { get; set; }
    }

    private static ModelManifest Manifest(string name, string solution, string format, string file) =>
        new(name, ModelKinds.FromScratch, solution, format, Features, [file], SuiteVersion.Current, 42);
}
