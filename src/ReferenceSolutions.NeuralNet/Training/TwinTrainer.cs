using System.Globalization;
using System.Numerics.Tensors;
using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.Core.Solutions;
using ReferenceSolutions.NeuralNet.Data;
using ReferenceSolutions.NeuralNet.Evaluation;

namespace ReferenceSolutions.NeuralNet.Training;

/// <summary>
/// Trains one <see cref="IMlpTwin"/>, or two in lock step: the same batches (rows chosen by one seeded permutation per
/// epoch, augmented once) at the same learning rate go to each twin in turn, and every step's loss and every epoch's
/// parameters of the two are compared (<see cref="TwinDifferences"/>). With <see cref="TrainingOptions.Resync"/> the
/// second twin starts every epoch from the first twin's parameters and optimizer state, so the comparison measures one
/// epoch of independent steps from one state: the trajectories of a non-convex objective separate exponentially once
/// left alone (docs/neural-net.md#how-far-the-twins-drift-apart). Early stopping follows the first twin's validation
/// loss and restores every twin to the same epoch, so the twins stay comparable; an epoch whose validation loss is NaN or
/// ±∞ is never the best one, and when no epoch has a finite one the last weights are kept, as with fixed epochs.
/// Training stops after the epoch in which the first twin's weights or biases stop being finite: no later step can bring
/// them back (every update of a NaN is NaN), so the rest would only burn time (<see cref="TrainingHistory.Diverged"/>).
/// </summary>
public static class TwinTrainer
{
    /// <summary>Trains <paramref name="twins"/> (one or two) on <paramref name="train"/>; <paramref name="augment"/> (may be null) transforms each batch.</summary>
    public static TrainingHistory Train(
        IReadOnlyList<IMlpTwin> twins,
        LabeledData train,
        LabeledData validation,
        TrainingOptions options,
        PixelShift? augment,
        Rng rng,
        IRunProgress progress)
    {
        ArgumentNullException.ThrowIfNull(twins);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(rng);
        ArgumentNullException.ThrowIfNull(progress);
        if (twins.Count is < 1 or > 2)
        {
            throw new ArgumentException($"trains one twin or two in lock step, not {twins.Count}", nameof(twins));
        }
        bool paired = twins.Count == 2;
        var trainLoss = twins.Select(_ => new List<double>()).ToArray();
        var validationLoss = twins.Select(_ => new List<double>()).ToArray();
        var validationAccuracy = new List<double>();
        var stepLoss = new Comparison(twins[0].Name, twins[^1].Name);
        var parameters = new Comparison(twins[0].Name, twins[^1].Name);
        var stepLossByEpoch = new List<double>();
        var parametersByEpoch = new List<double>();
        MlpDescription[] best = [];
        double bestLoss = double.PositiveInfinity;
        int bestEpoch = 0, steps = 0;
        int diverged = 0;
        int stepsPerEpoch = (train.Rows + options.BatchSize - 1) / options.BatchSize;
        var sums = new double[twins.Count];
        var losses = new double[twins.Count];
        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            double lr = options.LearningRateAt(epoch);
            if (paired && options.Resync && epoch > 0)
            {
                twins[1].Load(twins[0].Capture());
            }
            int[] order = rng.Permutation(train.Rows);
            Array.Clear(sums);
            var epochLoss = new Comparison(stepLoss.Left, stepLoss.Right);
            for (int start = 0; start < order.Length; start += options.BatchSize)
            {
                LabeledData batch = train.Subset(order.AsSpan(start, Math.Min(options.BatchSize, order.Length - start)));
                augment?.Apply(batch.Features, rng);
                steps++;
                for (int t = 0; t < twins.Count; t++)
                {
                    losses[t] = twins[t].TrainStep(batch.Features, batch.Labels, lr);
                    sums[t] += losses[t];
                }
                if (paired)
                {
                    string part = string.Create(CultureInfo.InvariantCulture, $"loss at step {steps}");
                    stepLoss.Add(part, losses[0], losses[1]);
                    epochLoss.Add(part, losses[0], losses[1]);
                }
            }
            MlpDescription first = twins[0].Snapshot();
            if (paired)
            {
                MlpDescription second = twins[1].Snapshot();
                var epochParameters = new Comparison(parameters.Left, parameters.Right).AddParameters(first, second);
                parameters.AddParameters(first, second, string.Create(CultureInfo.InvariantCulture, $"epoch {epoch + 1}: "));
                stepLossByEpoch.Add(epochLoss.MaxAbsDiff);
                parametersByEpoch.Add(epochParameters.MaxAbsDiff);
            }
            for (int t = 0; t < twins.Count; t++)
            {
                trainLoss[t].Add(sums[t] / stepsPerEpoch);
                Matrix outputs = twins[t].Outputs(validation.Features);
                validationLoss[t].Add(ClassificationMetrics.LogLoss(ClassificationMetrics.Softmax(outputs), validation.Labels));
                if (t == 0)
                {
                    validationAccuracy.Add(ClassificationMetrics.Accuracy(outputs, validation.Labels));
                }
            }
            progress.Report("train", epoch + 1, options.Epochs);
            bool finite = IsFinite(first);
            if (finite && validationLoss[0][^1] < bestLoss)
            {
                bestLoss = validationLoss[0][^1];
                bestEpoch = epoch + 1;
                if (options.EarlyStopping)
                {
                    best = twins.Select(t => t.Snapshot()).ToArray();
                }
            }
            else if (options.EarlyStopping && epoch + 1 - bestEpoch >= options.Patience)
            {
                break;
            }
            if (!finite)
            {
                diverged = epoch + 1;
                break;
            }
        }
        int keptEpoch = trainLoss[0].Count;
        if (options.EarlyStopping && bestEpoch > 0)
        {
            for (int t = 0; t < twins.Count; t++)
            {
                twins[t].Restore(best[t]);
            }
            keptEpoch = bestEpoch;
        }
        TwinDifferences? differences = paired ? new TwinDifferences(stepLoss, parameters, stepLossByEpoch, parametersByEpoch) : null;
        return new TrainingHistory(twins.Select(t => t.Name).ToArray(), trainLoss, validationLoss, validationAccuracy, steps, stepsPerEpoch, bestEpoch, keptEpoch, differences)
        {
            Diverged = diverged,
        };
    }

    private static bool IsFinite(MlpDescription network) =>
        network.Layers.All(l => TensorPrimitives.IsFiniteAll<double>(l.Weight.Data) && TensorPrimitives.IsFiniteAll<double>(l.Bias));
}
