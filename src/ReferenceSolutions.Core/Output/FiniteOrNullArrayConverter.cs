using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReferenceSolutions.Core.Output;

/// <summary>
/// Writes a vector of doubles as a JSON array with <c>null</c> for each NaN or ±∞ (JSON has no such numbers), as
/// <see cref="FiniteOrNullConverter"/> writes a single value: a report must still be written when an implementation
/// returned a non-finite value — its comparison then fails and says which side. Reads <c>null</c> back as NaN.
/// </summary>
public sealed class FiniteOrNullArrayConverter : JsonConverter<double[]>
{
    /// <inheritdoc/>
    public override double[] Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var values = new List<double>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            values.Add(reader.TokenType == JsonTokenType.Null ? double.NaN : reader.GetDouble());
        }
        return [.. values];
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, double[] value, JsonSerializerOptions options) => WriteArray(writer, value);

    /// <summary>Writes <paramref name="values"/> as an array, <c>null</c> for each value that is not finite.</summary>
    public static void WriteArray(Utf8JsonWriter writer, ReadOnlySpan<double> values)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartArray();
        foreach (double v in values)
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
}
