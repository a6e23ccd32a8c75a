namespace ReferenceSolutions.FraudDetection.Explanations;

/// <summary>
/// One feature's permutation importance over R repeats r: the mean and standard error (sample standard deviation over
/// the repeats / √R) of the AUC drop AUC − AUC⁽ʳ⁾ and of the log-loss increase L⁽ʳ⁾ − L (nats per row), where AUC⁽ʳ⁾
/// and L⁽ʳ⁾ are the model's metrics on the same rows with this feature's column permuted. The log-loss pair is NaN
/// for ML.NET's PFI, which evaluates without the probability column (<c>EvaluateNonCalibrated</c>).
/// </summary>
public sealed record FeatureImportance(string Feature, double AucDrop, double AucDropSe, double LogLossIncrease, double LogLossIncreaseSe)
{
    /// <summary>
    /// The object metrics.json holds: <c>{"feature", "aucDrop", "aucDropSe", "logLossIncrease", "logLossIncreaseSe"}</c>,
    /// the last two left out when the side does not report a log-loss (NaN).
    /// </summary>
    public Dictionary<string, object> ToJson()
    {
        var json = new Dictionary<string, object> { ["feature"] = Feature, ["aucDrop"] = AucDrop, ["aucDropSe"] = AucDropSe };
        if (!double.IsNaN(LogLossIncrease))
        {
            json["logLossIncrease"] = LogLossIncrease;
            json["logLossIncreaseSe"] = LogLossIncreaseSe;
        }
        return json;
    }

    /// <summary>The mean and standard error s/√R (s the sample standard deviation, R − 1 in its denominator) of R ≥ 2 values.</summary>
    public static (double Mean, double StandardError) MeanAndStandardError(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(values.Count, 2);
        double mean = values.Average();
        double sumOfSquares = values.Sum(v => (v - mean) * (v - mean));
        return (mean, Math.Sqrt(sumOfSquares / (values.Count - 1) / values.Count));
    }
}
