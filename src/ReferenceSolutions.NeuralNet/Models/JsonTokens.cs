using System.Text;
using System.Text.Json;

namespace ReferenceSolutions.NeuralNet.Models;

/// <summary>
/// The tokens of a JSON stream, one at a time, read with <see cref="Utf8JsonReader"/> through a buffer: 64 KB, grown only
/// while a single token is longer, so reading takes memory for the largest token, not for the file. No tree is built:
/// the caller stores each value where it belongs. Malformed or truncated JSON throws <see cref="JsonException"/> (with
/// the line and byte position) from <see cref="Read"/>.
/// </summary>
internal sealed class JsonTokens
{
    private readonly Stream _stream;
    private byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;
    private bool _final;
    private JsonReaderState _state = new(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });

    /// <summary>Tokens of <paramref name="stream"/>, read from its current position.</summary>
    public JsonTokens(Stream stream) => _stream = stream;

    /// <summary>The current token's type.</summary>
    public JsonTokenType Type { get; private set; }

    /// <summary>The current number as a double (±∞ beyond the double range), when <see cref="Type"/> is a number.</summary>
    public double Number { get; private set; }

    /// <summary>The current string or property name, unescaped.</summary>
    public string? Text { get; private set; }

    /// <summary>The current number's digits as written, kept only when it is not a finite double (for the error message).</summary>
    public string? RawNumber { get; private set; }

    /// <summary>Moves to the next token; false at the end of the stream.</summary>
    public bool Read()
    {
        while (true)
        {
            var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
            bool read = reader.Read();
            if (read)
            {
                Capture(ref reader);
            }
            _start += (int)reader.BytesConsumed;
            _state = reader.CurrentState;
            if (read)
            {
                return true;
            }
            if (_final)
            {
                return false;
            }
            Fill();
        }
    }

    /// <summary>Moves to the next token, which must exist (else the JSON is truncated).</summary>
    public void Next()
    {
        if (!Read())
        {
            throw new JsonException("the file ends inside a JSON value");
        }
    }

    /// <summary>
    /// Skips the current value (a whole array or object, or a scalar) and returns how it was written, compact, cut after
    /// about <paramref name="keep"/> characters: e.g. <c>[2,"x"]</c>, <c>"abc"</c>, <c>null</c>.
    /// </summary>
    public string SkipValue(int keep = 64)
    {
        var text = new StringBuilder();
        int depth = 0;
        JsonTokenType previous = JsonTokenType.None;
        do
        {
            if (text.Length <= keep)
            {
                bool value = Type is not (JsonTokenType.EndArray or JsonTokenType.EndObject);
                bool afterValue = previous is JsonTokenType.EndArray or JsonTokenType.EndObject or JsonTokenType.String or JsonTokenType.Number
                    or JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null;
                if (value && afterValue)
                {
                    text.Append(',');
                }
                text.Append(Describe());
                if (Type == JsonTokenType.PropertyName)
                {
                    text.Append(':');
                }
            }
            depth += Type switch
            {
                JsonTokenType.StartArray or JsonTokenType.StartObject => 1,
                JsonTokenType.EndArray or JsonTokenType.EndObject => -1,
                _ => 0,
            };
            previous = Type;
            if (depth > 0)
            {
                Next();
            }
        }
        while (depth > 0);
        return text.ToString();
    }

    /// <summary>The current token as written (compact): a scalar's JSON text, or the bracket.</summary>
    private string Describe() => Type switch
    {
        JsonTokenType.StartArray => "[",
        JsonTokenType.EndArray => "]",
        JsonTokenType.StartObject => "{",
        JsonTokenType.EndObject => "}",
        JsonTokenType.String or JsonTokenType.PropertyName => JsonSerializer.Serialize(Text),
        JsonTokenType.Number => RawNumber ?? Number.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => "null",
    };

    private void Capture(ref Utf8JsonReader reader)
    {
        Type = reader.TokenType;
        Text = null;
        RawNumber = null;
        switch (Type)
        {
            case JsonTokenType.Number:
                Number = reader.TryGetDouble(out double value) ? value : double.NaN;
                if (!double.IsFinite(Number))
                {
                    RawNumber = Encoding.UTF8.GetString(reader.ValueSpan);
                }
                break;
            case JsonTokenType.String or JsonTokenType.PropertyName:
                Text = reader.GetString();
                break;
        }
    }

    /// <summary>Keeps the unread bytes, grows the buffer if they fill it (one token longer than the buffer), and reads more.</summary>
    private void Fill()
    {
        int unread = _end - _start;
        if (unread == _buffer.Length)
        {
            byte[] larger = new byte[checked(_buffer.Length * 2)];
            _buffer.AsSpan(_start, unread).CopyTo(larger);
            _buffer = larger;
        }
        else if (_start > 0)
        {
            _buffer.AsSpan(_start, unread).CopyTo(_buffer);
        }
        _start = 0;
        _end = unread;
        int read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        _end += read;
        _final = read == 0;
    }
}
