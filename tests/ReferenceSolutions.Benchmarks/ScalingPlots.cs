using System.Diagnostics;
using System.Globalization;
using ReferenceSolutions.Core.Plotting;
using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.FraudDetection.Metrics;
using ReferenceSolutions.Recommender.Factorization;
using ReferenceSolutions.Recommender.Ratings;
using ReferenceSolutions.Recommender.Svd;

namespace ReferenceSolutions.Benchmarks;

/// <summary>
/// Time against size for four from-scratch kernels, on log-log axes (one PNG each), with the least-squares slope of
/// log t on log n beside the expected exponent: Jacobi SVD of n×n (n³), one MF-SGD epoch over n ratings (n), one ALS
/// sweep over n users with k = 32 (n·k³: linear in n), AUC of n scores (n log n: local slope 1 + 1/ln n ≈ 1.08).
/// Each point is the median of 5 timed runs after 2 warm-ups (the first size: up to 100 calls or 2 s, so the JIT has optimized the code). Run: <c>ReferenceSolutions.Benchmarks scaling DIR</c>.
/// </summary>
internal static class ScalingPlots
{
    public static void Run(string directory)
    {
        Directory.CreateDirectory(directory);
        Report(directory, "svd-jacobi", "one-sided Jacobi SVD of n×n (expected slope 3)", "n", 3.0, [64, 96, 128, 192, 256], n =>
        {
            var a = new Rng(1).GaussianMatrix(n, n);
            var svd = new JacobiSvd();
            return () => svd.Decompose(a);
        });
        Report(directory, "mf-sgd-epoch", "MF-SGD epoch over n ratings, k = 32 (expected slope 1)", "ratings", 1.0, [25_000, 50_000, 100_000, 200_000, 400_000], n =>
        {
            (RatingSet ratings, BiasedMf initial) = Ratings(n, 610, 9_724, 32);
            var sgd = new MfSgd(0.01, 0.05, MfSgd.Orders(n, 1, new Rng(2)));
            return () => sgd.Train(initial, ratings);
        });
        Report(directory, "als-sweep", "ALS sweep over n users, 20 ratings each, k = 32 (expected slope 1: users·k³)", "users", 1.0, [250, 500, 1_000, 2_000, 4_000], n =>
        {
            (RatingSet ratings, BiasedMf initial) = Ratings(20 * n, n, 500, 32);
            var als = new Als(0.05, 1);
            return () => als.Train(initial, ratings);
        });
        Report(directory, "auc", "AUC of n scores (expected slope ≈ 1.08: n log n)", "scores", 1.0 + (1.0 / Math.Log(250_000)), [62_500, 125_000, 250_000, 500_000, 1_000_000], n =>
        {
            var rng = new Rng(9);
            int[] labels = [.. Enumerable.Range(0, n).Select(_ => rng.NextDouble() < 0.01 ? 1 : 0)];
            double[] scores = [.. labels.Select(l => Math.Round(1 / (1 + Math.Exp(-(rng.Gaussian() + (2.0 * l)))), 4))];
            return () => RocCurve.Auc(scores, labels);
        });
    }

    private static (RatingSet Ratings, BiasedMf Initial) Ratings(int count, int users, int items, int factors)
    {
        var rng = new Rng(3);
        int[] u = [.. Enumerable.Range(0, count).Select(_ => rng.NextInt(users))];
        int[] i = [.. Enumerable.Range(0, count).Select(_ => rng.NextInt(items))];
        double[] r = [.. Enumerable.Range(0, count).Select(_ => 0.5 * (1 + rng.NextInt(10)))];
        var set = new RatingSet(u, i, r, [.. Enumerable.Range(0, users).Select(x => (long)x)], [.. Enumerable.Range(0, items).Select(x => (long)x)], "synthetic");
        return (set, BiasedMf.Initial(users, items, factors, set.Mean(), 0.1, rng));
    }

    private static void Report(string directory, string name, string title, string sizeLabel, double expectedSlope, int[] sizes, Func<int, Action> workload)
    {
        double[] ms = new double[sizes.Length];
        for (int s = 0; s < sizes.Length; s++)
        {
            Action run = workload(sizes[s]);
            long warmup = Stopwatch.GetTimestamp();
            for (int w = 0; w < 2 || (s == 0 && (w < 100 && Stopwatch.GetElapsedTime(warmup).TotalSeconds < 2)); w++)
            {
                run();
            }
            double[] samples = new double[5];
            for (int r = 0; r < samples.Length; r++)
            {
                long start = Stopwatch.GetTimestamp();
                run();
                samples[r] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
            Array.Sort(samples);
            ms[s] = samples[samples.Length / 2];
        }
        double[] x = [.. sizes.Select(n => Math.Log10(n))];
        double[] y = [.. ms.Select(Math.Log10)];
        double slope = Slope(x, y);
        var plot = new ScottPlot.Plot();
        plot.Add.Scatter(x, y);
        double intercept = y.Average() - (slope * x.Average());
        var fit = plot.Add.Line(x[0], intercept + (slope * x[0]), x[^1], intercept + (slope * x[^1]));
        fit.LegendText = string.Create(CultureInfo.InvariantCulture, $"fitted slope {slope:F2} (expected {expectedSlope:F2})");
        plot.Title(title);
        plot.XLabel($"log₁₀ {sizeLabel}");
        plot.YLabel("log₁₀ time (ms)");
        plot.ShowLegend();
        PngPlot.Save(plot, Path.Combine(directory, $"scaling-{name}.png"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {string.Join(", ", sizes.Zip(ms, (n, t) => $"{n}: {t:G3} ms"))} | {slope:F2} | {expectedSlope:F2} |"));
    }

    private static double Slope(double[] x, double[] y)
    {
        double mx = x.Average(), my = y.Average();
        double sxy = x.Zip(y, (a, b) => (a - mx) * (b - my)).Sum();
        double sxx = x.Sum(a => (a - mx) * (a - mx));
        return sxy / sxx;
    }
}
