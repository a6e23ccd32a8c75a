using System.Globalization;
using ReferenceSolutions.Core.Plotting;

namespace ReferenceSolutions.Benchmarks;

/// <summary>
/// The whole recommender run against its size, from the table <c>build/scaling.sh</c> measures: one log-log PNG of
/// wall time, CPU time (user + system) and peak RSS against the number of ratings N, each with its least-squares line
/// log₁₀ y = a + b·log₁₀ N (dashed) and the slope b in its legend; a table row per measure on stdout. The table: a
/// header line, then per run <c>ratings</c>, <c>wallSeconds</c>, <c>cpuSeconds</c>, <c>peakRssMB</c>, tab-separated.
/// Run: <c>ReferenceSolutions.Benchmarks recommender-scaling TABLE PNG</c>.
/// </summary>
internal static class RecommenderScalingPlot
{
    public static void Run(string table, string png)
    {
        double[][] rows = [.. File.ReadLines(table).Skip(1).Where(line => line.Length > 0)
            .Select(line => line.Split('\t').Select(field => double.Parse(field, CultureInfo.InvariantCulture)).ToArray()).OrderBy(r => r[0])];
        double[] x = [.. rows.Select(r => Math.Log10(r[0]))];
        var plot = new ScottPlot.Plot();
        foreach ((string name, int column) in new[] { ("wall time (s)", 1), ("CPU time, user + system (s)", 2), ("peak RSS (MB)", 3) })
        {
            double[] y = [.. rows.Select(r => Math.Log10(r[column]))];
            double slope = Slope(x, y);
            double intercept = y.Average() - (slope * x.Average());
            var points = plot.Add.Scatter(x, y);
            points.LegendText = string.Create(CultureInfo.InvariantCulture, $"{name}: fitted slope {slope:F2}");
            var fit = plot.Add.Line(x[0], intercept + (slope * x[0]), x[^1], intercept + (slope * x[^1]));
            fit.LinePattern = ScottPlot.LinePattern.Dashed;
            fit.Color = points.Color;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {string.Join(", ", rows.Select(r => $"{r[0]:G3}: {r[column]:G4}"))} | {slope:F2} |"));
        }
        plot.Title("refsol run recommender: time and peak RSS vs ratings (dashed: least squares)");
        plot.XLabel("log₁₀ ratings");
        plot.YLabel("log₁₀ seconds, log₁₀ MB");
        plot.ShowLegend(ScottPlot.Alignment.UpperLeft);
        PngPlot.Save(plot, png);
    }

    private static double Slope(double[] x, double[] y)
    {
        double mx = x.Average(), my = y.Average();
        double sxy = x.Zip(y, (a, b) => (a - mx) * (b - my)).Sum();
        double sxx = x.Sum(a => (a - mx) * (a - mx));
        return sxy / sxx;
    }
}
