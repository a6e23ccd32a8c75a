using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Trainers;
using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.Output;
using ReferenceSolutions.Recommender.Ratings;

namespace ReferenceSolutions.Recommender.Factorization;

/// <summary>
/// ML.NET's recommender here: <c>FieldAwareFactorizationMachine</c> on two fields (one-hot user, one-hot item)
/// predicting "rated ≥ 4". It stands in for Microsoft.ML.Recommender's MatrixFactorizationTrainer, which this
/// environment does not serve in any version. With two one-hot fields the FFM score is
/// w₀ + wᵤ + wᵢ + ⟨vᵤ,item-field, vᵢ,user-field⟩ — a biased factorization, trained on log-loss instead of squared
/// error — so it is compared with MF by ranking (AUC, precision@10), not by RMSE. The pipeline's input columns are
/// <c>User</c> and <c>Item</c>, the user and item indices of the training ratings' id maps as invariant-culture text,
/// and <c>Label</c> (r ≥ 4, read in training only); scoring maps external ids through the same maps, and an id outside
/// them becomes the text <see cref="Unknown"/>, which one-hot encodes to all zeros, so it contributes no weight.
/// </summary>
public sealed class MLNetFfm
{
    /// <summary>The manifest format of a saved FFM.</summary>
    public const string Format = "mlnet-zip";

    /// <summary>The feature text of an id outside the id maps (never a training value, so its one-hot vector is 0).</summary>
    public const string Unknown = "unknown";

    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly DataViewSchema _inputSchema;
    private readonly Dictionary<long, int> _users;
    private readonly Dictionary<long, int> _items;

    private MLNetFfm(MLContext ml, ITransformer model, DataViewSchema inputSchema, IReadOnlyList<long> userIds, IReadOnlyList<long> itemIds)
    {
        _ml = ml;
        _model = model;
        _inputSchema = inputSchema;
        UserIds = userIds;
        ItemIds = itemIds;
        _users = userIds.Select((id, index) => (id, index)).ToDictionary(p => p.id, p => p.index);
        _items = itemIds.Select((id, index) => (id, index)).ToDictionary(p => p.id, p => p.index);
    }

    /// <summary>The user id of each user index the features name.</summary>
    public IReadOnlyList<long> UserIds { get; }

    /// <summary>The item id of each item index the features name.</summary>
    public IReadOnlyList<long> ItemIds { get; }

    /// <summary>
    /// Trains on <paramref name="train"/> (label r ≥ 4) and returns the model with P(r ≥ 4) for every rating of
    /// <paramref name="test"/>. The test view is made before fitting: ML.NET forks each component's random stream from
    /// the context's seed in the order the components are created, so that order is part of what fixes the FFM.
    /// </summary>
    public static (MLNetFfm Model, double[] Scores) TrainAndScore(RatingSet train, RatingSet test, int seed, int iterations, int latentDimension)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        var ml = new MLContext(seed: seed);
        IDataView trainView = ml.Data.LoadFromEnumerable(Rows(train));
        IDataView testView = ml.Data.LoadFromEnumerable(Rows(test));
        var options = new FieldAwareFactorizationMachineTrainer.Options
        {
            FeatureColumnName = "UserVector",
            ExtraFeatureColumns = ["ItemVector"],
            LabelColumnName = nameof(FfmRow.Label),
            NumberOfIterations = iterations,
            LatentDimension = latentDimension,
            Shuffle = true,
        };
        var pipeline = ml.Transforms.Categorical.OneHotEncoding("UserVector", nameof(FfmRow.User))
            .Append(ml.Transforms.Categorical.OneHotEncoding("ItemVector", nameof(FfmRow.Item)))
            .Append(ml.BinaryClassification.Trainers.FieldAwareFactorizationMachine(options));
        var model = new MLNetFfm(ml, pipeline.Fit(trainView), trainView.Schema, train.UserIds, train.ItemIds);
        return (model, model.Probabilities(testView));
    }

    /// <summary>P(r ≥ 4) for each (user id, item id) pair, the model's float32 probability widened to double.</summary>
    public double[] Score(IReadOnlyList<long> userIds, IReadOnlyList<long> itemIds)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        ArgumentNullException.ThrowIfNull(itemIds);
        return Probabilities(_ml.Data.LoadFromEnumerable(userIds.Select((u, r) => new FfmRow { User = Feature(_users, u), Item = Feature(_items, itemIds[r]) })));
    }

    private double[] Probabilities(IDataView view) =>
        [.. _ml.Data.CreateEnumerable<FfmScore>(_model.Transform(view), reuseRowObject: false).Select(s => (double)s.Probability)];

    /// <summary>
    /// Writes the fitted pipeline (one-hot encoders and FFM) with <c>mlContext.Model.Save</c> and its input schema to
    /// <paramref name="path"/>, rewritten by <see cref="ReproducibleZip"/> so that the same model gives the same bytes.
    /// </summary>
    public void Save(string path)
    {
        using var saved = new MemoryStream();
        _ml.Model.Save(_model, _inputSchema, saved);
        ReproducibleZip.Write(path, saved);
    }

    /// <summary>
    /// Loads a zip written by <see cref="Save"/> with the id maps it was trained on; one that ML.NET cannot read is a
    /// <see cref="DataFormatException"/>.
    /// </summary>
    public static MLNetFfm Load(string path, IReadOnlyList<long> userIds, IReadOnlyList<long> itemIds, int seed)
    {
        var ml = new MLContext(seed: seed);
        try
        {
            ITransformer model = ml.Model.Load(path, out DataViewSchema schema);
            return new MLNetFfm(ml, model, schema, userIds, itemIds);
        }
        catch (Exception e) when (e is InvalidOperationException or InvalidDataException or FormatException or IOException or ArgumentException)
        {
            throw new DataFormatException(path, null, null, $"is not an ML.NET model this build can load: {e.Message}");
        }
    }

    private static string Feature(Dictionary<long, int> index, long id) =>
        index.TryGetValue(id, out int i) ? i.ToString(CultureInfo.InvariantCulture) : Unknown;

    private static IEnumerable<FfmRow> Rows(RatingSet set)
    {
        for (int r = 0; r < set.Count; r++)
        {
            yield return new FfmRow
            {
                Label = set.Values[r] >= Evaluation.RatingMetrics.RelevantRating,
                User = set.Users[r].ToString(CultureInfo.InvariantCulture),
                Item = set.Items[r].ToString(CultureInfo.InvariantCulture),
            };
        }
    }

    private sealed class FfmRow
    {
        public bool Label { get; set; }

        public string User { get; set; } = "";

        public string Item { get; set; } = "";
    }

    private sealed class FfmScore
    {
        public float Probability { get; set; }
    }
}
