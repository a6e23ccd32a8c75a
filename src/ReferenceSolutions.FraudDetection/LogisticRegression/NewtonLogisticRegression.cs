using ReferenceSolutions.Core.LinearAlgebra;

namespace ReferenceSolutions.FraudDetection.LogisticRegression;

/// <summary>
/// Newton's method on <see cref="LogisticObjective"/> (for λ = 0 this is IRLS, iteratively reweighted least squares
/// with weights pᵢ(1 − pᵢ)): solve ∇²f(θ)·Δ = ∇f(θ) by Cholesky (H is positive definite when λ &gt; 0 or X̃ has full
/// column rank), then θ ← θ − t·Δ with t halved until f decreases (a full step once ‖Δ‖∞ ≤ 1e-6·(1 + ‖θ‖∞), where f
/// no longer changes visibly in float64 and Newton converges quadratically). Stops when t·‖Δ‖∞ ≤ tolerance·(1 + ‖θ‖∞).
/// Starts from θ = 0; <see cref="Solve"/> says whether the rule was met within maxIterations, and stops unconverged
/// when H is no longer numerically positive definite (λ = 0 on separable classes drives every pᵢ(1 − pᵢ) towards 0).
/// See docs/fraud-detection.md#newton--irls.
/// </summary>
public sealed class NewtonLogisticRegression(double tolerance = 1e-13, int maxIterations = 100) : ILogisticRegression
{
    /// <inheritdoc/>
    public string Name => Core.Reporting.ModelKinds.FromScratch;

    /// <inheritdoc/>
    public LogisticModel Fit(Matrix x, IReadOnlyList<int> y, double lambda) => Solve(x, y, lambda).Model;

    /// <summary>Minimises f and reports the iterations taken and whether the stopping rule was met.</summary>
    public NewtonFit Solve(Matrix x, IReadOnlyList<int> y, double lambda)
    {
        ArgumentNullException.ThrowIfNull(x);
        double[] theta = new double[x.Columns + 1];
        double[] z = LogisticObjective.Logits(x, theta);
        double f = LogisticObjective.ValueAt(z, y, lambda, theta);
        double relativeStep = double.PositiveInfinity;
        for (int iteration = 1; iteration <= maxIterations; iteration++)
        {
            (double[] g, Matrix h) = LogisticObjective.GradientAndHessian(x, y, lambda, theta, z);
            Cholesky factor;
            try
            {
                factor = Cholesky.Factor(h);
            }
            catch (LinearAlgebraException)
            {
                return new NewtonFit(LogisticModel.FromTheta(theta), iteration - 1, false, relativeStep);
            }
            double[] step = factor.Solve(g);
            double t = 1.0;
            bool nearOptimum = Norms.MaxAbs(step) <= 1e-6 * (1.0 + Norms.MaxAbs(theta));
            double[] candidate = new double[theta.Length];
            double fNew;
            double[] zNew;
            while (true)
            {
                for (int j = 0; j < theta.Length; j++)
                {
                    candidate[j] = theta[j] - (t * step[j]);
                }
                zNew = LogisticObjective.Logits(x, candidate);
                fNew = LogisticObjective.ValueAt(zNew, y, lambda, candidate);
                if (fNew <= f || t < 1e-10 || nearOptimum)
                {
                    break;
                }
                t *= 0.5;
            }
            theta = candidate;
            z = zNew;
            f = fNew;
            relativeStep = t * Norms.MaxAbs(step) / (1.0 + Norms.MaxAbs(theta));
            if (relativeStep <= tolerance)
            {
                return new NewtonFit(LogisticModel.FromTheta(theta), iteration, true, relativeStep);
            }
        }
        return new NewtonFit(LogisticModel.FromTheta(theta), maxIterations, false, relativeStep);
    }
}
