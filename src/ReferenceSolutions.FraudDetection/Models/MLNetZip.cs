using Microsoft.ML;
using Microsoft.ML.Data;
using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Output;

namespace ReferenceSolutions.FraudDetection.Models;

/// <summary>
/// An ML.NET model saved with <c>mlContext.Model.Save</c> (<see cref="FraudModelFormats.MLNetFile"/>, the input schema
/// included: a float32 vector <c>Features</c> of length d, the standardised row, and a boolean <c>Label</c>), rewritten by
/// <see cref="ReproducibleZip"/> (ML.NET stamps every entry with the time of saving; measured on a FastTree zip), so
/// the same model gives the same file.
/// </summary>
internal static class MLNetZip
{
    /// <summary>Saves <paramref name="model"/> (trained on d-feature rows) to <paramref name="path"/>.</summary>
    public static void Save(MLContext ml, ITransformer model, int features, string path)
    {
        ArgumentNullException.ThrowIfNull(ml);
        DataViewSchema schema = MLNetData.Load(ml, new Matrix(0, features), []).Schema;
        using var saved = new MemoryStream();
        ml.Model.Save(model, schema, saved);
        ReproducibleZip.Write(path, saved);
    }

    /// <summary>Loads the model in <paramref name="path"/>, whose schema must hold <c>Features</c> of length <paramref name="features"/>.</summary>
    public static ITransformer Load(MLContext ml, string path, int features)
    {
        ArgumentNullException.ThrowIfNull(ml);
        ITransformer model;
        DataViewSchema schema;
        try
        {
            model = ml.Model.Load(path, out schema);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or InvalidOperationException or ArgumentException or IOException or NotSupportedException)
        {
            throw new DataFormatException(path, null, null, $"is not an ML.NET model zip ({e.Message})");
        }
        if (schema.GetColumnOrNull("Features") is not DataViewSchema.Column column || column.Type is not VectorDataViewType { Size: int size } || size != features)
        {
            throw new DataFormatException(path, null, "'Features'", $"the model's input schema has no float32 vector of {features} features");
        }
        return model;
    }

    /// <summary>The float32 column <paramref name="output"/> of <paramref name="model"/> on the standardised rows Z (n×d), widened.</summary>
    public static double[] Score(MLContext ml, ITransformer model, Matrix z, string output)
    {
        ArgumentNullException.ThrowIfNull(model);
        return MLNetData.Column(model.Transform(MLNetData.Load(ml, z, new int[z.Rows])), output);
    }
}
