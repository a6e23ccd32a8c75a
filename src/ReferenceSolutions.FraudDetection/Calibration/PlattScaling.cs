using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.FraudDetection.LogisticRegression;

namespace ReferenceSolutions.FraudDetection.Calibration;

/// <summary>
/// Platt scaling: p = σ(a·s + c) for a raw score s, with (a, c) minimising Σᵢ logloss(yᵢ, σ(a·sᵢ + c)) — a
/// one-feature logistic regression, fitted here by <see cref="NewtonLogisticRegression"/> with λ = 0 (plain 0/1
/// targets, not Platt's smoothed ones). Turns anomaly scores into probabilities so they get a log-loss, a Brier score
/// and a cost threshold on the same scale as the classifiers. <see cref="Converged"/> is false when Newton ran out of
/// iterations, as it does when the scores separate the classes (then no finite (a, c) minimises the loss).
/// </summary>
public sealed record PlattScaling(double Slope, double Intercept, bool Converged = true)
{
    /// <summary>Fits (a, c) on scores (n) and labels (n).</summary>
    public static PlattScaling Fit(IReadOnlyList<double> scores, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var x = new Matrix(scores.Count, 1, [.. scores]);
        NewtonFit fit = new NewtonLogisticRegression(1e-12).Solve(x, labels, 0.0);
        return new PlattScaling(fit.Model.Weights[0], fit.Model.Intercept, fit.Converged);
    }

    /// <summary>σ(a·s + c) for each score.</summary>
    public double[] Apply(IReadOnlyList<double> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        return [.. scores.Select(s => Sigmoid.Of((Slope * s) + Intercept))];
    }
}
