namespace ReferenceSolutions.NeuralNet.Training;

/// <summary>
/// Mini-batch training: <see cref="Epochs"/> passes over a fresh seeded permutation, batches of <see cref="BatchSize"/>
/// rows (the last one may be smaller), learning rate ηₑ = η₀·½(1 + cos(πe/E)) in epoch e (cosine schedule). With
/// <see cref="EarlyStopping"/>, training stops after <see cref="Patience"/> epochs without a lower validation loss and
/// keeps the best epoch's weights; without it, all E epochs run and the last weights are kept. With <see cref="Resync"/>,
/// two twins trained in lock step restart every epoch from one state: the second is loaded with the first's parameters
/// and optimizer state (<see cref="IMlpTwin.Load"/>), so rounding differences cannot compound beyond one epoch.
/// </summary>
public sealed record TrainingOptions(int Epochs, int BatchSize, double LearningRate, int Patience = 20, bool CosineSchedule = true, bool EarlyStopping = true, bool Resync = true)
{
    /// <summary>η in epoch <paramref name="epoch"/> (0-based).</summary>
    public double LearningRateAt(int epoch) =>
        CosineSchedule ? LearningRate * 0.5 * (1.0 + Math.Cos(Math.PI * epoch / Epochs)) : LearningRate;
}
