using ReferenceSolutions.Core.Randomness;
using ReferenceSolutions.FraudDetection.Metrics;

namespace ReferenceSolutions.Workloads;

/// <summary>
/// ROC AUC of n scores (1 % positives, scores rounded to 1e-4 so ties occur): the O(n log n) sort-and-sweep
/// <see cref="RocCurve.Auc"/> against ML.NET's <c>BinaryClassification.Evaluate</c>.
/// </summary>
public sealed class AucWorkload : IBenchWorkload
{
    private readonly double[] _scores;
    private readonly int[] _labels;

    public AucWorkload(int n)
    {
        var rng = new Rng(9);
        _labels = new int[n];
        _scores = new double[n];
        for (int i = 0; i < n; i++)
        {
            _labels[i] = rng.NextDouble() < 0.01 ? 1 : 0;
            double z = rng.Gaussian() + (2.0 * _labels[i]);
            _scores[i] = Math.Round(1 / (1 + Math.Exp(-z)), 4);
        }
        Name = n == 1_000_000 ? "auc-1m" : $"auc-{n}";
    }

    public string Name { get; }

    /// <summary>The n scores, for benchmarks that time other metrics on the same input.</summary>
    public ReadOnlySpan<double> Scores => _scores;

    /// <summary>The n labels (0/1).</summary>
    public IReadOnlyList<int> Labels => _labels;

    public void FromScratch() => RocCurve.Auc(_scores, _labels);

    public void Library() => MLNetEvaluation.Evaluate(_scores, _labels, 0.5);

    public void Dispose()
    {
    }
}
