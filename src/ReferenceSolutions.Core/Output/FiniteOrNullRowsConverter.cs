using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReferenceSolutions.Core.Output;

/// <summary>A matrix as JSON rows, <c>null</c> for each NaN or ±∞ (<see cref="FiniteOrNullArrayConverter"/>).</summary>
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
            FiniteOrNullArrayConverter.WriteArray(writer, row);
        }
        writer.WriteEndArray();
    }
}
