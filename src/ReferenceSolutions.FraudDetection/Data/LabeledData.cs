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
}
