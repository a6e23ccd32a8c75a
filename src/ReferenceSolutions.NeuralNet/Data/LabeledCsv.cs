using System.Globalization;
using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.Output;

namespace ReferenceSolutions.NeuralNet.Data;

/// <summary>
/// CSV without a header: D feature columns, then the class index as the last column (optdigits' layout). Every feature
/// must be a finite number and every class an integer in 0..C−1; errors name the file, line and column.
/// </summary>
public static class LabeledCsv
{
    /// <summary>The largest number of classes accepted.</summary>
    public const int MaxClasses = 1000;

    /// <summary>
    /// Reads <paramref name="path"/>. With <paramref name="classes"/> null, C = 1 + the largest class found; otherwise classes
    /// must lie in 0..classes−1. <paramref name="features"/>, when given, is the required D, which
    /// <paramref name="featuresFrom"/> names in the error (e.g. "the model takes").
    /// </summary>
    public static LabeledData Read(string path, int? classes = null, int? features = null, string featuresFrom = "the model takes")
    {
        CsvTable table = CsvTable.Read(path, hasHeader: false);
        if (table.ColumnCount < 2)
        {
            throw new DataFormatException(path, table.LineOf(0), null, $"has {table.ColumnCount} column; expected feature columns then the class index");
        }
        int d = table.ColumnCount - 1;
        if (features is int expected && d != expected)
        {
            throw new DataFormatException(path, table.LineOf(0), null, $"has {d} feature columns, {featuresFrom} {expected}");
        }
        Matrix x = table.ToMatrix(Enumerable.Range(0, d).ToArray());
        var y = new int[table.RowCount];
        int limit = classes ?? MaxClasses;
        for (int r = 0; r < table.RowCount; r++)
        {
            int label = table.Integer(r, d);
            if (label < 0 || label >= limit)
            {
                throw table.Error(r, d, classes is null
                    ? $"class index {label} must be in 0..{MaxClasses - 1}"
                    : $"class index {label} is out of range 0..{limit - 1}");
            }
            y[r] = label;
        }
        return new LabeledData(x, y, classes ?? (y.Max() + 1));
    }

    /// <summary>Writes <paramref name="data"/> in the same layout (features with round-trip precision, then the class).</summary>
    public static void Write(string path, LabeledData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var text = new System.Text.StringBuilder();
        for (int n = 0; n < data.Rows; n++)
        {
            foreach (double v in data.Features.Row(n))
            {
                text.Append(v.ToString("R", CultureInfo.InvariantCulture)).Append(',');
            }
            text.Append(data.Labels[n].ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
        AtomicFile.WriteAllText(path, text.ToString());
    }
}
