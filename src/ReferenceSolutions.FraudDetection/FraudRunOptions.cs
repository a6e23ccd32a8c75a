using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.Evaluation;

namespace ReferenceSolutions.FraudDetection;

/// <summary>
/// Options of <c>refsol run fraud</c>: data file (null = built-in generator), label column, costs of a false positive
/// (a legitimate transaction flagged) and of a false negative (a fraud missed), target recall, true fraud prevalence
/// for undersampled data (null = none, except the known ULB sample), ridge λ (null = chosen from
/// <see cref="Selection.LambdaSelection.Grid"/> without the test rows; a value is used as given), bootstrap
/// replicates B, PCA rank k, the split (<c>time</c> or <c>stratified</c>; null = <c>time</c> when the data have the
/// time column, else <c>stratified</c>), the time column's name (null = <see cref="DefaultTimeColumn"/>) and the input
/// limits <c>--max-rows</c> and <c>--max-features</c> (<see cref="FraudLimits"/>), and R, the permutations per feature
/// of the permutation importance (<c>--permutation-repeats</c>).
/// </summary>
public sealed record FraudRunOptions(
    string? DataFile = null,
    string Label = "Class",
    double FalsePositiveCost = 1.0,
    double FalseNegativeCost = 50.0,
    double TargetRecall = 0.9,
    double? Prior = null,
    double? Lambda = null,
    int BootstrapReplicates = FraudRunOptions.DefaultBootstrapReplicates,
    int PcaRank = 10,
    string? Split = null,
    string? TimeColumn = null,
    int MaxRows = FraudLimits.DefaultMaxRows,
    int MaxFeatures = FraudLimits.DefaultMaxFeatures,
    int PermutationRepeats = FraudRunOptions.DefaultPermutationRepeats)
{
    /// <summary>The file name of the ULB undersampled sample, whose true prevalence is known.</summary>
    public const string CreditCardSampleFile = "creditcard_sample.csv";

    /// <summary>The time column looked for when <see cref="TimeColumn"/> is not given.</summary>
    public const string DefaultTimeColumn = "Time";

    /// <summary>R, the permutations per feature of the permutation importance, when not given.</summary>
    public const int DefaultPermutationRepeats = 10;

    /// <summary>The largest R accepted: the run's time grows linearly in R.</summary>
    public const int MaxPermutationRepeats = 1000;

    /// <summary>B of the stratified bootstrap when not given.</summary>
    public const int DefaultBootstrapReplicates = 2000;

    /// <summary>Throws <see cref="UserInputException"/> for a value out of range, naming the option.</summary>
    public void Validate()
    {
        Decisions.CostThreshold.CheckCosts(FalsePositiveCost, FalseNegativeCost);
        if (!(TargetRecall is > 0 and <= 1))
        {
            throw new UserInputException($"--target-recall must be in (0, 1], not {TargetRecall}");
        }
        if (Prior is double p && !(p >= FraudLimits.MinPrior && p <= 1 - FraudLimits.MinPrior))
        {
            throw new UserInputException($"--prior must be a fraud prevalence in [{FraudLimits.MinPrior}, 1 − {FraudLimits.MinPrior}], not {p}: the legitimate rows are re-weighted by 1/β, which grows as 1/π");
        }
        FraudLimits.CheckLimitOption("--max-rows", MaxRows);
        FraudLimits.CheckLimitOption("--max-features", MaxFeatures);
        if (Lambda is double lambda && !(lambda is > 0 and <= FraudLimits.MaxLambda))
        {
            throw new UserInputException($"--l2 must be a λ in (0, {FraudLimits.MaxLambda}], not {lambda}: ML.NET takes λ as float32, and beyond float32's range it is ∞");
        }
        if (string.IsNullOrWhiteSpace(Label))
        {
            throw new UserInputException("--label must name a column");
        }
        if (Split is not (null or SplitKinds.Time or SplitKinds.Stratified))
        {
            throw new UserInputException($"--split must be '{SplitKinds.Time}' or '{SplitKinds.Stratified}', not '{Split}'");
        }
        if (TimeColumn is not null && string.IsNullOrWhiteSpace(TimeColumn))
        {
            throw new UserInputException("--time-column must name a column");
        }
        if (PermutationRepeats is < 2 or > MaxPermutationRepeats)
        {
            throw new UserInputException($"--permutation-repeats must be in [2, {MaxPermutationRepeats}], not {PermutationRepeats}: the standard error needs two repeats, and each repeat scores the test rows once per feature and model");
        }
        if (BootstrapReplicates < 2 || PcaRank < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(BootstrapReplicates), $"B = {BootstrapReplicates} must be ≥ 2 and k = {PcaRank} ≥ 1");
        }
    }
}
