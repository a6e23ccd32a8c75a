using ReferenceSolutions.Core.LinearAlgebra;

namespace ReferenceSolutions.FraudDetection.LogisticRegression;

/// <summary>
/// Newton's method on <see cref="LogisticObjective"/> (for λ = 0 this is IRLS, iteratively reweighted least squares
/// with weights pᵢ(1 − pᵢ)): solve ∇²f(θ)·Δ = ∇f(θ) by Cholesky (H is positive definite when λ &gt; 0 or X̃ has full
/// column rank), then θ ← θ − t·Δ with t halved until f decreases (a full step once ‖Δ‖∞ ≤ 1e-6·(1 + ‖θ‖∞), where f no longer changes visibly in float64 and Newton converges quadratically). Stops when ‖Δ‖∞ ≤ tolerance·(1 + ‖θ‖∞).
/// Starts from θ = 0. See docs/fraud-detection.md#newton--irls.
/// </summary>
public sealed class NewtonLogisticRegression(double tolerance = 1e-13, int maxIterations = 100) : ILogisticRegression
{
    /// <inheritdoc/>
    public string Name => Core.Reporting.ModelKinds.FromScratch;

    /// <summary>Newton iterations taken by the last <see cref="Fit"/>.</summary>
    public int Iterations { get; private set; }

    /// <inheritdoc/>
    public LogisticModel Fit(Matrix x, IReadOnlyList<int> y, double lambda)
    {
        ArgumentNullException.ThrowIfNull(x);
        double[] theta = new double[x.Columns + 1];
        double[] z = LogisticObjective.Logits(x, theta);
        double f = LogisticObjective.ValueAt(z, y, lambda, theta);
        var workspace = new Matrix(x.Rows, x.Columns);
        for (Iterations = 0; Iterations < maxIterations; Iterations++)
        {
            (double[] g, Matrix h) = LogisticObjective.GradientAndHessian(x, y, lambda, theta, z, workspace);
            double[] step = Cholesky.Factor(h).Solve(g);
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
            double change = t * Norms.MaxAbs(step);
            theta = candidate;
            z = zNew;
            f = fNew;
            if (change <= tolerance * (1.0 + Norms.MaxAbs(theta)))
            {
                Iterations++;
                break;
            }
        }
        return LogisticModel.FromTheta(theta);
    }
}
