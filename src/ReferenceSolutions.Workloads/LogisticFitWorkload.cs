using System.Numerics.Tensors;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.FraudDetection.LogisticRegression;

namespace ReferenceSolutions.Workloads;

/// <summary>
/// Fitting argmin Σ logloss + (λ/2)‖w‖² (λ = 1) on n = 100,000 rows × d = 30 standard-normal features, labels from a
/// planted σ(−1 + wᵀx): Newton/IRLS from scratch (float64) against ML.NET's <c>LbfgsLogisticRegression</c>.
/// </summary>
public sealed class LogisticFitWorkload : IBenchWorkload
{
    private const int N = 100_000, D = 30;

    /// <summary>λ of the L2 penalty.</summary>
    public const double Lambda = 1.0;
    private readonly Matrix _x;
    private readonly int[] _y;

    public LogisticFitWorkload()
    {
        var rng = new Rng(5);
        _x = rng.GaussianMatrix(N, D);
        double[] w = new double[D];
        rng.FillGaussian(w, 0.0, 0.5);
        _y = new int[N];
        for (int i = 0; i < N; i++)
        {
            double z = -1.0 + TensorPrimitives.Dot(_x.Row(i), w);
            _y[i] = rng.NextDouble() < 1 / (1 + Math.Exp(-z)) ? 1 : 0;
        }
    }

    public string Name => "logreg-fit";

    /// <summary>X: n×d, for benchmarks that time other fitters on the same problem.</summary>
    public Matrix X => _x;

    /// <summary>y: n labels (0/1).</summary>
    public IReadOnlyList<int> Y => _y;

    public void FromScratch() => new NewtonLogisticRegression().Fit(_x, _y, Lambda);

    public void Library() => new MLNetLogisticRegression(seed: 1).Fit(_x, _y, Lambda);

    public void Dispose()
    {
    }
}
