using ReferenceSolutions.Core.LinearAlgebra;

namespace ReferenceSolutions.FraudDetection.LogisticRegression;

/// <summary>
/// A twin that minimises <see cref="LogisticObjective"/>: f(θ) = Σᵢ logloss(yᵢ, σ(b + wᵀxᵢ)) + (λ/2)‖w‖² for
/// X (n×d), y ∈ {0,1}ⁿ.
/// </summary>
public interface ILogisticRegression
{
    /// <summary>The implementation's name in reports: <c>from-scratch</c>, <c>torch</c> or <c>mlnet</c>.</summary>
    string Name { get; }

    /// <summary>The minimiser θ* = [b, w] of f.</summary>
    LogisticModel Fit(Matrix x, IReadOnlyList<int> y, double lambda);
}
