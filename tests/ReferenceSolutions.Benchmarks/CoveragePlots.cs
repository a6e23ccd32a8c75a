using System.Diagnostics;
using System.Globalization;
using ReferenceSolutions.Core.Plotting;
using ReferenceSolutions.FraudDetection.LogisticRegression;

namespace ReferenceSolutions.Benchmarks;

/// <summary>
/// The coverage of the 95 % Wald interval of a logistic-regression slope over
/// <see cref="CoverageSimulation.Grid"/> (n ∈ {50, 200, 1000} × event rate π ∈ {0.5, 0.1, 0.02}, S = 1,000 data sets per cell, λ = 0):
/// prints a markdown table and saves coverage against n per π, with ±2 Monte-Carlo SE bars, as
/// <c>DIR/wald-coverage.png</c>. Run: <c>ReferenceSolutions.Benchmarks coverage DIR</c>.
/// </summary>
internal static class CoveragePlots
{
    public static void Run(string directory)
    {
        Directory.CreateDirectory(directory);
        long start = Stopwatch.GetTimestamp();
        var plot = new ScottPlot.Plot();
        Console.WriteLine("| n | π | b | mean events | no finite MLE | Wald coverage given an MLE ± MC SE | counting no-MLE as misses |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (IGrouping<double, (int N, double EventRate, ulong Seed)> row in CoverageSimulation.Grid.GroupBy(c => c.EventRate))
        {
            double rate = row.Key;
            var xs = new List<double>();
            var ys = new List<double>();
            var errors = new List<double>();
            foreach ((int n, _, ulong seed) in row)
            {
                CoverageCell cell = CoverageSimulation.Run(n, rate, CoverageSimulation.GridReplications, seed);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {n} | {rate} | {cell.Intercept:F3} | {cell.MeanEvents:F1} | {cell.NoFiniteMle} | {cell.Coverage:F3} ± {cell.MonteCarloSe:F4} | {cell.CoverageCountingMisses:F3} |"));
                if (cell.WithMle > 0)
                {
                    xs.Add(Math.Log10(n));
                    ys.Add(cell.Coverage);
                    errors.Add(2.0 * cell.MonteCarloSe);
                }
            }
            var scatter = plot.Add.Scatter(xs.ToArray(), ys.ToArray());
            scatter.LegendText = string.Create(CultureInfo.InvariantCulture, $"event rate {rate}");
            var bars = plot.Add.ErrorBar(xs.ToArray(), ys.ToArray(), errors.ToArray());
            bars.Color = scatter.Color;
        }
        var nominal = plot.Add.HorizontalLine(0.95);
        nominal.LegendText = "nominal 0.95";
        nominal.LinePattern = ScottPlot.LinePattern.Dashed;
        plot.Title("Wald 95 % interval of a slope: coverage given a finite MLE (±2 MC SE)");
        plot.XLabel("log₁₀ n");
        plot.YLabel("coverage");
        plot.ShowLegend();
        PngPlot.Save(plot, Path.Combine(directory, "wald-coverage.png"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Stopwatch.GetElapsedTime(start).TotalSeconds:F1} s"));
    }
}
