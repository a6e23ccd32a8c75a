using System.Globalization;
using System.Text;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Output;
using ReferenceSolutions.Core.Randomness;

namespace ReferenceSolutions.FraudDetection.Data;

/// <summary>
/// Seeded synthetic card transactions in the real sample's schema (<c>Time, V1..V28, Amount, Class</c>). V ~ N(0, I₂₈);
/// the label is drawn from the planted logistic model P(fraud | V) = σ(b* + w*ᵀV) with b* = −8.9 and w* non-zero on
/// V1..V8 (≈ 0.5 % fraud); a share of the frauds is then moved into <see cref="ClusterCount"/> tight anomaly clusters
/// away from the legitimate cloud. Amount = exp(N(3.5 + 0.8·y, 1.2²)) (log-normal), Time ~ U(0, 172 800) seconds.
/// </summary>
public static class TransactionGenerator
{
    /// <summary>Rows of the default run.</summary>
    public const int DefaultRows = 40_000;

    /// <summary>Number of anomaly clusters of frauds.</summary>
    public const int ClusterCount = 3;

    /// <summary>The planted intercept b*.</summary>
    public const double PlantedIntercept = -8.9;

    /// <summary>The planted weights w* on V1..V28 (zero after V8).</summary>
    public static IReadOnlyList<double> PlantedWeights { get; } = [1.6, -1.4, 1.2, -1.0, 0.9, 0.8, -0.6, 0.5, .. new double[20]];

    private const double ClusterShare = 0.3;

    /// <summary>The feature names, in column order.</summary>
    public static IReadOnlyList<string> FeatureNames { get; } = ["Time", .. Enumerable.Range(1, 28).Select(k => $"V{k}"), "Amount"];

    /// <summary>n transactions drawn from the seed.</summary>
    public static LabeledData Generate(int rows, ulong seed)
    {
        var rng = new Rng(seed);
        Rng clusterRng = rng.Fork();
        var centers = new double[ClusterCount][];
        for (int k = 0; k < ClusterCount; k++)
        {
            centers[k] = new double[28];
            clusterRng.FillGaussian(centers[k], 0.0, 2.5);
        }
        var x = new Matrix(rows, FeatureNames.Count);
        int[] y = new int[rows];
        Span<double> v = stackalloc double[28];
        for (int i = 0; i < rows; i++)
        {
            rng.FillGaussian(v);
            double z = PlantedIntercept;
            for (int j = 0; j < 28; j++)
            {
                z += PlantedWeights[j] * v[j];
            }
            int label = rng.NextDouble() < 1.0 / (1.0 + Math.Exp(-z)) ? 1 : 0;
            if (label == 1 && rng.NextDouble() < ClusterShare)
            {
                double[] center = centers[rng.NextInt(ClusterCount)];
                for (int j = 0; j < 28; j++)
                {
                    v[j] = center[j] + (0.4 * rng.Gaussian());
                }
            }
            Span<double> row = x.Row(i);
            row[0] = rng.Uniform(0.0, 172_800.0);
            v.CopyTo(row[1..29]);
            row[29] = Math.Round(Math.Exp(rng.Gaussian(3.5 + (0.8 * label), 1.2)), 2);
            y[i] = label;
        }
        return new LabeledData(x, y, FeatureNames, $"generated (seed {seed})");
    }

    /// <summary>Writes <paramref name="data"/> as CSV with a header and the label column <c>Class</c>.</summary>
    public static void WriteCsv(LabeledData data, string path)
    {
        ArgumentNullException.ThrowIfNull(data);
        var text = new StringBuilder();
        text.AppendJoin(',', data.FeatureNames).Append(",Class\n");
        for (int i = 0; i < data.Rows; i++)
        {
            foreach (double value in data.X.Row(i))
            {
                text.Append(value.ToString("R", CultureInfo.InvariantCulture)).Append(',');
            }
            text.Append(data.Y[i]).Append('\n');
        }
        AtomicFile.WriteAllText(path, text.ToString());
    }
}
