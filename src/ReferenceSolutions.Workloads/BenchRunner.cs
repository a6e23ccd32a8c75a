using System.Diagnostics;

namespace ReferenceSolutions.Workloads;

/// <summary>Times each <see cref="IBenchWorkload"/> in this process: warm-up, then the median of interleaved samples of both sides.</summary>
public static class BenchRunner
{
    /// <summary>Runs the named pairs in order, calling <paramref name="progress"/> with each name before it starts.</summary>
    public static IReadOnlyList<BenchResult> Run(IEnumerable<string> names, BenchSettings settings, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(settings);
        var results = new List<BenchResult>();
        foreach (string name in names)
        {
            progress?.Invoke(name);
            using IBenchWorkload workload = BenchWorkloads.Create(name);
            results.Add(Measure(workload, settings));
        }
        return results;
    }

    /// <summary>One pair's result (see <see cref="BenchSettings"/>).</summary>
    public static BenchResult Measure(IBenchWorkload workload, BenchSettings settings)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(settings);
        var sides = new List<(string Field, Action Run)> { ("fromScratch", workload.FromScratch), ("library", workload.Library) };
        sides.AddRange(workload.ExtraTimings);
        int[] callsPerSample = [.. sides.Select(side => WarmUp(side.Run, settings))];
        var samples = sides.Select(_ => new List<double>()).ToArray();
        for (int repeat = 0; repeat < settings.Repeats; repeat++)
        {
            for (int s = 0; s < sides.Count; s++)
            {
                samples[s].Add(Sample(sides[s].Run, callsPerSample[s]));
            }
        }
        double fromScratch = Median(samples[0]);
        double library = Median(samples[1]) * workload.LibraryScale;
        var result = new BenchResult(workload.Name, fromScratch, library, library / fromScratch);
        for (int s = 2; s < sides.Count; s++)
        {
            result.Extra[sides[s].Field] = Median(samples[s]);
        }
        foreach ((string field, double value) in workload.Derived(fromScratch, library))
        {
            result.Extra[field] = value;
        }
        return result;
    }

    /// <summary>Runs the warm-up calls; returns how many calls make one sample last at least the minimum.</summary>
    private static int WarmUp(Action run, BenchSettings settings)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        long start = Stopwatch.GetTimestamp();
        double lastMs = double.PositiveInfinity;
        for (int calls = 0; calls < Math.Max(1, settings.Warmups) || NeedsMore(calls, Stopwatch.GetElapsedTime(start).TotalMilliseconds, settings.WarmupMs); calls++)
        {
            lastMs = Sample(run, 1);
        }
        return (int)Math.Clamp(Math.Ceiling(settings.MinSampleMs / Math.Max(lastMs, 1e-3)), 1, 100_000);
    }

    /// <summary>
    /// Warm-up goes on for the minimum time, and beyond it (up to four times as long) until the operation has run
    /// <see cref="TierUpCalls"/> times: the JIT recompiles a method with full optimization only after 30 calls, and once more after profiling it (dynamic PGO).
    /// </summary>
    private static bool NeedsMore(int calls, double elapsedMs, double warmupMs) =>
        elapsedMs < warmupMs || (calls < TierUpCalls && elapsedMs < 4 * warmupMs);

    private const int TierUpCalls = 100;

    /// <summary>Milliseconds per call, over <paramref name="calls"/> back-to-back calls.</summary>
    private static double Sample(Action run, int calls)
    {
        long start = Stopwatch.GetTimestamp();
        for (int c = 0; c < calls; c++)
        {
            run();
        }
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds / calls;
    }

    private static double Median(List<double> values)
    {
        double[] sorted = [.. values.Order()];
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : 0.5 * (sorted[mid - 1] + sorted[mid]);
    }
}
