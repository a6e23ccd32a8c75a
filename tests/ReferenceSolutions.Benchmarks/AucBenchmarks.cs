using BenchmarkDotNet.Attributes;
using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.FraudDetection.Metrics;

namespace ReferenceSolutions.Benchmarks;

/// <summary>
/// AUC and average precision of n = 1 000 000 scores (1 % positives, scores rounded to 1e-4 so ties occur): the
/// O(n log n) sort-and-sweep from scratch against ML.NET's <c>BinaryClassification.Evaluate</c> (baseline; it also
/// computes its AUPRC, log-loss and the confusion counts, in the two calls <see cref="MLNetEvaluation"/> makes).
/// </summary>
public class AucBenchmarks
{
    private const int N = 1_000_000;
    private double[] _scores = null!;
    private int[] _labels = null!;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Rng(9);
        _labels = new int[N];
        _scores = new double[N];
        for (int i = 0; i < N; i++)
        {
            _labels[i] = rng.NextDouble() < 0.01 ? 1 : 0;
            double z = rng.Gaussian() + (2.0 * _labels[i]);
            _scores[i] = Math.Round(1 / (1 + Math.Exp(-z)), 4);
        }
    }

    [Benchmark(Baseline = true, Description = "ML.NET Evaluate")]
    public MLNetEvaluation.Result MLNet() => MLNetEvaluation.Evaluate(_scores, _labels, 0.5);

    [Benchmark(Description = "AUC from scratch (sort + sweep)")]
    public double Auc() => RocCurve.Auc(_scores, _labels);

    [Benchmark(Description = "AP from scratch (sort + sweep)")]
    public double AveragePrecision() => PrecisionRecallCurve.AveragePrecision(_scores, _labels);
}
