using ReferenceSolutions.Core.Evaluation;
using ReferenceSolutions.Core.Randomness;

namespace ReferenceSolutions.FraudDetection.Selection;

/// <summary>
/// The rows of one run, as ascending row indices: <see cref="Train"/> and <see cref="Test"/> (30 %), and how the
/// training rows are divided for selection. A <see cref="SplitKinds.Time"/> split sorts by time: the earliest 70 % train
/// and the latest 30 % test; within the training rows the latest 20 % by time are the <see cref="Validation"/> rows and
/// the rest the <see cref="Fit"/> rows, so every fit time ≤ every validation time ≤ every test time. A
/// <see cref="SplitKinds.Stratified"/> split is seeded, 70/30 within each class, and the training rows are dealt into
/// <see cref="Folds"/> (k = 5, stratified); <see cref="Fit"/> is then all training rows and there is no validation part.
/// </summary>
public sealed record FraudSplit(string Kind, int[] Train, int[] Test, int[] Fit, int[] Validation, int[][]? Folds)
{
    /// <summary>The share of rows tested on.</summary>
    public const double TestShare = 0.3;

    /// <summary>The share of the training rows (the latest, by time) held out for validation in a time split.</summary>
    public const double ValidationShare = 0.2;

    /// <summary>k of the stratified k-fold cross-validation.</summary>
    public const int FoldCount = 5;

    /// <summary>The time split of rows with times <paramref name="time"/> (n, finite).</summary>
    public static FraudSplit ByTime(IReadOnlyList<double> time)
    {
        ArgumentNullException.ThrowIfNull(time);
        (int[] train, int[] test) = Splits.Chronological(time, TestShare);
        (int[] fit, int[] validation) = Splits.Chronological([.. train.Select(i => time[i])], ValidationShare);
        return new FraudSplit(SplitKinds.Time, train, test, [.. fit.Select(k => train[k])], [.. validation.Select(k => train[k])], null);
    }

    /// <summary>The stratified split of rows with labels <paramref name="labels"/> (n, 0/1), every draw from <paramref name="rng"/>.</summary>
    public static FraudSplit Stratified(IReadOnlyList<int> labels, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(rng);
        (int[] train, int[] test) = Splits.Stratified(labels, TestShare, rng);
        int[][] folds = KFold.Stratified([.. train.Select(i => labels[i])], FoldCount, rng);
        return new FraudSplit(SplitKinds.Stratified, train, test, train, [], [.. folds.Select(f => f.Select(k => train[k]).ToArray())]);
    }

    /// <summary>
    /// The held-out parts selection and thresholds are measured on, each with the rows its models train on: the one
    /// (fit, validation) pair of a time split, or the k (other folds, fold) pairs of a stratified one. The held-out
    /// rows of all parts together are <see cref="HeldOut"/>.
    /// </summary>
    public IReadOnlyList<(int[] Training, int[] HeldOut)> Parts =>
        Folds is null ? [(Fit, Validation)] : [.. Folds.Select((fold, j) => (KFold.TrainingRows(Folds, j), fold))];

    /// <summary>Every held-out row once, in the order of <see cref="Parts"/>: the validation rows, or the folds one after another.</summary>
    public int[] HeldOut => [.. Parts.SelectMany(p => p.HeldOut)];
}
