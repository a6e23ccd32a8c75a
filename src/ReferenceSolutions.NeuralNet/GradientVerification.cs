using System.Text.Json.Serialization;
using ReferenceSolutions.Core.Output;
using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.NeuralNet.Data;
using ReferenceSolutions.NeuralNet.FromScratch;
using ReferenceSolutions.NeuralNet.Models;
using ReferenceSolutions.NeuralNet.Torch;

namespace ReferenceSolutions.NeuralNet;

/// <summary>
/// <c>refsol verify gradients --model M.json --input B.csv [--fd-coordinates K] [--seed S]</c>: the mean loss of the
/// batch and ∂L/∂W, ∂L/∂b of every layer from the hand backward pass and TorchSharp autograd, and central finite
/// differences at K coordinates sampled with seed S (cost 2K forward passes, linear in the batch). Passed when both
/// comparisons pass: hand vs autograd (<see cref="NeuralNetChecks.GradientsAutograd"/>, the primary one) and hand vs
/// finite differences (<see cref="NeuralNetChecks.GradientsFiniteDifferences"/>). The inputs are used as given (a saved
/// model's input scaling is not applied).
/// </summary>
public static class GradientVerification
{
    /// <summary>The check's name on the command line.</summary>
    public const string Check = "gradients";

    /// <summary>K, the number of finite-difference coordinates sampled when none is given.</summary>
    public const int DefaultCoordinates = 64;

    /// <summary>
    /// The hand backward pass's or autograd's answer: <c>{"loss", "gradients": [{"weight": [[…]], "bias": […]}, …]}</c>;
    /// a NaN or ±∞ (a model whose outputs overflow) is written as <c>null</c>, and <c>notFinite</c> counts them.
    /// </summary>
    public sealed record Result(
        [property: JsonConverter(typeof(FiniteOrNullConverter))] double Loss,
        IReadOnlyList<GradientJson> Gradients)
    {
        /// <summary>Null when everything is finite; else how many values are NaN or ±∞ (written as null).</summary>
        public string? NotFinite { get; init; }
    }

    /// <summary>One layer's gradient as JSON arrays (weight rows = outputs), <c>null</c> for a NaN or ±∞.</summary>
    public sealed record GradientJson(
        [property: JsonConverter(typeof(FiniteOrNullRowsConverter))] double[][] Weight,
        [property: JsonConverter(typeof(FiniteOrNullArrayConverter))] double[] Bias);

    /// <summary>
    /// The finite differences' answer: the loss by the forward pass, the step h, the sampling seed, the number of
    /// weights and biases sampled from, and the value at each sampled coordinate.
    /// </summary>
    public sealed record FiniteDifferenceResult(
        [property: JsonConverter(typeof(FiniteOrNullConverter))] double Loss,
        double Step,
        ulong Seed,
        int Parameters,
        IReadOnlyList<CoordinateJson> Coordinates);

    /// <summary>One sampled coordinate, e.g. <c>{"parameter": "layers.0.weight", "index": [3, 1], "value": 0.0123}</c>; <c>crossesKink</c> marks one left out.</summary>
    public sealed record CoordinateJson(string Parameter, int[] Index, [property: JsonConverter(typeof(FiniteOrNullConverter))] double Value, bool CrossesKink);

    /// <summary>The implementations' answers and the checks made on them.</summary>
    public sealed record Outcome(IReadOnlyDictionary<string, object> Implementations, IReadOnlyList<MeasuredCheck> Checks)
    {
        /// <summary>The <c>verify --json</c> report: every check decides <c>passed</c>; the autograd comparison is the primary one.</summary>
        public VerifyReport Report() => VerifyReport.Create(Check, Implementations, [.. Checks.Select(c => c.Report())]);
    }

    /// <summary>
    /// Loads the model and batch (errors name the file and field) and verifies; refuses up front a finite-difference
    /// check costing more than <see cref="NeuralNetLimits.MaxFiniteDifferenceWork"/>.
    /// </summary>
    public static VerifyReport Run(string modelPath, string inputPath, int coordinates = DefaultCoordinates, ulong seed = 42)
    {
        (MlpDescription model, _) = ModelFile.Load(modelPath);
        LabeledData batch = LabeledCsv.Read(inputPath, model.Outputs, model.Inputs);
        NeuralNetLimits.RequireFiniteDifferenceWork(inputPath, coordinates, batch.Rows, model.Layers.Sum(l => (long)l.Weight.Data.Length + l.Bias.Length));
        return Verify(model, batch, coordinates, seed, inputPath).Report();
    }

    /// <summary>Runs the three implementations on <paramref name="batch"/> (named <paramref name="batchName"/> in the report) and compares.</summary>
    public static Outcome Verify(MlpDescription model, LabeledData batch, int coordinates, ulong seed, string batchName)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentOutOfRangeException.ThrowIfLessThan(coordinates, 1);
        var network = new Mlp(model);
        double scratchLoss = network.LossAndGradients(batch.Features, batch.Labels);
        IReadOnlyList<LayerGradient> scratch = network.Gradients();

        using var torch = new TorchTwin(model, new OptimizerSettings(OptimizerKind.Sgd, 0.0));
        (double torchLoss, IReadOnlyList<LayerGradient> autograd) = torch.LossAndGradients(batch.Features, batch.Labels);

        IReadOnlyList<ParameterCoordinate> sample = FiniteDifferences.Sample(model, coordinates, new Rng(seed));
        IReadOnlyList<FiniteDifference> numeric = FiniteDifferences.At(model, batch.Features, batch.Labels, sample);
        double fdLoss = network.ComputeLoss(batch.Features, batch.Labels);
        int parameters = model.Layers.Sum(l => l.Weight.Data.Length + l.Bias.Length);
        int kinks = numeric.Count(d => d.CrossesKink);

        var implementations = new Dictionary<string, object>
        {
            ["from-scratch"] = ToResult(scratchLoss, scratch),
            ["torch"] = ToResult(torchLoss, autograd),
            ["finite-difference"] = new FiniteDifferenceResult(fdLoss, FiniteDifferences.DefaultStep, seed, parameters,
                [.. numeric.Select(d => new CoordinateJson(d.Coordinate.Parameter, d.Coordinate.Index, d.Value, d.CrossesKink))]),
        };
        string rows = $"the {batch.Rows} rows of {batchName}";
        MeasuredCheck[] checks =
        [
            new(NeuralNetChecks.GradientsAutograd, AutogradComparison(scratchLoss, scratch, torchLoss, autograd), $"{rows}: the loss and all {parameters} gradient entries"),
            new(NeuralNetChecks.GradientsFiniteDifferences, FiniteDifferenceComparison(scratch, numeric),
                $"{rows}: {numeric.Count - kinks} of {parameters} gradient entries sampled with seed {seed}{(kinks > 0 ? $" ({kinks} more sampled but left out: their ±h step crosses a ReLU kink)" : "")}"),
        ];
        return new Outcome(implementations, checks);
    }

    /// <summary>The hand loss and gradients against autograd's, every entry, absolute.</summary>
    public static Comparison AutogradComparison(double scratchLoss, IReadOnlyList<LayerGradient> scratch, double torchLoss, IReadOnlyList<LayerGradient> torch) =>
        new Comparison("from-scratch", "torch").AddGradients(scratchLoss, scratch, torchLoss, torch);

    /// <summary>
    /// The hand gradient against the central difference at every sampled coordinate that crosses no ReLU kink, each
    /// difference divided by max(‖g‖∞ of the hand gradient's tensor, <see cref="NeuralNetTolerances.FiniteDifferenceFloor"/>).
    /// </summary>
    public static Comparison FiniteDifferenceComparison(IReadOnlyList<LayerGradient> scratch, IReadOnlyList<FiniteDifference> numeric)
    {
        ArgumentNullException.ThrowIfNull(scratch);
        ArgumentNullException.ThrowIfNull(numeric);
        var comparison = new Comparison("from-scratch", "finite-difference");
        foreach (FiniteDifference d in numeric.Where(d => !d.CrossesKink))
        {
            ParameterCoordinate c = d.Coordinate;
            LayerGradient layer = scratch[c.Layer];
            double[] tensor = c.Bias ? layer.Bias : layer.Weight.Data;
            double hand = c.Bias ? layer.Bias[c.Row] : layer.Weight[c.Row, c.Column];
            comparison.Add(c.ToString(), hand, d.Value, NetworkComparison.Scale(tensor, NeuralNetTolerances.FiniteDifferenceFloor));
        }
        return comparison;
    }

    private static Result ToResult(double loss, IReadOnlyList<LayerGradient> gradients)
    {
        long notFinite = gradients.Sum(g => (long)g.Weight.Data.Count(v => !double.IsFinite(v)) + g.Bias.Count(v => !double.IsFinite(v)));
        string? reason = double.IsFinite(loss) && notFinite == 0
            ? null
            : $"{(double.IsFinite(loss) ? "" : "the loss and ")}{notFinite} gradient entries are NaN or ±∞ (written as null)";
        return new(loss, gradients.Select(g => new GradientJson(g.Weight.ToRowArrays(), g.Bias)).ToArray()) { NotFinite = reason };
    }
}
