using System.Diagnostics;
using System.Globalization;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Native;
using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.FraudDetection.LogisticRegression;
using ReferenceSolutions.Recommender.Factorization;

namespace ReferenceSolutions.Benchmarks;

/// <summary>
/// Each widened kernel timed at <see cref="SimdWidth.Vector256"/> and <see cref="SimdWidth.Vector512"/> in one
/// process, the two widths alternating sample by sample so a load change on a shared machine hits both alike; prints
/// the median time of each and ratio = t256 / t512 (&gt; 1: the 512-bit kernel is faster). Run:
/// <c>ReferenceSolutions.Benchmarks widths [samples]</c>.
/// </summary>
internal static class VectorWidthRatios
{
    public static void Run(int samples)
    {
        var rng = new Rng(1);
        Console.WriteLine($"hardware {VectorWidth.Describe(VectorWidth.Hardware)}; process width {VectorWidth.Describe(VectorWidth.Current)}; load average {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine("kernel | t256 (ms) | t512 (ms) | t256/t512");
        foreach ((int m, int n, int k, bool transposeA) in new[] { (512, 512, 512, false), (32, 64, 64, false), (1024, 64, 64, false), (64, 64, 1024, true) })
        {
            Matrix a = transposeA ? rng.GaussianMatrix(k, m) : rng.GaussianMatrix(m, k);
            Matrix b = rng.GaussianMatrix(k, n);
            var c = new Matrix(m, n);
            Report($"gemm {(transposeA ? "Aᵀ" : "A")}·B {m}×{n}×{k}", samples, width => () => BlockedGemm.Run(width, m, n, k, 1.0, a, transposeA, b, false, 0.0, c));
        }
        {
            Matrix x = rng.GaussianMatrix(100_000, 30);
            double[] theta = new double[31];
            rng.FillGaussian(theta, 0.0, 0.3);
            int[] y = [.. Enumerable.Range(0, x.Rows).Select(_ => rng.NextInt(2))];
            double[] z = LogisticObjective.Logits(x, theta);
            var workspace = new Matrix(x.Rows, x.Columns);
            Report("logistic gradient+Hessian 100000×30", samples, width => () => LogisticObjective.GradientAndHessian(width, x, y, 1.0, theta, z, workspace));
        }
        {
            const int Users = 610, Items = 9_724, Factors = 32, Steps = 100_000;
            BiasedMf model = BiasedMf.Initial(Users, Items, Factors, 3.5, 0.1, rng);
            int[] users = [.. Enumerable.Range(0, Steps).Select(_ => rng.NextInt(Users))];
            int[] items = [.. Enumerable.Range(0, Steps).Select(_ => rng.NextInt(Items))];
            double[] ratings = [.. Enumerable.Range(0, Steps).Select(_ => rng.Uniform(0.5, 5.0))];
            Report($"MF-SGD {Steps} steps k={Factors}", samples, width => () =>
            {
                for (int t = 0; t < Steps; t++)
                {
                    MfSgd.StepVectorized(width, model, users[t], items[t], ratings[t], 0.01, 0.05);
                }
            });
        }
    }

    private static void Report(string name, int samples, Func<SimdWidth, Action> kernel)
    {
        Action narrow = kernel(SimdWidth.Vector256), wide = kernel(SimdWidth.Vector512);
        for (int warm = 0; warm < 3; warm++)
        {
            narrow();
            wide();
        }
        int repeat = Math.Max(1, (int)(20.0 / Math.Max(0.01, Time(narrow, 1))));
        var t256 = new List<double>();
        var t512 = new List<double>();
        for (int s = 0; s < samples; s++)
        {
            t256.Add(Time(narrow, repeat));
            t512.Add(Time(wide, repeat));
        }
        double m256 = Median(t256), m512 = Median(t512);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} | {m256:F3} | {m512:F3} | {m256 / m512:F2}"));
    }

    private static double Time(Action action, int repeat)
    {
        long start = Stopwatch.GetTimestamp();
        for (int r = 0; r < repeat; r++)
        {
            action();
        }
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds / repeat;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}
