using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReferenceSolutions.NeuralNet;

/// <summary>
/// Writes a vector of doubles as a JSON array with <c>null</c> for each NaN or ±∞ (JSON has no such numbers), as Core's
/// <c>FiniteOrNullConverter</c> writes a single value; the record that uses it says why beside it. Reads <c>null</c> as NaN.
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

/// <summary>A matrix as JSON rows, <c>null</c> for each NaN or ±∞ (<see cref="FiniteOrNullArrayConverter"/>).</summary>
public sealed class FiniteOrNullRowsConverter : JsonConverter<double[][]>
{
    /// <inheritdoc/>
    public override double[][] Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var rows = new List<double[]>();
        var row = new FiniteOrNullArrayConverter();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            rows.Add(row.Read(ref reader, typeof(double[]), options));
        }
        return [.. rows];
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, double[][] value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartArray();
        foreach (double[] row in value)
        {
            FiniteOrNullArrayConverter.WriteArray(writer, row);
        }
        writer.WriteEndArray();
    }
}
