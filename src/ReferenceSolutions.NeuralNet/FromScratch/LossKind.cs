using ReferenceSolutions.Core.Data;

namespace ReferenceSolutions.NeuralNet.FromScratch;

/// <summary>The training objectives, both a mean over the batch as PyTorch's default <c>reduction='mean'</c>.</summary>
public enum LossKind
{
    /// <summary>L = −(1/N) Σₙ log softmax(zₙ)[yₙ], as <c>torch.nn.functional.cross_entropy</c>.</summary>
    SoftmaxCrossEntropy,

    /// <summary>L = (1/(N·C)) Σₙ Σ_c (z_nc − onehot(yₙ)_c)², as <c>torch.nn.functional.mse_loss</c> on one-hot targets.</summary>
    MeanSquaredError,
}

/// <summary>Names of <see cref="LossKind"/> in model files.</summary>
public static class LossKinds
{
    /// <summary>The model-file name of <paramref name="loss"/>.</summary>
    public static string Name(LossKind loss) => loss == LossKind.SoftmaxCrossEntropy ? "softmax-cross-entropy" : "mse";

    /// <summary>Parses a model-file name; anything else is a <see cref="UserInputException"/> naming <paramref name="field"/>.</summary>
    public static LossKind Parse(string? name, string field) => name switch
    {
        "softmax-cross-entropy" => LossKind.SoftmaxCrossEntropy,
        "mse" => LossKind.MeanSquaredError,
        _ => throw new UserInputException($"{field}: unknown loss '{Echo.Value(name)}' (expected softmax-cross-entropy or mse)"),
    };
}
