using System.Globalization;
using ReferenceSolutions.Core.Solutions;

namespace ReferenceSolutions.Recommender.Tests;

/// <summary>
/// <see cref="PhaseClock"/>: every progress report reaches the wrapped progress unchanged; the laps partition the run
/// (each lap non-negative, their sum at most the total); a stage's span runs from its first report to its last; the
/// lines are <c>label, lap|stage|total, phase, seconds</c> in the invariant culture.
/// </summary>
public sealed class PhaseClockTests
{
    [Fact]
    public void Laps_partition_the_run_and_stages_span_their_reports()
    {
        var inner = new RecordingProgress();
        var clock = new PhaseClock(inner);
        clock.Report("stage a", 0, 2);
        Thread.Sleep(30);
        clock.Report("stage a", 2, 2);
        clock.Lap("first");
        clock.Report("stage b", 1, 1);
        clock.Lap("second");
        string path = Path.Combine(Path.GetTempPath(), $"phase-clock-{Guid.NewGuid():N}.tsv");
        try
        {
            clock.AppendTo(path, "n = 7");
            string[][] lines = [.. File.ReadAllLines(path).Select(line => line.Split('\t'))];

            Assert.Equal([("stage a", 0, 2), ("stage a", 2, 2), ("stage b", 1, 1)], inner.Reports);
            Assert.All(lines, line => Assert.Equal(4, line.Length));
            Assert.All(lines, line => Assert.Equal("n = 7", line[0]));
            Assert.Equal(["lap\tfirst", "lap\tsecond", "stage\tstage a", "stage\tstage b", "total\trun"],
                lines.Select(line => $"{line[1]}\t{line[2]}"));
            double[] seconds = [.. lines.Select(line => double.Parse(line[3], CultureInfo.InvariantCulture))];
            Assert.All(seconds, s => Assert.True(s >= 0));
            Assert.True(seconds[2] >= 0.02, $"stage a spans a 30 ms sleep, reported {seconds[2]} s");
            Assert.True(seconds[0] >= seconds[2], "the first lap contains stage a");
            Assert.Equal(0, seconds[3]);
            Assert.True(seconds[0] + seconds[1] <= seconds[4] + 0.01, "the laps sum to at most the total (each printed to 0.01 s)");
        }
        finally
        {
            File.Delete(path);
        }
    }

    private sealed class RecordingProgress : IRunProgress
    {
        public List<(string Stage, int Done, int Total)> Reports { get; } = [];

        public void Report(string stage, int done, int total) => Reports.Add((stage, done, total));
    }
}
