using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace ReferenceSolutions.FraudDetection.LogisticRegression;

/// <summary>
/// The TorchSharp twin, in float64: f(θ) = −Σᵢ [yᵢ·log σ(zᵢ) + (1 − yᵢ)·log σ(−zᵢ)] + (λ/2)‖w‖² with z = b + X·w is built as a graph (logsigmoid, exact for all z, unlike softplus with its default threshold);
/// ∇f comes from autograd and ∇²f from differentiating each component of ∇f once more (double backward). Newton
/// steps Δ = (∇²f)⁻¹∇f by torch.linalg.solve, halving the step until f decreases (full steps once ‖Δ‖∞ ≤ 1e-6·(1 + ‖θ‖∞)), from θ = 0, until
/// t·‖Δ‖∞ ≤ tolerance·(1 + ‖θ‖∞) — the same stopping rule as <see cref="NewtonLogisticRegression"/>, so the two meet
/// at the optimum to float64 rounding. Runs on one intra-op thread: libtorch's parallel reductions split sums by
/// thread count, which moved θ in its last bit between runs; the thread count is process-wide, so fits are serialised.
/// X·w is written as an elementwise product summed over d rather than a matmul, so no BLAS kernel (whose threading
/// the process does not control) enters the objective or its derivatives. Each Hessian row's backward pass runs in its
/// own dispose scope and is copied into one (d + 1)² array, so the d + 1 row tensors are freed as they come instead of
/// living beside a stacked copy until the step ends; memory is O(n·d + d²), time O(n·d²) per step (the d + 1
/// passes), which is why <see cref="FraudLimits.DefaultMaxFeatures"/> bounds d. A Hessian that libtorch finds singular (λ ≈ 0 on separable or collinear data) ends the
/// solve unconverged, as the from-scratch twin's failed Cholesky does.
/// </summary>
public sealed class TorchLogisticRegression(double tolerance = 1e-13, int maxIterations = 100) : ILogisticRegression
{
    private static readonly Lock OneThread = new();

    /// <inheritdoc/>
    public string Name => Core.Reporting.ModelKinds.Torch;

    /// <inheritdoc/>
    public LogisticModel Fit(Matrix x, IReadOnlyList<int> y, double lambda) => Solve(x, y, lambda).Model;

    /// <summary>Minimises f and reports the iterations taken and whether the stopping rule was met.</summary>
    public NewtonFit Solve(Matrix x, IReadOnlyList<int> y, double lambda)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        lock (OneThread)
        {
            int threads = get_num_threads();
            set_num_threads(1);
            try
            {
                return Newton(x, y, lambda);
            }
            finally
            {
                set_num_threads(threads);
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="action"/> on one intra-op thread under the lock every fit here takes: the thread count is
    /// process-wide, so anything else that must not depend on it (the saved module's forward pass) shares the lock.
    /// </summary>
    internal static T OnOneThread<T>(Func<T> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        lock (OneThread)
        {
            int threads = get_num_threads();
            set_num_threads(1);
            try
            {
                return action();
            }
            finally
            {
                set_num_threads(threads);
            }
        }
    }

    private NewtonFit Newton(Matrix x, IReadOnlyList<int> y, double lambda)
    {
        using var pause = CollectorPause.Enter();
        using var scope = NewDisposeScope();
        int n = x.Rows, d = x.Columns;
        Tensor tx = tensor(x.Data, [n, d], ScalarType.Float64);
        Tensor ty = tensor(y.Select(v => (double)v).ToArray(), [n], ScalarType.Float64);
        double[] theta = new double[d + 1];
        double f = Objective(tx, ty, lambda, tensor(theta, [d + 1], ScalarType.Float64)).item<double>();
        double relativeStep = double.PositiveInfinity;
        for (int iteration = 1; iteration <= maxIterations; iteration++)
        {
            using var stepScope = NewDisposeScope();
            Tensor th = tensor(theta, [d + 1], ScalarType.Float64).requires_grad_(true);
            Tensor value = Objective(tx, ty, lambda, th);
            Tensor grad = autograd.grad([value], [th], retain_graph: true, create_graph: true)[0];   // (d+1)
            double[] h = HessianRows(grad, th, d + 1);
            Tensor hessian = tensor(h, [d + 1, d + 1], ScalarType.Float64);     // (d+1, d+1)
            double[] step;
            try
            {
                step = linalg.solve(hessian, grad.detach().unsqueeze(1)).squeeze(1).data<double>().ToArray(); // (d+1,d+1)·(d+1,1) → (d+1)
            }
            catch (System.Runtime.InteropServices.ExternalException)
            {
                return new NewtonFit(LogisticModel.FromTheta(theta), iteration - 1, false, relativeStep);
            }
            double t = 1.0;
            bool nearOptimum = Norms.MaxAbs(step) <= 1e-6 * (1.0 + Norms.MaxAbs(theta));
            double[] candidate = new double[d + 1];
            double fNew;
            while (true)
            {
                for (int j = 0; j <= d; j++)
                {
                    candidate[j] = theta[j] - (t * step[j]);
                }
                using (no_grad())
                {
                    fNew = Objective(tx, ty, lambda, tensor(candidate, [d + 1], ScalarType.Float64)).item<double>();
                }
                if (fNew <= f || t < 1e-10 || nearOptimum)
                {
                    break;
                }
                t *= 0.5;
            }
            theta = candidate;
            f = fNew;
            relativeStep = t * Norms.MaxAbs(step) / (1.0 + Norms.MaxAbs(theta));
            if (relativeStep <= tolerance)
            {
                return new NewtonFit(LogisticModel.FromTheta(theta), iteration, true, relativeStep);
            }
        }
        return new NewtonFit(LogisticModel.FromTheta(theta), maxIterations, false, relativeStep);
    }

    /// <summary>
    /// Cov(θ̂) ≈ (∇²f(θ̂))⁻¹ ((d + 1)×(d + 1)) at <paramref name="theta"/> (d + 1): ∇²f by autograd — ∇f with a graph, then
    /// each component of ∇f differentiated once more — never the closed form, and the inverse by torch.linalg.inv; on one
    /// intra-op thread, as <see cref="Solve"/>. Null when libtorch finds ∇²f singular.
    /// See docs/fraud-detection.md#coefficient-inference.
    /// </summary>
    public static Matrix? Covariance(Matrix x, IReadOnlyList<int> y, double lambda, ReadOnlySpan<double> theta)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        double[] th0 = theta.ToArray();
        lock (OneThread)
        {
            int threads = get_num_threads();
            set_num_threads(1);
            try
            {
                using var pause = CollectorPause.Enter();
                using var scope = NewDisposeScope();
                int n = x.Rows, d = x.Columns;
                Tensor tx = tensor(x.Data, [n, d], ScalarType.Float64);
                Tensor ty = tensor(y.Select(v => (double)v).ToArray(), [n], ScalarType.Float64);
                Tensor th = tensor(th0, [d + 1], ScalarType.Float64).requires_grad_(true);
                Tensor grad = autograd.grad([Objective(tx, ty, lambda, th)], [th], retain_graph: true, create_graph: true)[0]; // (d+1)
                Tensor hessian = tensor(HessianRows(grad, th, d + 1), [d + 1, d + 1], ScalarType.Float64);                 // (d+1, d+1)
                try
                {
                    return new Matrix(d + 1, d + 1, linalg.inv(hessian).contiguous().data<double>().ToArray());            // (d+1, d+1)
                }
                catch (System.Runtime.InteropServices.ExternalException)
                {
                    return null;
                }
            }
            finally
            {
                set_num_threads(threads);
            }
        }
    }

    /// <summary>∇²f as (d + 1)² row-major values: row k is the gradient of ∇f[k] with respect to θ, each in its own dispose scope.</summary>
    private static double[] HessianRows(Tensor grad, Tensor theta, int d1)
    {
        double[] h = new double[d1 * d1];
        for (int k = 0; k < d1; k++)
        {
            using var rowScope = NewDisposeScope();
            autograd.grad([grad[k]], [theta], retain_graph: true)[0].data<double>().CopyTo(h, k * d1);   // (d+1): row k of ∇²f
        }
        return h;
    }

    /// <summary>
    /// f(θ) as a scalar tensor; X (n,d), y (n), θ (d+1). Every scalar operand is an explicit <see cref="Scalar"/> kept
    /// alive by <c>using</c> until the native calls that read it have returned: the operators' implicit ones (a
    /// <c>double</c>, or the alpha = 1 that <c>Tensor + Tensor</c> passes) are temporaries whose finalizer may free the
    /// native scalar while libtorch still reads it, which once failed a run with "Unknown scalar type".
    /// </summary>
    private static Tensor Objective(Tensor x, Tensor y, double lambda, Tensor theta)
    {
        using Scalar one = 1.0.ToScalar(), halfLambda = (0.5 * lambda).ToScalar();
        Tensor w = theta[TensorIndex.Slice(1)];                                    // (d)
        Tensor z = x.mul(w).sum(1).add(theta[0], one);                              // (n,d)⊙(d) summed over d → (n); X·w without BLAS
        Tensor notY = y.neg().add(one, one);                                        // (n): 1 − y
        Tensor loglik = y.mul(nn.functional.logsigmoid(z)).add(notY.mul(nn.functional.logsigmoid(z.neg())), one); // (n)
        return loglik.sum().neg().add(w.dot(w).mul(halfLambda), one);
    }
}
