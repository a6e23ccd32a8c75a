using BenchmarkDotNet.Attributes;
using ReferenceSolutions.FraudDetection.LogisticRegression;
using ReferenceSolutions.Workloads;

namespace ReferenceSolutions.Benchmarks;

/// <summary>
/// Fitting argmin Σ logloss + (λ/2)‖w‖² on the <c>logreg-fit</c> workload (n = 100 000 × d = 30, planted
/// σ(b + wᵀx)): Newton/IRLS from scratch against ML.NET's float32 L-BFGS (baseline) and the TorchSharp float64 Newton twin.
/// </summary>
public class LogisticRegressionBenchmarks : IDisposable
{
    private LogisticFitWorkload _workload = null!;

    [GlobalSetup]
    public void Setup() => _workload = new LogisticFitWorkload();

    [Benchmark(Baseline = true, Description = "ML.NET LbfgsLogisticRegression (float32)")]
    public void MLNet() => _workload.Library();

    [Benchmark(Description = "Newton/IRLS from scratch (float64)")]
    public void Newton() => _workload.FromScratch();

    [Benchmark(Description = "TorchSharp autograd Newton (float64)")]
    public LogisticModel Torch() => new TorchLogisticRegression().Fit(_workload.X, _workload.Y, LogisticFitWorkload.Lambda);

    [GlobalCleanup]
    public void Dispose()
    {
        _workload?.Dispose();
        GC.SuppressFinalize(this);
    }
}
