namespace ReferenceSolutions.FraudDetection.Metrics;

/// <summary>
/// Proper scores of probabilities p (n) against labels y (n): log-loss in nats
/// −(1/W)·Σᵢ wᵢ[yᵢ·ln pᵢ + (1 − yᵢ)·ln(1 − pᵢ)] with p clipped to [ε, 1 − ε], ε = 2⁻⁵² (as scikit-learn does for
/// float64), and the Brier score (1/W)·Σᵢ wᵢ(pᵢ − yᵢ)².
/// </summary>
public static class ProbabilityScores
{
    private const double Epsilon = 2.220446049250313e-16;

    /// <summary>Mean log-loss in nats.</summary>
    public static double LogLoss(ReadOnlySpan<double> probabilities, IReadOnlyList<int> labels, ReadOnlySpan<double> weights = default)
    {
        CheckProbabilities(probabilities, labels, weights);
        double sum = 0, total = 0;
        for (int i = 0; i < probabilities.Length; i++)
        {
            double w = weights.IsEmpty ? 1.0 : weights[i];
            double p = Math.Clamp(probabilities[i], Epsilon, 1 - Epsilon);
            sum -= w * (labels[i] == 1 ? Math.Log(p) : Math.Log(1 - p));
            total += w;
        }
        return sum / total;
    }

    /// <summary>Mean squared error of the probabilities.</summary>
    public static double Brier(ReadOnlySpan<double> probabilities, IReadOnlyList<int> labels, ReadOnlySpan<double> weights = default)
    {
        CheckProbabilities(probabilities, labels, weights);
        double sum = 0, total = 0;
        for (int i = 0; i < probabilities.Length; i++)
        {
            double w = weights.IsEmpty ? 1.0 : weights[i];
            double r = probabilities[i] - labels[i];
            sum += w * r * r;
            total += w;
        }
        return sum / total;
    }

    private static void CheckProbabilities(ReadOnlySpan<double> probabilities, IReadOnlyList<int> labels, ReadOnlySpan<double> weights)
    {
        ScoreValidation.Check(probabilities, labels, weights);
        foreach (double p in probabilities)
        {
            if (p is < 0 or > 1)
            {
                throw new ArgumentException($"probability {p} is outside [0, 1]");
            }
        }
    }
}
