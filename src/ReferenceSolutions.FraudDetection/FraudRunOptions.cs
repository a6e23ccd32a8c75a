namespace ReferenceSolutions.FraudDetection;

/// <summary>
/// Options of <c>refsol run fraud</c>: data file (null = built-in generator), label column, costs of a false positive
/// (a legitimate transaction flagged) and of a false negative (a fraud missed), target recall, true fraud prevalence
/// for undersampled data (null = none, except the known ULB sample), ridge λ, bootstrap replicates, PCA rank k.
/// </summary>
public sealed record FraudRunOptions(
    string? DataFile = null,
    string Label = "Class",
    double FalsePositiveCost = 1.0,
    double FalseNegativeCost = 50.0,
    double TargetRecall = 0.9,
    double? Prior = null,
    double Lambda = 1.0,
    int BootstrapReplicates = 200,
    int PcaRank = 10)
{
    /// <summary>The file name of the ULB undersampled sample, whose true prevalence is known.</summary>
    public const string CreditCardSampleFile = "creditcard_sample.csv";

    /// <summary>Throws <see cref="Core.Data.UserInputException"/> for a value out of range.</summary>
    public void Validate()
    {
        Decisions.CostThreshold.CheckCosts(FalsePositiveCost, FalseNegativeCost);
        if (!(TargetRecall is > 0 and <= 1))
        {
            throw new Core.Data.UserInputException($"--target-recall must be in (0, 1], not {TargetRecall}");
        }
        if (Prior is double p && !(p is > 0 and < 1))
        {
            throw new Core.Data.UserInputException($"--prior must be a fraud prevalence in (0, 1), not {p}");
        }
        if (string.IsNullOrWhiteSpace(Label))
        {
            throw new Core.Data.UserInputException("--label must name a column");
        }
    }
}
