namespace ReferenceSolutions.NeuralNet.Training;

/// <summary>
/// What lock-step training recorded: per twin, the mean training loss of each epoch and the validation loss after it
/// (NaN or ±∞ where the network diverged); the first twin's validation accuracy; the steps run;
/// <see cref="BestEpoch"/>, the epoch (1-based) with the first twin's lowest finite validation loss among those whose
/// weights are finite (0: none had one), and <see cref="KeptEpoch"/>, the epoch whose weights every twin holds at the
/// end (the best one under early stopping, the last one otherwise or when there is no best); with two twins, how far
/// they drifted apart.
/// </summary>
public sealed record TrainingHistory(
    IReadOnlyList<string> Names,
    IReadOnlyList<IReadOnlyList<double>> TrainLoss,
    IReadOnlyList<IReadOnlyList<double>> ValidationLoss,
    IReadOnlyList<double> ValidationAccuracy,
    int Steps,
    int StepsPerEpoch,
    int BestEpoch,
    int KeptEpoch,
    TwinDifferences? Differences)
{
    /// <summary>The number of epochs run.</summary>
    public int EpochsRun => TrainLoss[0].Count;

    /// <summary>The epoch after which the first twin's weights or biases were no longer finite, where training stopped; 0 when they stayed finite.</summary>
    public int Diverged { get; init; }
}
