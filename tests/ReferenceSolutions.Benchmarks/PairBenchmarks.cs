using BenchmarkDotNet.Attributes;
using ReferenceSolutions.Workloads;

namespace ReferenceSolutions.Benchmarks;

/// <summary>
/// The pairs of <c>refsol bench</c>, on the very same <see cref="IBenchWorkload"/> objects: the library side is the
/// baseline, so BenchmarkDotNet's ratio column is fromScratch / library (the inverse of <c>refsol bench</c>'s ratio).
/// For <c>mf-sgd-epoch</c> the library side times <see cref="MfSgdEpochWorkload.LibrarySample"/> ratings, not the epoch.
/// </summary>
public class PairBenchmarks : IDisposable
{
    private IBenchWorkload _workload = null!;

    public static IEnumerable<string> Names => BenchWorkloads.Names;

    [ParamsSource(nameof(Names))]
    public string Pair { get; set; } = "";

    [GlobalSetup]
    public void Setup() => _workload = BenchWorkloads.Create(Pair);

    [Benchmark(Baseline = true, Description = "library")]
    public void Library() => _workload.Library();

    [Benchmark(Description = "from scratch")]
    public void FromScratch() => _workload.FromScratch();

    [GlobalCleanup]
    public void Dispose()
    {
        _workload?.Dispose();
        GC.SuppressFinalize(this);
    }
}
