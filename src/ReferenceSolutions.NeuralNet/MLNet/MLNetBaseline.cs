using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms;
using ReferenceSolutions.NeuralNet.Data;

namespace ReferenceSolutions.NeuralNet.MLNet;

/// <summary>
/// The production baseline a user would otherwise pick: ML.NET's multinomial logistic regression
/// (<c>LbfgsMaximumEntropy</c>, P(c|x) = softmax(Wx + b), L-BFGS) with its default settings passed explicitly — L1 = 1,
/// L2 = 1, optimization tolerance 1e-7, history 20 — none of them searched; one thread and a fixed
/// <c>MLContext(seed:)</c> so it is reproducible. Computed in float32; compared with the MLP on accuracy, not parity.
/// </summary>
public static class MLNetBaseline
{
    /// <summary>The model name in reports.</summary>
    public const string Name = "mlnet-lbfgs-maxent";

    /// <summary>L1 penalty weight (ML.NET's default).</summary>
    public const float L1Regularization = 1f;

    /// <summary>L2 penalty weight (ML.NET's default).</summary>
    public const float L2Regularization = 1f;

    /// <summary>L-BFGS stops when the relative loss improvement falls below this (ML.NET's default).</summary>
    public const float OptimizationTolerance = 1e-7f;

    /// <summary>L-BFGS memory: the number of past updates kept (ML.NET's default).</summary>
    public const int HistorySize = 20;

    /// <summary>The fixed settings as report fields, with the rows it is fitted on.</summary>
    public static IReadOnlyDictionary<string, object> Settings(int trainRows) => new Dictionary<string, object>(StringComparer.Ordinal)
    {
        ["l1Regularization"] = (double)L1Regularization,
        ["l2Regularization"] = (double)L2Regularization,
        ["optimizationTolerance"] = 1e-7,
        ["historySize"] = HistorySize,
        ["threads"] = 1,
        ["fittedOn"] = $"the {trainRows} training rows, with the input scaling fitted on them",
    };

    /// <summary>Fits on <paramref name="train"/> and returns the class probabilities of <paramref name="test"/>: N×C.</summary>
    public static Matrix FitPredict(LabeledData train, LabeledData test, int seed)
    {
        ArgumentNullException.ThrowIfNull(test);
        return Fit(train, seed).Predict(test.Features, test.Classes);
    }

    /// <summary>
    /// Fits the model on <paramref name="train"/> (features as float32): the labels become keys in ascending order of
    /// value, and the fitted model is the trainer's prediction transformer alone, over a view of the feature vector.
    /// </summary>
    public static MLNetModel Fit(LabeledData train, int seed)
    {
        ArgumentNullException.ThrowIfNull(train);
        var context = new MLContext(seed: seed);
        int d = train.Features.Columns;
        SchemaDefinition schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, d);
        IDataView trainView = context.Data.LoadFromEnumerable(Rows(train), schema);
        var trainer = context.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = "Key",
            FeatureColumnName = nameof(Row.Features),
            L1Regularization = L1Regularization,
            L2Regularization = L2Regularization,
            OptimizationTolerance = OptimizationTolerance,
            HistorySize = HistorySize,
            NumberOfThreads = 1,
        });
        var pipeline = context.Transforms.Conversion
            .MapValueToKey("Key", nameof(Row.Label), keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
            .Append(trainer);
        var model = pipeline.Fit(trainView);
        return new MLNetModel(context, model.LastTransformer, [.. train.Labels.Distinct().Order()], d);
    }

    private static IEnumerable<Row> Rows(LabeledData data)
    {
        for (int n = 0; n < data.Rows; n++)
        {
            float[] features = new float[data.Features.Columns];
            for (int j = 0; j < features.Length; j++)
            {
                features[j] = (float)data.Features[n, j];
            }
            yield return new Row { Label = (uint)data.Labels[n], Features = features };
        }
    }

    private sealed class Row
    {
        public uint Label { get; set; }

        public float[] Features { get; set; } = [];
    }
}
