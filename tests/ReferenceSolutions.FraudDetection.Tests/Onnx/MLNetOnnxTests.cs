using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Onnx;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.FraudDetection.Data;
using ReferenceSolutions.FraudDetection.Onnx;
using ReferenceSolutions.TestSupport;
using Xunit.Abstractions;

namespace ReferenceSolutions.FraudDetection.Tests.Onnx;

/// <summary>ML.NET's own ONNX converter on saved ML.NET zips: ONNX Runtime runs the files and agrees with ML.NET within float32 rounding.</summary>
public sealed class MLNetOnnxTests(ITestOutputHelper output) : IDisposable
{
    private const double U = 1.0 / (1 << 24);

    private readonly string _folder = Directory.CreateTempSubdirectory("refsol-mlnet-onnx-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void OnnxRuntime_runs_MLNets_converted_logistic_regression_and_FastTree_as_MLNet_scores_them()
    {
        LabeledData data = TransactionGenerator.Generate(3000, 31);
        Matrix z = Standardizer.Fit(data).Transform(data.X);
        var ml = new MLContext(1);
        IDataView view = MLNetData.Load(ml, z, data.Y);
        var logistic = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options { L1Regularization = 0, L2Regularization = 1, NumberOfThreads = 1 }).Fit(view);
        var trees = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options { NumberOfTrees = 100, NumberOfLeaves = 16, NumberOfThreads = 1, Seed = 1 }).Fit(view);
        float[][] rows = [.. Enumerable.Range(0, z.Rows).Select(i => z.Row(i).ToArray().Select(v => (float)v).ToArray())];

        LinearBinaryModelParameters linear = logistic.Model.SubModel;
        double[] linearSums = [.. rows.Select(x => Math.Abs(linear.Bias) + x.Select((v, j) => Math.Abs(linear.Weights[j] * v)).Sum())];
        Matrix logisticOnnx = Check("logreg-mlnet", logistic, logistic.Model.Calibrator, linearSums, linear.Weights.Count, ml, view, z);

        var ensemble = trees.Model.SubModel.TrainedTreeEnsemble;
        double treeSum = Math.Abs(ensemble.Bias) + ensemble.Trees.Sum(t => t.LeafValues.Max(Math.Abs));
        Check("fasttree-mlnet", trees, trees.Model.Calibrator, [.. rows.Select(_ => treeSum)], ensemble.Trees.Count, ml, view, z);

        double[] treeProbabilities = MLNetData.Column(trees.Transform(view), "Probability");
        var crossed = new Comparison("onnx", ModelKinds.MLNet);
        for (int i = 0; i < treeProbabilities.Length; i++)
        {
            crossed.Add($"logreg-onnx-vs-fasttree.p[{i}]", logisticOnnx.Data[i], treeProbabilities[i], 16 * U);
        }
        ParityAssert.Fails(FraudChecks.OnnxMLNet, crossed);
    }

    /// <summary>Saves, converts (twice: the bytes must repeat), runs, and compares with ML.NET's Probability in units of each row's bound; returns ONNX Runtime's probabilities.</summary>
    private Matrix Check(string name, ITransformer model, PlattCalibrator calibrator, double[] sums, int terms, MLContext ml, IDataView view, Matrix z)
    {
        string zip = Path.Combine(_folder, $"{name}.zip");
        ml.Model.Save(model, view.Schema, zip);
        byte[] bytes = MLNetOnnx.Convert(zip);
        Assert.Equal(bytes, MLNetOnnx.Convert(zip));
        OnnxModel read = OnnxReader.Read(bytes);
        Assert.Equal(MLNetOnnx.InputName, Assert.Single(read.Graph.Inputs).Name);
        Assert.Contains(read.Graph.Outputs, o => o.Name == MLNetOnnx.ProbabilityName);

        Matrix onnx = OnnxRunner.Run(bytes, z, MLNetOnnx.InputName, MLNetOnnx.ProbabilityName);
        IDataView scored = model.Transform(view);
        double[] p = MLNetData.Column(scored, "Probability");
        double[] s = MLNetData.Column(scored, "Score");
        double gamma = (terms + 1) * U / (1 - ((terms + 1) * U));
        double a = Math.Abs(calibrator.Slope), c = Math.Abs(calibrator.Offset);
        var comparison = new Comparison("onnx", ModelKinds.MLNet);
        for (int i = 0; i < p.Length; i++)
        {
            double bound = (0.25 * ((a * 2 * gamma * sums[i]) + (4 * U * ((a * Math.Abs(s[i])) + c)))) + (16 * U);
            comparison.Add($"{name}.p[{i}]", onnx.Data[i], p[i], bound);
        }
        output.WriteLine($"{name}: ir {read.IrVersion}, opsets {string.Join(", ", read.Opsets.Select(o => $"{o.Domain}:{o.Version}"))}, nodes {string.Join(" ", read.Graph.Nodes.Select(n => n.OpType))}; max |Δp| {p.Select((v, i) => Math.Abs(v - onnx.Data[i])).Max():R}; {comparison.Describe(FraudChecks.OnnxMLNet.Tolerance.Value)}");
        ParityAssert.Passes(FraudChecks.OnnxMLNet, comparison);
        return onnx;
    }
}
