namespace ReferenceSolutions.FraudDetection.Metrics;

/// <summary>
/// A binary classifier's output in ML.NET's columns, n rows each: the raw Score, the calibrated Probability and the
/// PredictedLabel (ML.NET's rule: Score &gt; 0), all float32 as the library makes them.
/// </summary>
public sealed record LibraryPredictions(float[] Score, float[] Probability, bool[] PredictedLabel)
{
    /// <summary>The probabilities widened to float64.</summary>
    public double[] Probabilities() => [.. Probability.Select(p => (double)p)];
}
