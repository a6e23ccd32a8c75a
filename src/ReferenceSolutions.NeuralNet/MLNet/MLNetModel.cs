using Microsoft.ML;
using Microsoft.ML.Data;
using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.Output;

namespace ReferenceSolutions.NeuralNet.MLNet;

/// <summary>
/// A fitted (or loaded) ML.NET multiclass model: the prediction transformer over a float32 vector column
/// <c>Features</c> of length D, whose <c>Score</c> slot k is the probability of class <see cref="Classes"/>[k] (the
/// classes seen in training, ascending).
/// </summary>
public sealed class MLNetModel(MLContext context, ITransformer predictor, IReadOnlyList<int> classes, int features)
{
    /// <summary>The class of each score slot.</summary>
    public IReadOnlyList<int> Classes { get; } = classes;

    /// <summary>D, the length of the feature vector.</summary>
    public int Features { get; } = features;

    /// <summary>P (N×<paramref name="classCount"/>) of the (already scaled) rows <paramref name="x"/>, each cast to float32; a class never seen in training has probability 0.</summary>
    public Matrix Predict(Matrix x, int classCount)
    {
        ArgumentNullException.ThrowIfNull(x);
        IDataView view = context.Data.LoadFromEnumerable(Rows(x), Schema(x.Columns));
        var probabilities = new Matrix(x.Rows, classCount);
        int n = 0;
        foreach (Prediction prediction in context.Data.CreateEnumerable<Prediction>(predictor.Transform(view), reuseRowObject: false))
        {
            for (int k = 0; k < Classes.Count; k++)
            {
                probabilities[n, Classes[k]] = prediction.Score[k];
            }
            n++;
        }
        return probabilities;
    }

    /// <summary>
    /// <c>mlContext.Model.Save</c> of the predictor with its input schema, rewritten by <see cref="ReproducibleZip"/> so
    /// that the same model gives the same bytes.
    /// </summary>
    public void Save(string path)
    {
        using var saved = new MemoryStream();
        IDataView schemaOnly = context.Data.LoadFromEnumerable(Array.Empty<FeaturesRow>(), Schema(Features));
        context.Model.Save(predictor, schemaOnly.Schema, saved);
        ReproducibleZip.Write(path, saved);
    }

    /// <summary>
    /// Loads a zip written by <see cref="Save"/>; its schema must hold <c>Features</c>, a float32 vector of
    /// <paramref name="features"/>. A file ML.NET cannot read is a <see cref="DataFormatException"/>.
    /// </summary>
    public static MLNetModel Load(string path, IReadOnlyList<int> classes, int features, int seed)
    {
        var context = new MLContext(seed: seed);
        ITransformer predictor;
        DataViewSchema schema;
        try
        {
            using FileStream stream = File.OpenRead(path);
            predictor = context.Model.Load(stream, out schema);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new DataFormatException(path, null, null, $"is not an ML.NET model zip ({Echo.Message(e.Message)})");
        }
        if (schema.GetColumnOrNull(nameof(FeaturesRow.Features)) is not { Type: VectorDataViewType { ItemType: var item, Size: var size } } || item != NumberDataViewType.Single || size != features)
        {
            throw new DataFormatException(path, null, "schema", $"expected the input column Features as a float32 vector of {features}, as the manifest's features");
        }
        return new MLNetModel(context, predictor, classes, features);
    }

    private static SchemaDefinition Schema(int features)
    {
        SchemaDefinition schema = SchemaDefinition.Create(typeof(FeaturesRow));
        schema[nameof(FeaturesRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, features);
        return schema;
    }

    private static IEnumerable<FeaturesRow> Rows(Matrix x)
    {
        for (int n = 0; n < x.Rows; n++)
        {
            float[] features = new float[x.Columns];
            for (int j = 0; j < features.Length; j++)
            {
                features[j] = (float)x[n, j];
            }
            yield return new FeaturesRow { Features = features };
        }
    }

    private sealed class FeaturesRow
    {
        public float[] Features { get; set; } = [];
    }

    private sealed class Prediction
    {
        public float[] Score { get; set; } = [];
    }
}
