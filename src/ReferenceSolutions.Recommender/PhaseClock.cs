using System.Diagnostics;
using System.Globalization;
using ReferenceSolutions.Core.Solutions;

namespace ReferenceSolutions.Recommender;

/// <summary>
/// Wall-clock time of a run's phases, for docs/benchmarks.md ("The recommender from 10⁵ to 2.5·10⁷ ratings"): <see cref="Lap"/> closes a phase at the time
/// since the previous lap (so the laps partition the run), and every progress stage passed through
/// <see cref="Report"/> gets the span from its first report to its last. Timings are never part of a run's outputs
/// (those must be the same bytes for the same seed and data): <see cref="WriteTo"/> appends them, tab-separated
/// (<c>phase</c>, seconds), to the file named by the environment variable <see cref="Variable"/>, outside the run
/// folder, and does nothing when it is unset.
/// </summary>
internal sealed class PhaseClock(IRunProgress inner) : IRunProgress
{
    /// <summary>The environment variable naming the file the timings are appended to.</summary>
    public const string Variable = "REFSOL_PHASE_TIMES";

    private readonly long _start = Stopwatch.GetTimestamp();
    private readonly List<(string Phase, double Seconds)> _laps = [];
    private readonly Dictionary<string, (long First, long Last)> _stages = [];
    private long _lap = Stopwatch.GetTimestamp();

    /// <summary>Closes the phase <paramref name="phase"/> at now.</summary>
    public void Lap(string phase)
    {
        long now = Stopwatch.GetTimestamp();
        _laps.Add((phase, Stopwatch.GetElapsedTime(_lap, now).TotalSeconds));
        _lap = now;
    }

    /// <inheritdoc/>
    public void Report(string stage, int done, int total)
    {
        long now = Stopwatch.GetTimestamp();
        lock (_stages)
        {
            _stages[stage] = _stages.TryGetValue(stage, out (long First, long Last) span) ? (span.First, now) : (now, now);
        }
        inner.Report(stage, done, total);
    }

    /// <summary>Appends the timings to the file <see cref="Variable"/> names, if set.</summary>
    public void WriteTo(string label) => AppendTo(Environment.GetEnvironmentVariable(Variable), label);

    /// <summary>Appends the laps, the stage spans and the total (as <c>lap</c>, <c>stage</c>, <c>total</c> lines) to <paramref name="path"/>; nothing when it is null or empty.</summary>
    internal void AppendTo(string? path, string label)
    {
        if (string.IsNullOrEmpty(path))
        {
            return;
        }
        var text = new System.Text.StringBuilder();
        foreach ((string phase, double seconds) in _laps)
        {
            text.Append(CultureInfo.InvariantCulture, $"{label}\tlap\t{phase}\t{seconds:F2}\n");
        }
        foreach ((string stage, (long first, long last)) in _stages)
        {
            text.Append(CultureInfo.InvariantCulture, $"{label}\tstage\t{stage}\t{Stopwatch.GetElapsedTime(first, last).TotalSeconds:F2}\n");
        }
        text.Append(CultureInfo.InvariantCulture, $"{label}\ttotal\trun\t{Stopwatch.GetElapsedTime(_start).TotalSeconds:F2}\n");
        File.AppendAllText(path, text.ToString());
    }
}
