namespace ReferenceSolutions.NeuralNet.Training;

/// <summary>
/// What lock-step training of the twins recorded: per twin, the mean training loss of each epoch and the validation
/// loss after it; the largest per-step loss difference between the twins; the steps run; the epoch kept.
/// </summary>
public sealed record TrainingHistory(
    IReadOnlyList<string> Names,
    IReadOnlyList<IReadOnlyList<double>> TrainLoss,
    IReadOnlyList<IReadOnlyList<double>> ValidationLoss,
    IReadOnlyList<double> ValidationAccuracy,
    double MaxStepLossDiff,
    double FinalParameterDiff,
    int Steps,
    int BestEpoch);
