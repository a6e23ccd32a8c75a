using ReferenceSolutions.Core.Data;

namespace ReferenceSolutions.NeuralNet;

/// <summary>The update rules, each matched to its torch.optim class.</summary>
public enum OptimizerKind
{
    /// <summary>θ ← θ − η·g (torch.optim.SGD, momentum 0).</summary>
    Sgd,

    /// <summary>v ← μv + g, θ ← θ − η·v, or Nesterov's θ ← θ − η(g + μv) (torch.optim.SGD with momentum).</summary>
    Momentum,

    /// <summary>Adam with bias correction and ε added to √v̂ (torch.optim.Adam); weight decay coupled into g.</summary>
    Adam,

    /// <summary>Adam with decoupled weight decay θ ← θ(1 − ηλ) (torch.optim.AdamW).</summary>
    AdamW,
}

/// <summary>
/// Hyper-parameters of one optimizer, handed unchanged to both twins. Weight decay λ is coupled (g ← g + λθ) for
/// SGD, momentum and Adam, decoupled for AdamW — exactly as torch.optim applies it.
/// </summary>
public sealed record OptimizerSettings(
    OptimizerKind Kind,
    double LearningRate,
    double WeightDecay = 0.0,
    double Momentum = 0.9,
    bool Nesterov = false,
    double Beta1 = 0.9,
    double Beta2 = 0.999,
    double Epsilon = 1e-8)
{
    /// <summary>The command-line names.</summary>
    public static IReadOnlyList<string> Names { get; } = ["sgd", "momentum", "adam", "adamw"];

    /// <summary>Parses a command-line name; anything else is a <see cref="UserInputException"/>.</summary>
    public static OptimizerKind ParseKind(string? name) => name switch
    {
        "sgd" => OptimizerKind.Sgd,
        "momentum" => OptimizerKind.Momentum,
        "adam" => OptimizerKind.Adam,
        "adamw" => OptimizerKind.AdamW,
        _ => throw new UserInputException($"--optimizer: unknown optimizer '{name}' (expected one of {string.Join(", ", Names)})"),
    };
}
