using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.Core.Solutions;
using ReferenceSolutions.NeuralNet.Data;
using ReferenceSolutions.NeuralNet.Evaluation;

namespace ReferenceSolutions.NeuralNet.Training;

/// <summary>
/// Trains several <see cref="IMlpTwin"/>s in lock step: the same batches (rows chosen by one seeded permutation per
/// epoch, augmented once) at the same learning rate go to every twin in turn. Early stopping follows the first twin's
/// validation loss and restores every twin to the same epoch, so the twins stay comparable.
/// </summary>
public static class TwinTrainer
{
    /// <summary>Trains <paramref name="twins"/> on <paramref name="train"/>; <paramref name="augment"/> (may be null) transforms each batch.</summary>
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
        var trainLoss = twins.Select(_ => new List<double>()).ToArray();
        var validationLoss = twins.Select(_ => new List<double>()).ToArray();
        var validationAccuracy = new List<double>();
        MlpDescription[] best = twins.Select(t => t.Snapshot()).ToArray();
        double bestLoss = double.PositiveInfinity;
        int bestEpoch = 0, steps = 0;
        double maxStepDiff = 0.0;
        var sums = new double[twins.Count];
        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            double lr = options.LearningRateAt(epoch);
            int[] order = rng.Permutation(train.Rows);
            Array.Clear(sums);
            int batches = 0;
            for (int start = 0; start < order.Length; start += options.BatchSize)
            {
                LabeledData batch = train.Subset(order.AsSpan(start, Math.Min(options.BatchSize, order.Length - start)));
                augment?.Apply(batch.Features, rng);
                double first = 0.0;
                for (int t = 0; t < twins.Count; t++)
                {
                    double loss = twins[t].TrainStep(batch.Features, batch.Labels, lr);
                    sums[t] += loss;
                    if (t == 0)
                    {
                        first = loss;
                    }
                    else
                    {
                        maxStepDiff = Math.Max(maxStepDiff, Math.Abs(loss - first));
                    }
                }
                batches++;
                steps++;
            }
            for (int t = 0; t < twins.Count; t++)
            {
                trainLoss[t].Add(sums[t] / batches);
                Matrix outputs = twins[t].Outputs(validation.Features);
                validationLoss[t].Add(ClassificationMetrics.LogLoss(ClassificationMetrics.Softmax(outputs), validation.Labels));
                if (t == 0)
                {
                    validationAccuracy.Add(ClassificationMetrics.Accuracy(outputs, validation.Labels));
                }
            }
            progress.Report("train", epoch + 1, options.Epochs);
            if (validationLoss[0][^1] < bestLoss)
            {
                bestLoss = validationLoss[0][^1];
                bestEpoch = epoch + 1;
                best = twins.Select(t => t.Snapshot()).ToArray();
            }
            else if (epoch + 1 - bestEpoch >= options.Patience)
            {
                break;
            }
        }
        double finalDiff = twins.Count < 2 ? 0.0 : MaxAbsDiff(twins[0].Snapshot(), twins[1].Snapshot());
        for (int t = 0; t < twins.Count; t++)
        {
            twins[t].Restore(best[t]);
        }
        return new TrainingHistory(twins.Select(t => t.Name).ToArray(), trainLoss, validationLoss, validationAccuracy, maxStepDiff, finalDiff, steps, bestEpoch);
    }

    /// <summary>max |a − b| over every weight and bias of two networks of one shape.</summary>
    public static double MaxAbsDiff(MlpDescription a, MlpDescription b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        double max = 0.0;
        for (int l = 0; l < a.Layers.Count; l++)
        {
            max = Math.Max(max, Core.LinearAlgebra.Norms.MaxAbsDiff(a.Layers[l].Weight, b.Layers[l].Weight));
            max = Math.Max(max, Core.LinearAlgebra.Norms.MaxAbsDiff(a.Layers[l].Bias, b.Layers[l].Bias));
        }
        return max;
    }

    /// <summary>max |a − b| over every entry of two gradient lists of one shape.</summary>
    public static double MaxAbsDiff(IReadOnlyList<LayerGradient> a, IReadOnlyList<LayerGradient> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        double max = 0.0;
        for (int l = 0; l < a.Count; l++)
        {
            max = Math.Max(max, Core.LinearAlgebra.Norms.MaxAbsDiff(a[l].Weight, b[l].Weight));
            max = Math.Max(max, Core.LinearAlgebra.Norms.MaxAbsDiff(a[l].Bias, b[l].Bias));
        }
        return max;
    }
}
