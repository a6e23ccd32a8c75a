namespace ReferenceSolutions.NeuralNet.FromScratch;

/// <summary>An update rule over <see cref="Parameter"/>s: <see cref="Step"/> reads each gradient buffer and changes the values in place.</summary>
public interface IOptimizer
{
    /// <summary>η, which a schedule may change between steps.</summary>
    double LearningRate { get; set; }

    /// <summary>The number of steps taken, t.</summary>
    long Steps { get; }

    /// <summary>One update of every parameter from its current gradient.</summary>
    void Step();

    /// <summary>Copies of the per-parameter buffers, [k][p] = buffer k of parameter p (see <see cref="TwinState"/>).</summary>
    IReadOnlyList<IReadOnlyList<double[]>> Buffers();

    /// <summary>Sets the step count and overwrites the buffers with copies of <paramref name="buffers"/> (same shapes).</summary>
    void Load(long steps, IReadOnlyList<IReadOnlyList<double[]>> buffers);
}

/// <summary>Builds the from-scratch optimizer for <see cref="OptimizerSettings"/>.</summary>
public static class Optimizers
{
    /// <summary>The optimizer of <paramref name="settings"/> over <paramref name="parameters"/>.</summary>
    public static IOptimizer Create(OptimizerSettings settings, IReadOnlyList<Parameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Kind switch
        {
            OptimizerKind.Sgd => new Sgd(parameters, settings.LearningRate, 0.0, false, settings.WeightDecay),
            OptimizerKind.Momentum => new Sgd(parameters, settings.LearningRate, settings.Momentum, settings.Nesterov, settings.WeightDecay),
            OptimizerKind.Adam => new Adam(parameters, settings.LearningRate, settings.Beta1, settings.Beta2, settings.Epsilon, settings.WeightDecay, decoupled: false),
            OptimizerKind.AdamW => new Adam(parameters, settings.LearningRate, settings.Beta1, settings.Beta2, settings.Epsilon, settings.WeightDecay, decoupled: true),
            _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Kind, null),
        };
    }
}
