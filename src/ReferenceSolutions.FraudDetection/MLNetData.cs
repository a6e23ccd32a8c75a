using Microsoft.ML;
using Microsoft.ML.Data;
using ReferenceSolutions.Core.LinearAlgebra;

namespace ReferenceSolutions.FraudDetection;

/// <summary>
/// Turns X (n×d) and y into an ML.NET <see cref="IDataView"/> with a float32 <c>Features</c> vector of length d and a
/// boolean <c>Label</c>; ML.NET's trainers and evaluator read float32, so values are rounded to float32 here, once.
/// </summary>
internal static class MLNetData
{
    public static IDataView Load(MLContext ml, Matrix x, IReadOnlyList<int> y)
    {
        var rows = new FeatureRow[x.Rows];
        for (int i = 0; i < x.Rows; i++)
        {
            float[] features = new float[x.Columns];
            ReadOnlySpan<double> row = x.Row(i);
            for (int j = 0; j < x.Columns; j++)
            {
                features[j] = (float)row[j];
            }
            rows[i] = new FeatureRow { Features = features, Label = y[i] == 1 };
        }
        SchemaDefinition schema = SchemaDefinition.Create(typeof(FeatureRow));
        schema[nameof(FeatureRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, x.Columns);
        return ml.Data.LoadFromEnumerable(rows, schema);
    }

    /// <summary>The float32 column <paramref name="column"/> of <paramref name="data"/> as doubles.</summary>
    public static double[] Column(IDataView data, string column) =>
        [.. data.GetColumn<float>(column).Select(v => (double)v)];

    internal sealed class FeatureRow
    {
        public float[] Features { get; set; } = [];

        public bool Label { get; set; }
    }
}
