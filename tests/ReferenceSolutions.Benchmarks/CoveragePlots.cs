using System.Diagnostics;
using System.Globalization;
using ReferenceSolutions.Core.Plotting;
using ReferenceSolutions.FraudDetection.LogisticRegression;

namespace ReferenceSolutions.Benchmarks;

/// <summary>
/// The coverage of the 95 % Wald and profile-likelihood intervals of a logistic-regression slope over
/// <see cref="CoverageSimulation.Grid"/> (n ∈ {50, 200, 1000} × event rate π ∈ {0.5, 0.1, 0.02}, S = 1,000 data sets per cell, λ = 0):
/// prints a markdown table (with the count of one-sided profile intervals) and saves coverage against n per π, with ±2 Monte-Carlo SE bars, as
/// <c>DIR/wald-coverage.png</c>. Run: <c>ReferenceSolutions.Benchmarks coverage DIR</c>.
/// </summary>
internal static class CoveragePlots
{
    public static void Run(string directory)
    {
        Directory.CreateDirectory(directory);
        long start = Stopwatch.GetTimestamp();
        var plot = new ScottPlot.Plot();
        Console.WriteLine("| n | π | b | mean events | no finite MLE | Wald coverage given an MLE ± MC SE | counting no-MLE as misses | profile coverage given an MLE ± MC SE | one-sided profile intervals | profile end not computed (a miss) | time |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (IGrouping<double, (int N, double EventRate, ulong Seed)> row in CoverageSimulation.Grid.GroupBy(c => c.EventRate))
        {
            double rate = row.Key;
            var xs = new List<double>();
            var ys = new List<double>();
            var errors = new List<double>();
            var profileYs = new List<double>();
            var profileErrors = new List<double>();
            foreach ((int n, _, ulong seed) in row)
            {
                long cellStart = Stopwatch.GetTimestamp();
                int oneSided = 0, failed = 0;
                CoverageCell cell = CoverageSimulation.Run(n, rate, CoverageSimulation.GridReplications, seed, (x, y, inference) =>
                {
                    (double lo, double hi) = ProfileLikelihood.Interval95(x, y, 0.0, 1, inference.Estimate, inference.StandardErrors[1]);
                    oneSided += double.IsInfinity(lo) || double.IsInfinity(hi) ? 1 : 0;
                    failed += double.IsNaN(lo) || double.IsNaN(hi) ? 1 : 0;
                    return lo <= CoverageSimulation.Slopes[0] && CoverageSimulation.Slopes[0] <= hi;
                });
                double profileSe = Math.Sqrt(cell.CoverageExtra * (1.0 - cell.CoverageExtra) / cell.WithMle);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {n} | {rate} | {cell.Intercept:F3} | {cell.MeanEvents:F1} | {cell.NoFiniteMle} | {cell.Coverage:F3} ± {cell.MonteCarloSe:F4} | {cell.CoverageCountingMisses:F3} | {cell.CoverageExtra:F3} ± {profileSe:F4} | {oneSided} | {failed} | {Stopwatch.GetElapsedTime(cellStart).TotalSeconds:F1} s |"));
                if (cell.WithMle > 0)
                {
                    xs.Add(Math.Log10(n));
                    ys.Add(cell.Coverage);
                    errors.Add(2.0 * cell.MonteCarloSe);
                    profileYs.Add(cell.CoverageExtra);
                    profileErrors.Add(2.0 * profileSe);
                }
            }
            var scatter = plot.Add.Scatter(xs.ToArray(), ys.ToArray());
            scatter.LegendText = string.Create(CultureInfo.InvariantCulture, $"Wald, event rate {rate}");
            var bars = plot.Add.ErrorBar(xs.ToArray(), ys.ToArray(), errors.ToArray());
            bars.Color = scatter.Color;
            double[] shifted = [.. xs.Select(v => v + 0.02)];
            var profile = plot.Add.Scatter(shifted, profileYs.ToArray());
            profile.LegendText = string.Create(CultureInfo.InvariantCulture, $"profile, event rate {rate}");
            profile.Color = scatter.Color;
            profile.LinePattern = ScottPlot.LinePattern.Dotted;
            profile.MarkerShape = ScottPlot.MarkerShape.OpenSquare;
            var profileBars = plot.Add.ErrorBar(shifted, profileYs.ToArray(), profileErrors.ToArray());
            profileBars.Color = scatter.Color;
        }
        var nominal = plot.Add.HorizontalLine(0.95);
        nominal.LegendText = "nominal 0.95";
        nominal.LinePattern = ScottPlot.LinePattern.Dashed;
        plot.Title("95 % intervals of a slope, Wald and profile: coverage given a finite MLE (±2 MC SE)");
        plot.XLabel("log₁₀ n");
        plot.YLabel("coverage");
        plot.ShowLegend();
        PngPlot.Save(plot, Path.Combine(directory, "wald-coverage.png"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Stopwatch.GetElapsedTime(start).TotalSeconds:F1} s"));
    }
}
