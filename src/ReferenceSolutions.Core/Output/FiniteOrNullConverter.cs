using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReferenceSolutions.Core.Output;

/// <summary>
/// Writes a double as itself when it is finite and as JSON <c>null</c> when it is NaN or ±∞; the record that uses it
/// carries the reason beside it (e.g. <c>ParityCheck.Failure</c>). Reads <c>null</c> back as NaN.
/// </summary>
public sealed class FiniteOrNullConverter : JsonConverter<double>
{
    /// <inheritdoc/>
    public override bool HandleNull => true;

    /// <inheritdoc/>
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? double.NaN : reader.GetDouble();

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
