using System.Globalization;
using System.Text;

namespace ReferenceSolutions.Core.Data;

/// <summary>
/// How text from the user's input appears in a one-line error message: control characters escaped (<c>\n</c>,
/// <c>\r</c>, <c>\t</c>, <c>\0</c>, other C0/C1 controls and line separators as <c>\u…</c>) and the text cut to a
/// short prefix ending in <c>…</c>, so that a 60 MB field or a value holding a newline still gives one short line.
/// </summary>
public static class Echo
{
    /// <summary>The longest quoted value, in characters, before it is cut.</summary>
    public const int ValueLength = 40;

    /// <summary>The longest whole message printed on the error line.</summary>
    public const int MessageLength = 500;

    /// <summary>A value from the input, escaped and cut to <see cref="ValueLength"/> characters.</summary>
    public static string Value(string? text) => Escape(text ?? "", ValueLength);

    /// <summary>A whole message, escaped and cut to <see cref="MessageLength"/> characters.</summary>
    public static string Message(string? text) => Escape(text ?? "", MessageLength);

    private static string Escape(string text, int limit)
    {
        var result = new StringBuilder(Math.Min(text.Length, limit) + 8);
        foreach (char c in text)
        {
            if (result.Length >= limit)
            {
                return result.Append('…').ToString();
            }
            result.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\0' => "\\0",
                _ when char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085' => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => c.ToString(),
            });
        }
        return result.ToString();
    }
}
