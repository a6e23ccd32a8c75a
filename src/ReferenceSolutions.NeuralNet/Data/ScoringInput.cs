using System.Globalization;
using ReferenceSolutions.Core.Data;

namespace ReferenceSolutions.NeuralNet.Data;

/// <summary>
/// The rows <c>refsol score neuralnet</c> scores, in the training layout: D feature columns, optionally followed by the
/// class column (ignored), with no header (optdigits' layout) or a header whose first D names are the model's features
/// in order (<see cref="FeatureNames"/>) — a first line whose first field is not a number is a header. Any other
/// column count, a wrong name or a value that is not a finite number is a <see cref="DataFormatException"/> naming the
/// file, line and column.
/// </summary>
public static class ScoringInput
{
    /// <summary>The feature matrix X (N×D) of <paramref name="path"/>, D = the number of <paramref name="features"/>.</summary>
    public static Matrix Read(string path, IReadOnlyList<string> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        CsvTable table = CsvTable.Read(path, hasHeader: false);
        if (!double.TryParse(table.Text(0, 0), NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            table = CsvTable.Read(path, hasHeader: true);
        }
        int d = features.Count;
        if (table.ColumnCount != d && table.ColumnCount != d + 1)
        {
            string missing = table.ColumnCount < d ? $"missing: {string.Join(", ", features.Skip(table.ColumnCount).Take(3))}{(d - table.ColumnCount > 3 ? ", …" : "")}" : $"{table.ColumnCount - d - 1} extra";
            throw new DataFormatException(path, 1, null, $"has {table.ColumnCount} columns; the model takes its {d} features {features[0]}…{features[^1]} in order, optionally followed by the class column ({missing})");
        }
        if (table.Header is { } header)
        {
            for (int j = 0; j < d; j++)
            {
                if (header[j] != features[j])
                {
                    throw new DataFormatException(path, 1, table.ColumnLabel(j), $"expected the feature '{features[j]}' in column {j + 1} (the model's features are {features[0]}…{features[^1]} in order)");
                }
            }
        }
        return table.ToMatrix([.. Enumerable.Range(0, d)]);
    }
}
