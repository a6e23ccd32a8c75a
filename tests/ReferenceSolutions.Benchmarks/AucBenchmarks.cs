using BenchmarkDotNet.Attributes;
using ReferenceSolutions.FraudDetection.Metrics;
using ReferenceSolutions.Workloads;

namespace ReferenceSolutions.Benchmarks;

/// <summary>
/// AUC and average precision of the <c>auc-1m</c> workload's 1 000 000 scores (1 % positives, ties): the O(n log n)
/// sort-and-sweep from scratch against ML.NET's <c>BinaryClassification.Evaluate</c> (baseline; it also computes its
/// AUPRC, log-loss and the confusion counts, in the two calls <see cref="MLNetEvaluation"/> makes).
/// </summary>
public class AucBenchmarks : IDisposable
{
    private AucWorkload _workload = null!;

    [GlobalSetup]
    public void Setup() => _workload = new AucWorkload(1_000_000);

    [Benchmark(Baseline = true, Description = "ML.NET Evaluate")]
    public void MLNet() => _workload.Library();

    [Benchmark(Description = "AUC from scratch (sort + sweep)")]
    public void Auc() => _workload.FromScratch();

    [Benchmark(Description = "AP from scratch (sort + sweep)")]
    public double AveragePrecision() => PrecisionRecallCurve.AveragePrecision(_workload.Scores, _workload.Labels);

    [GlobalCleanup]
    public void Dispose()
    {
        _workload?.Dispose();
        GC.SuppressFinalize(this);
    }
}
