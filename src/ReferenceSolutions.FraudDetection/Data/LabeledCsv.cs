using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.LinearAlgebra;

namespace ReferenceSolutions.FraudDetection.Data;

/// <summary>
/// Reads a CSV with a header, numeric features and a 0/1 label column into <see cref="LabeledData"/>. Every other
/// column is a feature. A missing label column, a label other than 0 or 1, a non-finite or non-numeric value, a ragged
/// row or a table holding one class only is a <see cref="UserInputException"/> naming the file, line and column.
/// </summary>
public static class LabeledCsv
{
    /// <summary>
    /// Reads <paramref name="path"/> with <paramref name="label"/> as the label column; with <paramref name="limit"/>,
    /// a feature value whose magnitude exceeds <c>limit.Largest</c> is refused too, its message ending in <c>limit.Why</c>.
    /// </summary>
    public static LabeledData Read(string path, string label, (double Largest, string Why)? limit = null)
    {
        CsvTable table = CsvTable.Read(path, hasHeader: true);
        int labelColumn = table.ColumnIndex(label);
        int[] features = [.. Enumerable.Range(0, table.ColumnCount).Where(j => j != labelColumn)];
        if (features.Length == 0)
        {
            throw new DataFormatException(path, null, null, $"has only the label column '{label}', no features");
        }
        var x = new Matrix(table.RowCount, features.Length);
        int[] y = new int[table.RowCount];
        for (int i = 0; i < table.RowCount; i++)
        {
            y[i] = ParseLabel(table, i, labelColumn);
            Span<double> row = x.Row(i);
            for (int j = 0; j < features.Length; j++)
            {
                row[j] = table.Number(i, features[j]);
                if (limit is (double largest, string why) && Math.Abs(row[j]) > largest)
                {
                    throw table.Error(i, features[j], $"'{Echo.Value(table.Text(i, features[j]))}' is beyond ±{largest.ToString("0.#e+0", System.Globalization.CultureInfo.InvariantCulture)}: {why}");
                }
            }
        }
        RequireBothClasses(y, path, label);
        return new LabeledData(x, y, [.. features.Select(j => table.Header![j])], path);
    }

    /// <summary>Throws unless <paramref name="y"/> holds both 0 and 1.</summary>
    public static void RequireBothClasses(IReadOnlyList<int> y, string source, string label)
    {
        ArgumentNullException.ThrowIfNull(y);
        int positives = y.Count(v => v == 1);
        if (positives == 0 || positives == y.Count)
        {
            throw new DataFormatException(source, null, $"'{label}'", $"holds one class only (all {(positives == 0 ? 0 : 1)}); need both 0 and 1");
        }
    }

    private static int ParseLabel(CsvTable table, int row, int column)
    {
        string text = table.Text(row, column);
        if (double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double value))
        {
            if (value == 0.0)
            {
                return 0;
            }
            if (value == 1.0)
            {
                return 1;
            }
        }
        throw table.Error(row, column, $"label '{Echo.Value(text)}' is not 0 or 1");
    }
}
