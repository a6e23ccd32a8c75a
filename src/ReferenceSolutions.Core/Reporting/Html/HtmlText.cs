using System.Text;

namespace ReferenceSolutions.Core.Reporting.Html;

/// <summary>
/// Escaping for the run pages: every string that comes from data (check ids, dataset names and sources, file names,
/// metric names) goes through <see cref="Encode"/> before it is written, in text and in double-quoted attribute values
/// alike, and every relative link through <see cref="RelativeUrl"/>.
/// </summary>
public static class HtmlText
{
    /// <summary>
    /// <paramref name="text"/> with <c>&amp; &lt; &gt; " '</c> replaced by their character references, so it can only ever
    /// be text: safe in element content and in a quoted attribute value.
    /// </summary>
    public static string Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return text;
        }
        var encoded = new StringBuilder(text.Length + 16);
        foreach (char c in text)
        {
            encoded.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }
        return encoded.ToString();
    }

    /// <summary>
    /// A relative path (segments separated by <c>/</c>) as a URL reference: each segment percent-encoded (RFC 3986
    /// unreserved characters kept), then HTML-encoded for an attribute; so <c>a b#1.png</c> becomes <c>a%20b%231.png</c>
    /// and can never be read as a scheme, a query or a fragment.
    /// </summary>
    public static string RelativeUrl(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        return Encode(string.Join('/', relativePath.Split('/').Select(Uri.EscapeDataString)));
    }
}
