using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Native;
using static TorchSharp.torch;

namespace ReferenceSolutions.SolutionName;

/// <summary>
/// The TorchSharp twin, in float64: the same normal equations (X̃ᵀX̃ + λI)·θ = X̃ᵀy (X̃ = [1 | X], n×(d + 1)) built
/// with torch's matmul and solved by <c>torch.linalg.solve</c> (LU with partial pivoting, LAPACK gesv) instead of
/// Cholesky. Both solves are backward stable, so the two θ differ by at most c·(d + 1)·κ(A)·ε·‖θ‖ — rounding only.
/// Runs on one intra-op thread (libtorch splits matmul sums by thread count), so the bytes do not depend on the machine.
/// </summary>
public static class TorchRidge
{
    private static readonly Lock OneThread = new();

    /// <summary>θ = torch.linalg.solve(X̃ᵀX̃ + λI, X̃ᵀy) for X: n×d, y: n.</summary>
    public static RidgeModel Fit(Matrix x, IReadOnlyList<double> y, double lambda)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        lock (OneThread)
        {
            int threads = get_num_threads();
            set_num_threads(1);
            try
            {
                using var pause = CollectorPause.Enter();
                using var scope = NewDisposeScope();
                Matrix design = RidgeRegression.Design(x);
                int n = design.Rows, p = design.Columns;
                Tensor tx = tensor(design.Data, [n, p], ScalarType.Float64);
                Tensor ty = tensor(y.ToArray(), [n, 1], ScalarType.Float64);
                Tensor a = tx.T.matmul(tx) + (lambda * eye(p, dtype: ScalarType.Float64));   // (p,n)·(n,p) → (p,p)
                Tensor b = tx.T.matmul(ty);                                                     // (p,n)·(n,1) → (p,1)
                Tensor theta = linalg.solve(a, b).reshape(p);                                   // (p,1) → (p)
                return RidgeModel.FromTheta(theta.data<double>().ToArray());
            }
            finally
            {
                set_num_threads(threads);
            }
        }
    }

    /// <summary>
    /// The scale s the twin check divides |θ_torch − θ_scratch| by: 1 + ‖θ_scratch‖∞ (relative for large θ, absolute
    /// near 0).
    /// </summary>
    public static double ParityScale(RidgeModel scratch)
    {
        ArgumentNullException.ThrowIfNull(scratch);
        return 1.0 + Norms.MaxAbs(scratch.Theta);
    }
}
