using System.Globalization;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Native;
using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.FraudDetection.LogisticRegression;
using ReferenceSolutions.Recommender.Factorization;
using ReferenceSolutions.Workloads;

namespace ReferenceSolutions.Benchmarks;

/// <summary>
/// Each widened kernel timed at <see cref="SimdWidth.Vector256"/> and <see cref="SimdWidth.Vector512"/> in one
/// process by <c>refsol bench</c>'s own runner (<see cref="BenchRunner.Measure"/>: warm-up past the JIT's tier-up, then
/// the two widths alternating sample by sample, so a load change on a shared machine hits both alike); prints the median
/// time of each and ratio = t256 / t512 (&gt; 1: the 512-bit kernel is faster). Run:
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
            Report("logistic gradient+Hessian 100000×30", samples, width => () => LogisticObjective.GradientAndHessian(width, x, y, 1.0, theta, z));
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

    /// <summary>Times the kernel at both widths through <see cref="BenchRunner.Measure"/> (its warm-up to tier-up, then interleaved samples) and prints the medians and t256/t512.</summary>
    private static void Report(string name, int samples, Func<SimdWidth, Action> kernel)
    {
        using var pair = new WidthPair(name, kernel(SimdWidth.Vector512), kernel(SimdWidth.Vector256));
        BenchResult result = BenchRunner.Measure(pair, BenchSettings.Full with { Repeats = samples });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} | {result.LibraryMs:F3} | {result.FromScratchMs:F3} | {result.Ratio:F2}"));
    }

    /// <summary>One kernel at two widths as a bench pair: the 512-bit call on the from-scratch side, the 256-bit call on the other, so ratio = t256 / t512.</summary>
    private sealed class WidthPair(string name, Action wide, Action narrow) : IBenchWorkload
    {
        public string Name => name;

        public void FromScratch() => wide();

        public void Library() => narrow();

        public void Dispose()
        {
        }
    }
}
