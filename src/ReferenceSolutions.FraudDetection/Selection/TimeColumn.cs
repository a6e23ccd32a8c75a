using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.Evaluation;
using ReferenceSolutions.FraudDetection.Data;

namespace ReferenceSolutions.FraudDetection.Selection;

/// <summary>
/// The time column of a run's data: named by <c>--time-column</c>, else <see cref="FraudRunOptions.DefaultTimeColumn"/>
/// when present. It orders the rows for a time split and is never a feature — it is taken out of X whichever split is
/// used, because a model that reads the clock learns when the training rows were drawn, not what fraud looks like.
/// </summary>
public static class TimeColumn
{
    /// <summary>
    /// The data without the time column, and that column (null when the data have none). Throws
    /// <see cref="UserInputException"/> when <c>--time-column</c> names a missing column or the label, when
    /// <c>--split time</c> has no time column to use, or when the time column is the only feature.
    /// </summary>
    public static (LabeledData Data, double[]? Time) Separate(LabeledData loaded, FraudRunOptions options)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(options);
        string column = options.TimeColumn ?? FraudRunOptions.DefaultTimeColumn;
        if (options.TimeColumn is not null && options.TimeColumn == options.Label)
        {
            throw new UserInputException($"--time-column '{Echo.Value(column)}' is also the label (--label): the time column orders the rows and the label is what is predicted, so they must be two columns");
        }
        if (loaded.TakeColumn(column) is (LabeledData rest, double[] time))
        {
            if (rest.Features == 0)
            {
                throw new UserInputException($"{loaded.Source}: the only feature is the time column '{Echo.Value(column)}', which is never a feature");
            }
            return (rest, time);
        }
        if (options.TimeColumn is not null)
        {
            throw new UserInputException($"--time-column '{Echo.Value(column)}': {loaded.Source} has no such column");
        }
        if (options.Split == SplitKinds.Time)
        {
            throw new UserInputException($"--split time: {loaded.Source} has no time column '{Echo.Value(column)}' (name one with --time-column)");
        }
        return (loaded, null);
    }
}
