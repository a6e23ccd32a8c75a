namespace ReferenceSolutions.Workloads;

/// <summary>
/// How <see cref="BenchRunner"/> times a pair: per side, untimed warm-up calls until both <paramref name="Warmups"/>
/// calls and <paramref name="WarmupMs"/> have passed (so the JIT has promoted the hot methods to optimized code),
/// then <paramref name="Repeats"/> timed samples (sides interleaved), each running the operation enough times to last
/// at least <paramref name="MinSampleMs"/>; the reported time is the median sample per call.
/// </summary>
public sealed record BenchSettings(int Warmups, double WarmupMs, int Repeats, double MinSampleMs)
{
    /// <summary>The default: ≥ 2 warm-up calls and ≥ 1 s, then 9 samples of ≥ 50 ms per side.</summary>
    public static BenchSettings Full { get; } = new(2, 1000, 9, 50);

    /// <summary>
    /// <c>--quick</c>: ≥ 1 warm-up call and ≥ 300 ms, then 5 samples of ≥ 50 ms per side (well under a minute on 2 cores).
    /// Shorter samples (10 ms: two calls of a 5 ms kernel) let one slow first call after the other side's sample move the median by 20–40 %.
    /// </summary>
    public static BenchSettings Quick { get; } = new(1, 300, 5, 50);
}
