using ReferenceSolutions.Core.Data;
using ReferenceSolutions.NeuralNet.FromScratch;

namespace ReferenceSolutions.NeuralNet;

/// <summary>
/// What <c>refsol run neuralnet</c> is asked to do. With no <see cref="TrainPath"/>/<see cref="TestPath"/> the built-in
/// planted Gaussian mixture is used. A null <see cref="LearningRate"/> means the optimizer's default. A null
/// <see cref="Epochs"/> means the number of epochs is chosen on the validation rows (early stopping within
/// <see cref="DefaultEpochs"/>); a given one is fixed: exactly that many epochs, the last weights kept. With
/// <see cref="Resync"/> (the default) the TorchSharp twin restarts every epoch from the from-scratch twin's parameters
/// and optimizer state; without it, it trains on its own for the whole run.
/// </summary>
public sealed record NeuralNetOptions(
    string? TrainPath = null,
    string? TestPath = null,
    IReadOnlyList<int>? Hidden = null,
    Activation Activation = Activation.Relu,
    OptimizerKind Optimizer = OptimizerKind.Momentum,
    double? LearningRate = null,
    int? Epochs = null,
    int BatchSize = 32,
    bool Resync = true)
{
    /// <summary>E, the most epochs run when none are given (early stopping may end sooner), and the cosine schedule's length.</summary>
    public const int DefaultEpochs = 60;

    /// <summary>Epochs without a lower validation loss after which early stopping ends training.</summary>
    public const int Patience = 20;

    /// <summary>The widest hidden layer accepted (the network as a whole is also bounded: <see cref="NeuralNetLimits.MaxParameters"/>).</summary>
    public const int MaxWidth = 4096;

    /// <summary>The hidden widths used when none are given.</summary>
    public static IReadOnlyList<int> DefaultHidden { get; } = [256, 128];

    /// <summary>Coupled L2 weight decay λ = 5e-4 (g ← g + λθ) for every optimizer but AdamW, whose decay is decoupled (λ = 1e-2).</summary>
    public double WeightDecay => Optimizer == OptimizerKind.AdamW ? 1e-2 : 5e-4;

    /// <summary>η₀: the given one, else 1e-3 for Adam/AdamW, 0.05 for momentum, 0.1 for SGD.</summary>
    public double EffectiveLearningRate => LearningRate ?? Optimizer switch
    {
        OptimizerKind.Adam or OptimizerKind.AdamW => 1e-3,
        OptimizerKind.Momentum => 0.05,
        _ => 0.1,
    };

    /// <summary>E: the given number of epochs, else <see cref="DefaultEpochs"/>.</summary>
    public int EffectiveEpochs => Epochs ?? DefaultEpochs;

    /// <summary>Whether the number of epochs is chosen on the validation rows (none was given).</summary>
    public bool SelectsEpochs => Epochs is null;

    /// <summary>The hidden widths in use.</summary>
    public IReadOnlyList<int> EffectiveHidden => Hidden ?? DefaultHidden;

    /// <summary>The optimizer handed to both twins.</summary>
    public OptimizerSettings OptimizerSettings => new(Optimizer, EffectiveLearningRate, WeightDecay);

    /// <summary>Throws a <see cref="UserInputException"/> naming the option when a value is out of range.</summary>
    public void Validate()
    {
        if ((TrainPath is null) != (TestPath is null))
        {
            throw new UserInputException("--train and --test go together: give both files or neither (neither uses the built-in generated data)");
        }
        if (EffectiveHidden.Any(h => h < 1 || h > MaxWidth))
        {
            throw new UserInputException($"--hidden: every width must be in 1..{MaxWidth}, got {Echo.Value(string.Join(",", EffectiveHidden))}");
        }
        if (EffectiveHidden.Count >= NeuralNetLimits.MaxLayers)
        {
            throw new UserInputException($"--hidden: at most {NeuralNetLimits.MaxLayers - 1} hidden layers, got {EffectiveHidden.Count}");
        }
        if (!(EffectiveLearningRate > 0.0) || !double.IsFinite(EffectiveLearningRate))
        {
            throw new UserInputException($"--lr: must be a positive finite number, got {EffectiveLearningRate}");
        }
        if (EffectiveEpochs is < 1 or > 100_000)
        {
            throw new UserInputException($"--epochs: must be in 1..100000, got {Epochs}");
        }
        if (BatchSize < 1 || BatchSize > 1_000_000)
        {
            throw new UserInputException($"--batch: must be in 1..1000000, got {BatchSize}");
        }
    }
}
