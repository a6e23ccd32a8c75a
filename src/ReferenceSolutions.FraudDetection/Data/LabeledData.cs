using ReferenceSolutions.Core.LinearAlgebra;

namespace ReferenceSolutions.FraudDetection.Data;

/// <summary>
/// A binary-labelled table: features X (n×d, row-major, one transaction per row), labels y (n, each 0 or 1, 1 =
/// fraud), the d feature names and where the rows came from. Dimension letters of this solution: n rows, d features,
/// P positives (frauds), N negatives (legitimate).
/// </summary>
public sealed record LabeledData(Matrix X, int[] Y, IReadOnlyList<string> FeatureNames, string Source)
{
    /// <summary>Number of rows n.</summary>
    public int Rows => X.Rows;

    /// <summary>Number of features d.</summary>
    public int Features => X.Columns;

    /// <summary>The rows at <paramref name="indices"/>, in that order.</summary>
    public LabeledData Subset(IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var x = new Matrix(indices.Count, Features);
        int[] y = new int[indices.Count];
        for (int r = 0; r < indices.Count; r++)
        {
            X.Row(indices[r]).CopyTo(x.Row(r));
            y[r] = Y[indices[r]];
        }
        return new LabeledData(x, y, FeatureNames, Source);
    }

    /// <summary>
    /// The values of feature <paramref name="name"/> (n) and the data without that column (n×(d − 1)); null when
    /// there is no such feature.
    /// </summary>
    public (LabeledData Remaining, double[] Column)? TakeColumn(string name)
    {
        int column = Enumerable.Range(0, Features).FirstOrDefault(j => FeatureNames[j] == name, -1);
        if (column < 0)
        {
            return null;
        }
        var x = new Matrix(Rows, Features - 1);
        double[] values = new double[Rows];
        for (int i = 0; i < Rows; i++)
        {
            ReadOnlySpan<double> row = X.Row(i);
            Span<double> target = x.Row(i);
            values[i] = row[column];
            row[..column].CopyTo(target);
            row[(column + 1)..].CopyTo(target[column..]);
        }
        return (new LabeledData(x, Y, [.. FeatureNames.Where((_, j) => j != column)], Source), values);
    }
}
