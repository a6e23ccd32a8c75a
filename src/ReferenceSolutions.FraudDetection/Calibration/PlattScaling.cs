using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.FraudDetection.LogisticRegression;

namespace ReferenceSolutions.FraudDetection.Calibration;

/// <summary>
/// Platt scaling: p = σ(a·s + c) for a raw score s, with (a, c) minimising Σᵢ logloss(yᵢ, σ(a·sᵢ + c)) — a
/// one-feature logistic regression, fitted here by <see cref="NewtonLogisticRegression"/> with λ = 0 (plain 0/1
/// targets, not Platt's smoothed ones). Turns anomaly scores into probabilities so they get a log-loss, a Brier score
/// and a cost threshold on the same scale as the classifiers.
/// </summary>
public sealed record PlattScaling(double Slope, double Intercept)
{
    /// <summary>Fits (a, c) on scores (n) and labels (n).</summary>
    public static PlattScaling Fit(IReadOnlyList<double> scores, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var x = new Matrix(scores.Count, 1, [.. scores]);
        LogisticModel model = new NewtonLogisticRegression(1e-12).Fit(x, labels, 0.0);
        return new PlattScaling(model.Weights[0], model.Intercept);
    }

    /// <summary>σ(a·s + c) for each score.</summary>
    public double[] Apply(IReadOnlyList<double> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        return [.. scores.Select(s => Sigmoid.Of((Slope * s) + Intercept))];
    }
}
