namespace ReferenceSolutions.FraudDetection.Calibration;

/// <summary>
/// Reliability (calibration) curve: probabilities split into B equal-width bins on [0, 1]; per non-empty bin the mean
/// predicted probability, the observed fraud rate and the row count. A calibrated model lies on the diagonal.
/// </summary>
public static class ReliabilityCurve
{
    /// <summary>(mean predicted, observed rate, count) per non-empty bin.</summary>
    public static (double[] Predicted, double[] Observed, int[] Count) Compute(IReadOnlyList<double> probabilities, IReadOnlyList<int> labels, int bins = 10)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(labels);
        double[] sumP = new double[bins];
        double[] sumY = new double[bins];
        int[] count = new int[bins];
        for (int i = 0; i < probabilities.Count; i++)
        {
            int b = Math.Min((int)(probabilities[i] * bins), bins - 1);
            sumP[b] += probabilities[i];
            sumY[b] += labels[i];
            count[b]++;
        }
        int[] used = [.. Enumerable.Range(0, bins).Where(b => count[b] > 0)];
        return ([.. used.Select(b => sumP[b] / count[b])], [.. used.Select(b => sumY[b] / count[b])], [.. used.Select(b => count[b])]);
    }
}
