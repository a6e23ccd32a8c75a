using Microsoft.ML;
using Microsoft.ML.Data;
using ReferenceSolutions.Core.Data;

namespace ReferenceSolutions.FraudDetection.Onnx;

/// <summary>
/// ML.NET models exported by ML.NET's own converter (Microsoft.ML.OnnxConverter, <c>ConvertToOnnx</c>), not by the
/// suite's writer: a saved <c>.zip</c> (format <c>mlnet-zip</c>) is loaded with its input schema and converted. The
/// graph keeps ML.NET's names and types: input <c>Features</c> (float32, N×d, the columns the zip was trained on),
/// outputs named after ML.NET's columns with an <c>.output</c> suffix (<c>Score.output</c>, <c>Probability.output</c>,
/// <c>PredictedLabel.output</c>), all float32 as in ML.NET.
/// </summary>
public static class MLNetOnnx
{
    /// <summary>The converter's input name for ML.NET's <c>Features</c> column.</summary>
    public const string InputName = "Features";

    /// <summary>The converter's name for ML.NET's calibrated <c>Probability</c> column.</summary>
    public const string ProbabilityName = "Probability.output";

    /// <summary>
    /// The ONNX bytes of the ML.NET model saved in <paramref name="zipPath"/>. A file ML.NET cannot load, or a model
    /// without a <c>Features</c> input or that the converter cannot export, is a <see cref="DataFormatException"/>.
    /// </summary>
    public static byte[] Convert(string zipPath)
    {
        var ml = new MLContext(seed: 1);
        ITransformer model;
        DataViewSchema schema;
        try
        {
            model = ml.Model.Load(zipPath, out schema);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or InvalidOperationException)
        {
            throw new DataFormatException(zipPath, null, null, $"is not a model ML.NET can load: {e.Message}");
        }
        try
        {
            return Convert(ml, model, schema);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or InvalidOperationException)
        {
            throw new DataFormatException(zipPath, null, null, $"ML.NET's ONNX converter cannot export this model: {e.Message}");
        }
    }

    /// <summary>
    /// The ONNX bytes of <paramref name="model"/>, whose input has <paramref name="schema"/>. Only the schema's
    /// <c>Features</c> column is passed on: the converter turns every input column into a graph input (a saved
    /// <c>Label</c> would become a second input that every caller has to feed), and scoring needs the features only.
    /// </summary>
    public static byte[] Convert(MLContext ml, ITransformer model, DataViewSchema schema)
    {
        ArgumentNullException.ThrowIfNull(ml);
        ArgumentNullException.ThrowIfNull(schema);
        var features = new DataViewSchema.Builder();
        features.AddColumn(InputName, (schema.GetColumnOrNull(InputName) ?? throw new ArgumentException($"the model's input has no '{InputName}' column", nameof(schema))).Type);
        using var stream = new MemoryStream();
        ml.Model.ConvertToOnnx(model, new EmptyDataView(features.ToSchema()), stream);
        return stream.ToArray();
    }

    /// <summary>A view with <paramref name="schema"/> and no rows: the converter reads the input schema only.</summary>
    private sealed class EmptyDataView(DataViewSchema schema) : IDataView
    {
        public bool CanShuffle => false;

        public DataViewSchema Schema => schema;

        public long? GetRowCount() => 0;

        public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) => new EmptyCursor(schema);

        public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) => [new EmptyCursor(schema)];
    }

    private sealed class EmptyCursor(DataViewSchema schema) : DataViewRowCursor
    {
        public override DataViewSchema Schema => schema;

        public override long Position => -1;

        public override long Batch => 0;

        public override ValueGetter<DataViewRowId> GetIdGetter() => (ref DataViewRowId value) => throw new InvalidOperationException("the view has no rows");

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) => (ref TValue value) => throw new InvalidOperationException("the view has no rows");

        public override bool IsColumnActive(DataViewSchema.Column column) => true;

        public override bool MoveNext() => false;
    }
}
