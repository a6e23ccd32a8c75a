using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.NeuralNet.Data;
using ReferenceSolutions.NeuralNet.FromScratch;
using ReferenceSolutions.NeuralNet.Models;
using ReferenceSolutions.NeuralNet.Torch;
using ReferenceSolutions.NeuralNet.Training;

namespace ReferenceSolutions.NeuralNet;

/// <summary>
/// <c>refsol verify gradients --model M.json --input B.csv</c>: the mean loss of the batch and ∂L/∂W, ∂L/∂b of every layer
/// from the hand backward pass, TorchSharp autograd and central finite differences; passed when from-scratch and torch
/// agree within <see cref="Tolerance.Float64Twin"/>. The inputs are used as given (a saved model's input scaling is not applied).
/// </summary>
public static class GradientVerification
{
    /// <summary>The check's name on the command line.</summary>
    public const string Check = "gradients";

    /// <summary>One implementation's answer: <c>{"loss", "gradients": [{"weight": [[…]], "bias": […]}, …]}</c>.</summary>
    public sealed record Result(double Loss, IReadOnlyList<GradientJson> Gradients);

    /// <summary>One layer's gradient as JSON arrays (weight rows = outputs).</summary>
    public sealed record GradientJson(double[][] Weight, double[] Bias);

    /// <summary>Loads the model and batch (errors name the file and field), runs the three implementations, compares.</summary>
    public static VerifyReport Run(string modelPath, string inputPath)
    {
        (MlpDescription model, _) = ModelFile.Load(modelPath);
        LabeledData batch = LabeledCsv.Read(inputPath, model.Outputs, model.Inputs);

        var network = new Mlp(model);
        double scratchLoss = network.LossAndGradients(batch.Features, batch.Labels);
        IReadOnlyList<LayerGradient> scratch = network.Gradients();

        using var torch = new TorchTwin(model, new OptimizerSettings(OptimizerKind.Sgd, 0.0));
        (double torchLoss, IReadOnlyList<LayerGradient> autograd) = torch.LossAndGradients(batch.Features, batch.Labels);

        double fdLoss = network.ComputeLoss(batch.Features, batch.Labels);
        IReadOnlyList<LayerGradient> numeric = FiniteDifferences.Gradients(model, batch.Features, batch.Labels);

        double maxAbsDiff = Math.Max(Math.Abs(scratchLoss - torchLoss), TwinTrainer.MaxAbsDiff(scratch, autograd));
        var implementations = new Dictionary<string, object>
        {
            ["from-scratch"] = ToResult(scratchLoss, scratch),
            ["torch"] = ToResult(torchLoss, autograd),
            ["finite-difference"] = ToResult(fdLoss, numeric),
        };
        return new VerifyReport(Check, implementations, maxAbsDiff, Tolerance.Float64Twin.Value);
    }

    private static Result ToResult(double loss, IReadOnlyList<LayerGradient> gradients) =>
        new(loss, gradients.Select(g => new GradientJson(g.Weight.ToRowArrays(), g.Bias)).ToArray());
}
