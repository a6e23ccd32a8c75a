using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ReferenceSolutions.Core.Reporting.Html;

/// <summary>
/// Renders values of metrics.json as HTML. Every JSON number becomes
/// <c>&lt;span class="num" data-value="RAW"&gt;shown&lt;/span&gt;</c>: <c>RAW</c> is the number's text exactly as
/// metrics.json holds it (shortest round-trip form, so <c>double.Parse(RAW)</c> gives the reported double bit for bit)
/// and <c>shown</c> is <see cref="Display"/>'s rounded form. Objects become key/value tables, arrays of objects tables
/// with one column per key, arrays of number arrays matrices, arrays of numbers inline lists; strings are encoded.
/// </summary>
public static class JsonHtml
{
    /// <summary>
    /// The form a number is shown in: an integer as written; otherwise 4 significant digits, in fixed notation for
    /// 1e-3 ≤ |x| &lt; 1e4 (<c>0.9461</c>, <c>129.6</c>), to one decimal up to 1e9 (<c>36096.5</c>) and in scientific
    /// notation beyond (<c>4.188e-15</c>).
    /// </summary>
    public static string Display(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        if (raw.AsSpan().IndexOfAny(".eE") < 0)
        {
            return raw;
        }
        double value = double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture);
        double magnitude = Math.Abs(value);
        return magnitude switch
        {
            0 => "0",
            < 1e-3 => value.ToString("0.###e+0", CultureInfo.InvariantCulture),
            < 1e4 => value.ToString("G4", CultureInfo.InvariantCulture),
            < 1e9 => value.ToString("0.#", CultureInfo.InvariantCulture),
            _ => value.ToString("0.###e+0", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>A JSON number (or <c>null</c>) as <c>data-value</c> and shown text: <c>null</c> shows as "—".</summary>
    public static void Number(StringBuilder html, JsonElement number)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (number.ValueKind == JsonValueKind.Null)
        {
            html.Append("<span class=\"num null\" data-value=\"null\">—</span>");
            return;
        }
        string raw = number.GetRawText();
        html.Append("<span class=\"num\" data-value=\"").Append(HtmlText.Encode(raw)).Append("\">")
            .Append(HtmlText.Encode(Display(raw))).Append("</span>");
    }

    /// <summary>Any JSON value, recursively (see the class summary).</summary>
    public static void Value(StringBuilder html, JsonElement value)
    {
        ArgumentNullException.ThrowIfNull(html);
        switch (value.ValueKind)
        {
            case JsonValueKind.Number:
                Number(html, value);
                break;
            case JsonValueKind.String:
                html.Append(HtmlText.Encode(value.GetString()!));
                break;
            case JsonValueKind.True or JsonValueKind.False:
                html.Append(value.ValueKind == JsonValueKind.True ? "true" : "false");
                break;
            case JsonValueKind.Null:
                html.Append("<span class=\"null\">null</span>");
                break;
            case JsonValueKind.Object:
                Object(html, value);
                break;
            case JsonValueKind.Array:
                Array(html, value);
                break;
            default:
                break;
        }
    }

    /// <summary>An object as a two-column table: one row per property, the name encoded, the value rendered.</summary>
    public static void Object(StringBuilder html, JsonElement value)
    {
        ArgumentNullException.ThrowIfNull(html);
        html.Append("<table class=\"kv\">");
        foreach (JsonProperty property in value.EnumerateObject())
        {
            html.Append("<tr><th>").Append(HtmlText.Encode(property.Name)).Append("</th><td>");
            Value(html, property.Value);
            html.Append("</td></tr>");
        }
        html.Append("</table>");
    }

    /// <summary>The names of the properties of every object in <paramref name="rows"/>, in order of first appearance.</summary>
    public static IReadOnlyList<string> Columns(IEnumerable<JsonElement> rows) =>
        [.. rows.SelectMany(row => row.EnumerateObject().Select(p => p.Name)).Distinct(StringComparer.Ordinal)];

    private static void Array(StringBuilder html, JsonElement value)
    {
        JsonElement[] items = [.. value.EnumerateArray()];
        if (items.Length > 0 && items.All(i => i.ValueKind == JsonValueKind.Object))
        {
            Table(html, items);
        }
        else if (items.Length > 0 && items.All(i => i.ValueKind == JsonValueKind.Array && i.EnumerateArray().All(IsScalar)))
        {
            html.Append("<table class=\"matrix\">");
            foreach (JsonElement row in items)
            {
                html.Append("<tr>");
                foreach (JsonElement cell in row.EnumerateArray())
                {
                    html.Append("<td>");
                    Value(html, cell);
                    html.Append("</td>");
                }
                html.Append("</tr>");
            }
            html.Append("</table>");
        }
        else
        {
            html.Append("<span class=\"list\">[");
            for (int i = 0; i < items.Length; i++)
            {
                html.Append(i == 0 ? "" : ", ");
                Value(html, items[i]);
            }
            html.Append("]</span>");
        }
    }

    private static void Table(StringBuilder html, IReadOnlyList<JsonElement> rows)
    {
        IReadOnlyList<string> columns = Columns(rows);
        html.Append("<table class=\"rows\"><tr>");
        foreach (string column in columns)
        {
            html.Append("<th>").Append(HtmlText.Encode(column)).Append("</th>");
        }
        html.Append("</tr>");
        foreach (JsonElement row in rows)
        {
            html.Append("<tr>");
            foreach (string column in columns)
            {
                html.Append("<td>");
                if (row.TryGetProperty(column, out JsonElement cell))
                {
                    Value(html, cell);
                }
                html.Append("</td>");
            }
            html.Append("</tr>");
        }
        html.Append("</table>");
    }

    private static bool IsScalar(JsonElement value) => value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array);
}
