using System.Globalization;
using System.Text;
using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Output;
using ReferenceSolutions.Core.Randomness;

namespace ReferenceSolutions.SolutionName;

/// <summary>
/// The built-in seeded data: n rows of d = 5 independent N(0, 1) features x1…x5 and a label
/// y = b* + x·w* + σ·ε, ε ~ N(0, 1), with the planted b* = <see cref="TrueIntercept"/>, w* = <see cref="TrueWeights"/>
/// and σ = <see cref="NoiseSd"/>; every draw comes from one <see cref="Rng"/> seeded by the run's seed. The CSV layout
/// is a header <c>x1,…,x5,y</c> and one row per example, numbers in shortest round-trip form.
/// </summary>
public static class SolutionNameData
{
    /// <summary>The label column's name.</summary>
    public const string Label = "y";

    /// <summary>σ, the noise's standard deviation.</summary>
    public const double NoiseSd = 0.5;

    /// <summary>b*, the planted intercept.</summary>
    public const double TrueIntercept = 0.5;

    /// <summary>w*, the planted weights (d = 5).</summary>
    public static IReadOnlyList<double> TrueWeights { get; } = [1.5, -2.0, 0.5, 1.0, -0.75];

    /// <summary>The feature columns' names, x1…x5.</summary>
    public static IReadOnlyList<string> Features { get; } = [.. Enumerable.Range(1, TrueWeights.Count).Select(j => $"x{j}")];

    /// <summary>X (n×d) and y (n) drawn from <paramref name="seed"/>.</summary>
    public static (Matrix X, double[] Y) Generate(int rows, ulong seed)
    {
        var rng = new Rng(seed);
        Matrix x = rng.GaussianMatrix(rows, TrueWeights.Count);
        double[] y = x.Multiply([.. TrueWeights]);
        for (int i = 0; i < rows; i++)
        {
            y[i] += TrueIntercept + rng.Gaussian(0.0, NoiseSd);
        }
        return (x, y);
    }

    /// <summary>Writes X and y as CSV (header x1…x5,y) to <paramref name="path"/> atomically.</summary>
    public static void WriteCsv(string path, Matrix x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var text = new StringBuilder();
        text.AppendJoin(',', Features.Append(Label)).Append('\n');
        for (int i = 0; i < x.Rows; i++)
        {
            foreach (double value in x.Row(i))
            {
                text.Append(value.ToString("R", CultureInfo.InvariantCulture)).Append(',');
            }
            text.Append(y[i].ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }
        AtomicFile.WriteAllText(path, text.ToString());
    }

    /// <summary>
    /// The columns <paramref name="features"/> of the CSV <paramref name="path"/> as X (n×d), in that order; the label
    /// column may be present and is ignored. A missing or unknown column, or a field that is not a finite number, is a
    /// <see cref="DataFormatException"/> naming the file, line and column.
    /// </summary>
    public static Matrix ReadFeatures(string path, IReadOnlyList<string> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        CsvTable table = CsvTable.Read(path, hasHeader: true);
        foreach (string column in table.Header!)
        {
            if (column != Label && !features.Contains(column))
            {
                throw new DataFormatException(path, 1, $"'{Echo.Value(column)}'", $"is not a column the models take ({string.Join(", ", features)}, and optionally {Label})");
            }
        }
        return table.ToMatrix([.. features.Select(table.ColumnIndex)]);
    }
}
