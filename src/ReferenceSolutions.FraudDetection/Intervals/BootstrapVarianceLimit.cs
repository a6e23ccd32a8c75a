using ReferenceSolutions.FraudDetection.Metrics;

namespace ReferenceSolutions.FraudDetection.Intervals;

/// <summary>
/// The variance the stratified bootstrap of the AUC converges to as B → ∞, in closed form. The AUC is a two-sample
/// U-statistic Â = (1/PN)·Σᵢ Σⱼ ψ(sᵢ, sⱼ) over positives i and negatives j, and for P and N independent draws
/// Var(Â) = [(N − 1)·σ₁₀² + (P − 1)·σ₀₁² + σ²]/(PN), with σ₁₀² = Var(E[ψ | positive]), σ₀₁² = Var(E[ψ | negative]) and
/// σ² = Var(ψ). A bootstrap replicate draws from the empirical distributions, so its variance is that formula with
/// their moments: σ̂₁₀² = (1/P)·Σᵢ (V₁₀(i) − Â)² and σ̂₀₁² = (1/N)·Σⱼ (V₀₁(j) − Â)² from DeLong's components, and
/// σ̂² = (1/PN)·Σᵢⱼ ψ² − Â² with Σψ² = wins + ¼·ties = PN·Â − ¼·T, T the number of tied pairs. DeLong's estimate
/// S₁₀/P + S₀₁/N = σ̂₁₀²/(P − 1) + σ̂₀₁²/(N − 1) differs from this limit by O(1/P + 1/N) — the bootstrap's
/// finite-sample difference from DeLong, exactly (docs/fraud-detection.md#bootstrap).
/// </summary>
public static class BootstrapVarianceLimit
{
    /// <summary>V∞ for scores (n) and labels (n).</summary>
    public static double Of(double[] scores, IReadOnlyList<int> labels)
    {
        DeLong.Components c = DeLong.Compute(scores, labels);
        double p = c.V10.Length, n = c.V01.Length, auc = c.Auc;
        double s10 = c.V10.Sum(v => (v - auc) * (v - auc)) / p;
        double s01 = c.V01.Sum(v => (v - auc) * (v - auc)) / n;
        double ties = ThresholdSweep.Run(scores, labels).Steps.Sum(step => step.GroupPositives * step.GroupNegatives);
        double psiSquared = ((p * n * auc) - (0.25 * ties)) / (p * n);
        return (((n - 1) * s10) + ((p - 1) * s01) + (psiSquared - (auc * auc))) / (p * n);
    }
}
