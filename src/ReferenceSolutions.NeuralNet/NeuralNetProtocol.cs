using ReferenceSolutions.Core.Evaluation;
using ReferenceSolutions.NeuralNet.Data;
using ReferenceSolutions.NeuralNet.FromScratch;
using ReferenceSolutions.NeuralNet.MLNet;
using ReferenceSolutions.NeuralNet.Training;

namespace ReferenceSolutions.NeuralNet;

/// <summary>
/// The <c>protocol</c> of <c>run neuralnet</c>. Split <c>random</c>: the validation rows are a seeded 10 % of the
/// training file, the test rows are the test file (optdigits' official test file, or the generated test set). The one
/// searched hyper-parameter is the number of epochs: selection <c>validation</c> (early stopping on the validation mean
/// log-loss of the from-scratch twin, one candidate per epoch run, whose score is null where that loss is NaN or ±∞), or
/// <c>fixed</c> when <c>--epochs</c> was given. When no epoch ended with finite weights and a finite validation loss,
/// nothing is selected (<c>selected</c> is empty) and <c>refit</c> says so.
/// Everything else is in <c>fixed</c>, with the input scaling fitted on the training rows and the ML.NET baseline's settings.
/// </summary>
public static class NeuralNetProtocol
{
    /// <summary>The selection metric.</summary>
    public const string Metric = "validation mean log-loss (nats) of mlp-from-scratch after each epoch";

    /// <summary>The protocol of a run that trained with <paramref name="training"/> and recorded <paramref name="history"/>.</summary>
    public static Protocol Create(
        NeuralNetOptions options,
        TrainingOptions training,
        TrainingHistory history,
        int trainRows,
        int validationRows,
        int testRows,
        InputScaling scaling,
        bool augmented)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(scaling);
        var fixedParameters = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["hidden"] = options.EffectiveHidden.ToArray(),
            ["activation"] = Activations.Name(options.Activation),
        };
        foreach ((string name, object value) in options.OptimizerSettings.Describe())
        {
            fixedParameters[name] = value;
        }
        fixedParameters["schedule"] = $"cosine over {training.Epochs} epochs";
        fixedParameters["batch"] = training.BatchSize;
        if (options.SelectsEpochs)
        {
            fixedParameters["maxEpochs"] = training.Epochs;
            fixedParameters["patience"] = training.Patience;
        }
        else
        {
            fixedParameters["epochs"] = training.Epochs;
        }
        fixedParameters["validationFraction"] = NeuralNetSolution.ValidationFraction;
        fixedParameters["inputScaling"] = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["mean"] = scaling.Mean,
            ["scale"] = scaling.Scale,
            ["fittedOn"] = $"the {trainRows} training rows",
        };
        fixedParameters["augmentation"] = augmented ? "shift by (dx, dy) ∈ {−1, 0, 1}², blank pixels at the scaled 0" : "none";
        fixedParameters["resync"] = options.Resync ? "epoch" : "never";
        fixedParameters[MLNetBaseline.Name] = MLNetBaseline.Settings(trainRows);

        string twins = "mlp-from-scratch and mlp-torch";
        string mlnet = $"{MLNetBaseline.Name} is fitted once on the same {trainRows} training rows";
        if (options.SelectsEpochs)
        {
            Candidate[] candidates = [.. history.ValidationLoss[0].Select((loss, e) => new Candidate(Epochs(e + 1), loss))];
            string diverged = history.Diverged > 0 ? $" (training diverged in epoch {history.Diverged}, where it stopped)" : "";
            return new Protocol(SplitKinds.Random, trainRows, validationRows, testRows, SelectionKinds.Validation, null, Metric, candidates,
                history.BestEpoch > 0 ? Epochs(history.KeptEpoch) : new Dictionary<string, object>())
            {
                Goal = "minimise",
                Refit = history.BestEpoch > 0
                    ? $"none: {twins} report the weights after the selected epoch {history.KeptEpoch}, trained on the {trainRows} training rows only (the validation rows only chose the epoch){diverged}; {mlnet}"
                    : $"none, and no epoch selected: no epoch ended with finite weights and a finite validation loss{diverged}; {twins} report the weights of the last epoch, {history.KeptEpoch}; {mlnet}",
                Fixed = fixedParameters,
            };
        }
        return new Protocol(SplitKinds.Random, trainRows, validationRows, testRows, SelectionKinds.Fixed, null, $"none searched ({Metric} is only monitored)", [], new Dictionary<string, object>())
        {
            Refit = history.Diverged > 0
                ? $"none: {twins} report the weights after epoch {history.KeptEpoch} of the {training.Epochs} given, where training diverged and stopped (the validation rows are only monitored); {mlnet}"
                : $"none: {twins} report the weights after the last of the {training.Epochs} given epochs, trained on the {trainRows} training rows only (the validation rows are only monitored); {mlnet}",
            Fixed = fixedParameters,
        };
    }

    private static Dictionary<string, object> Epochs(int epochs) => new(StringComparer.Ordinal) { ["epochs"] = epochs };
}
