using BenchmarkDotNet.Attributes;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.FraudDetection.LogisticRegression;

namespace ReferenceSolutions.Benchmarks;

/// <summary>
/// Fitting argmin Σ logloss + (λ/2)‖w‖² on n = 100 000 rows × d = 30 standard-normal features (labels from a planted
/// σ(b + wᵀx)): Newton/IRLS from scratch against ML.NET's float32 L-BFGS (baseline) and the TorchSharp float64 Newton twin.
/// </summary>
public class LogisticRegressionBenchmarks
{
    private const int N = 100_000, D = 30;
    private const double Lambda = 1.0;
    private Matrix _x = null!;
    private int[] _y = null!;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Rng(5);
        _x = rng.GaussianMatrix(N, D);
        double[] w = new double[D];
        rng.FillGaussian(w, 0.0, 0.5);
        _y = new int[N];
        for (int i = 0; i < N; i++)
        {
            double z = -1.0 + System.Numerics.Tensors.TensorPrimitives.Dot(_x.Row(i), w);
            _y[i] = rng.NextDouble() < 1 / (1 + Math.Exp(-z)) ? 1 : 0;
        }
    }

    [Benchmark(Baseline = true, Description = "ML.NET LbfgsLogisticRegression (float32)")]
    public LogisticModel MLNet() => new MLNetLogisticRegression(seed: 1).Fit(_x, _y, Lambda);

    [Benchmark(Description = "Newton/IRLS from scratch (float64)")]
    public LogisticModel Newton() => new NewtonLogisticRegression().Fit(_x, _y, Lambda);

    [Benchmark(Description = "TorchSharp autograd Newton (float64)")]
    public LogisticModel Torch() => new TorchLogisticRegression().Fit(_x, _y, Lambda);
}
