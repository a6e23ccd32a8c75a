using System.Globalization;
using Parquet.Serialization;
using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Core.Output;

namespace ReferenceSolutions.Recommender.Models;

/// <summary>
/// A saved rating model written in the folder layout Spark MLlib's <c>ALSModel.save</c> uses, so that
/// <c>ALSModel.load(FOLDER)</c> reads it:
/// <code>
/// FOLDER/metadata/part-00000      one JSON line: class, timestamp, sparkVersion, uid, paramMap, defaultParamMap, rank
/// FOLDER/metadata/_SUCCESS        empty
/// FOLDER/userFactors/part-00000.parquet   rows (id: int32, features: list&lt;float32&gt;), one per user, ascending id
/// FOLDER/itemFactors/part-00000.parquet   rows (id: int32, features: list&lt;float32&gt;), one per item, ascending id
/// FOLDER/refsol.json              what the coordinates mean (the suite's own note; Spark ignores it)
/// </code>
/// Spark's model predicts r̂ = xᵤ·yᵢ, with no biases and no clipping. The suite's r̂ = μ + bᵤ + bᵢ + pᵤ·qᵢ is folded into
/// rank k + 2 by two extra coordinates, xᵤ = [pᵤ, μ + bᵤ, 1] and yᵢ = [qᵢ, 1, bᵢ], so xᵤ·yᵢ = pᵤ·qᵢ + μ + bᵤ + bᵢ: Spark's
/// prediction is the suite's unclipped one, up to float32 rounding (Spark stores factors as float). Each value is the
/// float nearest the suite's double, so |x̃ − x| ≤ 2⁻²⁴|x|. Ids must fit int32 (Spark's id columns are integers).
/// The timestamp is 0 so that the same model gives the same bytes.
/// </summary>
public static class SparkAlsExport
{
    /// <summary>The Spark version written in the metadata; the layout has been stable since Spark 2.4.</summary>
    public const string SparkVersion = "3.5.0";

    /// <summary>The suite's description file written beside Spark's folders.</summary>
    public const string NoteFile = "refsol.json";

    /// <summary>The Parquet part file in each factor folder.</summary>
    public const string PartFile = "part-00000.parquet";

    /// <summary>
    /// Writes <paramref name="scorer"/> (the model named <paramref name="name"/>) into <paramref name="folder"/>, which
    /// must exist and be empty; <paramref name="source"/> names the model file in error messages.
    /// </summary>
    public static void Write(string folder, string name, FactorScorer scorer, string source)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        int k = scorer.Model.Factors;
        SparkFactorRow[] users = Rows(scorer.UserIds, source, "userIds", u => User(scorer, u));
        SparkFactorRow[] items = Rows(scorer.ItemIds, source, "itemIds", i => Item(scorer, i));
        string metadata = Path.Combine(folder, "metadata");
        Directory.CreateDirectory(metadata);
        File.WriteAllText(Path.Combine(metadata, "part-00000"), Metadata(k + 2) + "\n");
        File.WriteAllBytes(Path.Combine(metadata, "_SUCCESS"), []);
        WriteParquet(Path.Combine(folder, "userFactors"), users);
        WriteParquet(Path.Combine(folder, "itemFactors"), items);
        JsonOutput.Write(Path.Combine(folder, NoteFile), new Note(
            "spark-als", name, k, k + 2,
            "users: [p (k values), μ + bᵤ, 1]; items: [q (k values), 1, bᵢ]",
            "Spark: r̂ = xᵤ·yᵢ = μ + bᵤ + bᵢ + pᵤ·qᵢ, unclipped; the suite clips to ratingRange",
            "float32, each the float nearest the suite's float64 value",
            new RangeNote(scorer.Range.Min, scorer.Range.Max)));
    }

    /// <summary>xᵤ = [pᵤ, μ + bᵤ, 1] as float32.</summary>
    private static float[] User(FactorScorer scorer, int u)
    {
        int k = scorer.Model.Factors;
        var x = new float[k + 2];
        for (int f = 0; f < k; f++)
        {
            x[f] = (float)scorer.Model.P[u, f];
        }
        x[k] = (float)(scorer.Model.Mu + scorer.Model.UserBias[u]);
        x[k + 1] = 1f;
        return x;
    }

    /// <summary>yᵢ = [qᵢ, 1, bᵢ] as float32.</summary>
    private static float[] Item(FactorScorer scorer, int i)
    {
        int k = scorer.Model.Factors;
        var y = new float[k + 2];
        for (int f = 0; f < k; f++)
        {
            y[f] = (float)scorer.Model.Q[i, f];
        }
        y[k] = 1f;
        y[k + 1] = (float)scorer.Model.ItemBias[i];
        return y;
    }

    private static SparkFactorRow[] Rows(IReadOnlyList<long> ids, string source, string field, Func<int, float[]> features)
    {
        var rows = new SparkFactorRow[ids.Count];
        for (int index = 0; index < ids.Count; index++)
        {
            long id = ids[index];
            if (id is < int.MinValue or > int.MaxValue)
            {
                throw new DataFormatException(source, null, $"'{field}'[{index}]", $"id {id} does not fit Spark's int32 id column");
            }
            rows[index] = new SparkFactorRow { Id = (int)id, Features = features(index) };
        }
        return rows;
    }

    private static void WriteParquet(string folder, SparkFactorRow[] rows)
    {
        Directory.CreateDirectory(folder);
        ParquetSerializer.SerializeAsync(rows, Path.Combine(folder, PartFile)).GetAwaiter().GetResult();
        File.WriteAllBytes(Path.Combine(folder, "_SUCCESS"), []);
    }

    /// <summary>The metadata line <c>DefaultParamsReader.loadMetadata</c> parses, with ALSModel's parameters.</summary>
    private static string Metadata(int rank) => string.Create(CultureInfo.InvariantCulture,
        $$"""{"class":"org.apache.spark.ml.recommendation.ALSModel","timestamp":0,"sparkVersion":"{{SparkVersion}}","uid":"ALSModel_refsol","paramMap":{"userCol":"user","itemCol":"item","predictionCol":"prediction","coldStartStrategy":"nan","blockSize":4096},"defaultParamMap":{"userCol":"user","itemCol":"item","predictionCol":"prediction","coldStartStrategy":"nan","blockSize":4096},"rank":{{rank}}}""");

    private sealed record Note(string Format, string Model, int Factors, int Rank, string Layout, string Prediction, string Precision, RangeNote RatingRange);

    private sealed record RangeNote(double Min, double Max);
}
