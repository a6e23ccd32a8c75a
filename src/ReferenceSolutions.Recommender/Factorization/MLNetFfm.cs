using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Trainers;
using ReferenceSolutions.Recommender.Ratings;

namespace ReferenceSolutions.Recommender.Factorization;

/// <summary>
/// ML.NET's recommender here: <c>FieldAwareFactorizationMachine</c> on two fields (one-hot user, one-hot item)
/// predicting "rated ≥ 4". It stands in for Microsoft.ML.Recommender's MatrixFactorizationTrainer, which this
/// environment does not serve in any version. With two one-hot fields the FFM score is
/// w₀ + wᵤ + wᵢ + ⟨vᵤ,item-field, vᵢ,user-field⟩ — a biased factorization, trained on log-loss instead of squared
/// error — so it is compared with MF by ranking (AUC, precision@10), not by RMSE.
/// </summary>
public static class MLNetFfm
{
    /// <summary>Trains on <paramref name="train"/> (label r ≥ 4) and returns P(r ≥ 4) for every test rating.</summary>
    public static double[] TrainAndScore(RatingSet train, RatingSet test, int seed, int iterations, int latentDimension)
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
        var model = pipeline.Fit(trainView);
        IDataView scored = model.Transform(testView);
        return ml.Data.CreateEnumerable<FfmScore>(scored, reuseRowObject: false).Select(s => (double)s.Probability).ToArray();
    }

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
