namespace ReferenceSolutions.FraudDetection.Calibration;

/// <summary>
/// Undersampling correction (Dal Pozzolo et al. 2015). When legitimate rows were kept with probability β and all
/// frauds kept, a model trained on the sample predicts pₛ; the probability at the original prevalence is
/// p = β·pₛ/(β·pₛ − pₛ + 1). β is the ratio of the true odds to the sample odds, π/(1 − π) ÷ πₛ/(1 − πₛ); for the ULB
/// sample β = 4920/284315. Metrics are re-weighted to the true prevalence by giving each legitimate row weight 1/β.
/// </summary>
public sealed record PriorCorrection(double TruePrior, double SamplePrior)
{
    /// <summary>The fraud rate of the full ULB data set, 492/284 807.</summary>
    public const double CreditCardPrior = 492.0 / 284_807.0;

    /// <summary>β = (π/(1 − π))/(πₛ/(1 − πₛ)).</summary>
    public double Beta => TruePrior / (1 - TruePrior) / (SamplePrior / (1 - SamplePrior));

    /// <summary>p = β·pₛ/(β·pₛ − pₛ + 1).</summary>
    public double Correct(double sampleProbability) => Beta * sampleProbability / ((Beta * sampleProbability) - sampleProbability + 1);

    /// <summary>Row weights standing for the true prevalence: 1 for frauds, 1/β for legitimate rows.</summary>
    public double[] Weights(IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return [.. labels.Select(v => v == 1 ? 1.0 : 1.0 / Beta)];
    }
}
