using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReferenceSolutions.Recommender;

/// <summary>
/// Writes a double[] with every NaN or ±∞ entry as JSON <c>null</c> (read back as NaN), like Core's
/// <c>FiniteOrNullConverter</c> for a single double: a verify report must still be written when an implementation
/// returned a non-finite value — its comparison then fails and says which side.
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
    public override void Write(Utf8JsonWriter writer, double[] value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartArray();
        foreach (double x in value)
        {
            if (double.IsFinite(x))
            {
                writer.WriteNumberValue(x);
            }
            else
            {
                writer.WriteNullValue();
            }
        }
        writer.WriteEndArray();
    }
}

/// <summary>A double[][] written row by row with <see cref="FiniteOrNullArrayConverter"/>.</summary>
public sealed class FiniteOrNullRowsConverter : JsonConverter<double[][]>
{
    private static readonly FiniteOrNullArrayConverter Row = new();

    /// <inheritdoc/>
    public override double[][] Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var rows = new List<double[]>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            rows.Add(Row.Read(ref reader, typeof(double[]), options));
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
            Row.Write(writer, row, options);
        }
        writer.WriteEndArray();
    }
}
