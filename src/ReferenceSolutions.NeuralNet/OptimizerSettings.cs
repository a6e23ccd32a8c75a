using ReferenceSolutions.Core.Data;

namespace ReferenceSolutions.NeuralNet;

/// <summary>The update rules, each PyTorch's rule, which TorchSharp's optimizer of the same name re-implements in C#.</summary>
public enum OptimizerKind
{
    /// <summary>θ ← θ − η·g (PyTorch SGD, momentum 0).</summary>
    Sgd,

    /// <summary>v ← μv + g, θ ← θ − η·v, or Nesterov's θ ← θ − η(g + μv) (PyTorch SGD with momentum).</summary>
    Momentum,

    /// <summary>Adam with bias correction and ε added to √v̂ (PyTorch Adam); weight decay coupled into g.</summary>
    Adam,

    /// <summary>Adam with decoupled weight decay θ ← θ(1 − ηλ) (PyTorch AdamW).</summary>
    AdamW,
}

/// <summary>
/// Hyper-parameters of one optimizer, handed unchanged to both twins. Weight decay λ is coupled (g ← g + λθ) for
/// SGD, momentum and Adam, decoupled for AdamW — exactly as PyTorch's rules (and TorchSharp's optimizers) apply it.
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

    /// <summary>
    /// The hyper-parameters as report fields: <c>optimizer</c>, <c>learningRate</c> (η₀), <c>weightDecay</c> (λ) and
    /// whether it is coupled or decoupled, then <c>momentum</c>/<c>nesterov</c> or <c>beta1</c>/<c>beta2</c>/<c>epsilon</c>.
    /// </summary>
    public IReadOnlyDictionary<string, object> Describe()
    {
        var fields = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["optimizer"] = Names[(int)Kind],
            ["learningRate"] = LearningRate,
            ["weightDecay"] = WeightDecay,
            ["weightDecayKind"] = Kind == OptimizerKind.AdamW ? "decoupled" : "coupled",
        };
        if (Kind == OptimizerKind.Momentum)
        {
            fields["momentum"] = Momentum;
            fields["nesterov"] = Nesterov;
        }
        else if (Kind is OptimizerKind.Adam or OptimizerKind.AdamW)
        {
            fields["beta1"] = Beta1;
            fields["beta2"] = Beta2;
            fields["epsilon"] = Epsilon;
        }
        return fields;
    }

    /// <summary>Parses a command-line name; anything else is a <see cref="UserInputException"/>.</summary>
    public static OptimizerKind ParseKind(string? name) => name switch
    {
        "sgd" => OptimizerKind.Sgd,
        "momentum" => OptimizerKind.Momentum,
        "adam" => OptimizerKind.Adam,
        "adamw" => OptimizerKind.AdamW,
        _ => throw new UserInputException($"--optimizer: unknown optimizer '{Echo.Value(name)}' (expected one of {string.Join(", ", Names)})"),
    };
}
