using System.IO.Compression;
using Microsoft.ML;
using Microsoft.ML.Data;
using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Core.Output;

namespace ReferenceSolutions.FraudDetection.Models;

/// <summary>
/// An ML.NET model saved with <c>mlContext.Model.Save</c> (<see cref="FraudModelFormats.MLNetFile"/>, the input schema
/// included: a float32 vector <c>Features</c> of length d, the standardised row, and a boolean <c>Label</c>). ML.NET
/// stamps every zip entry with the time of saving (measured on a FastTree zip), so the
/// zip is rewritten entry by entry, in ML.NET's order and with the same bytes, with every entry time set to
/// 1980-01-01 00:00 (the zip format's earliest): the same model gives the same file.
/// </summary>
internal static class MLNetZip
{
    private static readonly DateTimeOffset FixedTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Saves <paramref name="model"/> (trained on d-feature rows) to <paramref name="path"/>.</summary>
    public static void Save(MLContext ml, ITransformer model, int features, string path)
    {
        ArgumentNullException.ThrowIfNull(ml);
        DataViewSchema schema = MLNetData.Load(ml, new Matrix(0, features), []).Schema;
        using var saved = new MemoryStream();
        ml.Model.Save(model, schema, saved);
        saved.Position = 0;
        using var source = new ZipArchive(saved, ZipArchiveMode.Read);
        using var fixedZip = new MemoryStream();
        using (var target = new ZipArchive(fixedZip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (ZipArchiveEntry entry in source.Entries)
            {
                ZipArchiveEntry copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = FixedTime;
                using Stream from = entry.Open(), to = copy.Open();
                from.CopyTo(to);
            }
        }
        AtomicFile.WriteAllBytes(path, fixedZip.ToArray());
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
