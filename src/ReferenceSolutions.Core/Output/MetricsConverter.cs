using System.Text.Json;
using System.Text.Json.Serialization;
using ReferenceSolutions.Core.Reporting;

namespace ReferenceSolutions.Core.Output;

/// <summary>
/// Writes a metrics dictionary in its own order; a <see cref="NotComputed"/> value becomes <c>null</c> (or, for a
/// series, the series with <c>null</c> for each non-finite value) followed by <c>"&lt;name&gt;NotComputed": reason</c>.
/// Every other value is written with the serializer's options, so a bare NaN is still refused.
/// </summary>
public sealed class MetricsConverter : JsonConverter<IReadOnlyDictionary<string, object>>
{
    /// <inheritdoc/>
    public override IReadOnlyDictionary<string, object> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize<Dictionary<string, object>>(ref reader, options) ?? [];

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, object> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        foreach ((string name, object metric) in value)
        {
            writer.WritePropertyName(name);
            if (metric is NotComputed missing)
            {
                if (missing.Values is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    writer.WriteStartArray();
                    foreach (double v in missing.Values)
                    {
                        if (double.IsFinite(v))
                        {
                            writer.WriteNumberValue(v);
                        }
                        else
                        {
                            writer.WriteNullValue();
                        }
                    }
                    writer.WriteEndArray();
                }
                writer.WriteString(name + NotComputed.Suffix, missing.Reason);
            }
            else
            {
                JsonSerializer.Serialize(writer, metric, metric.GetType(), options);
            }
        }
        writer.WriteEndObject();
    }
}
