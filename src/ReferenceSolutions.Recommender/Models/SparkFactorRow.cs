using System.Text.Json.Serialization;

namespace ReferenceSolutions.Recommender.Models;

/// <summary>One row of Spark ALS's <c>userFactors</c> / <c>itemFactors</c> Parquet: (id: int32, features: list&lt;float32&gt;).</summary>
public sealed class SparkFactorRow
{
    /// <summary>The external user or item id.</summary>
    [JsonPropertyName("id")]
    public int Id { get; set; }

    /// <summary>The rank's coordinates.</summary>
    [JsonPropertyName("features")]
    public float[] Features { get; set; } = [];
}
