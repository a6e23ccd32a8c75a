using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ReferenceSolutions.Core.Reporting.Html;

/// <summary>
/// <c>#models</c> of <see cref="RunPage"/>. <c>&lt;table id="models-table"&gt;</c> has one column per model (name and kind)
/// and one row per scalar metric (number, string, boolean or null), in order of first appearance, so twins sit side by
/// side. An interval — a metric <c>&lt;name&gt;Ci&lt;level&gt;</c> holding two numbers, e.g. <c>aucCi95</c> — is shown
/// under <c>&lt;name&gt;</c> in the same cell when that model has it, and in a row of its own otherwise (e.g.
/// <c>aucDeLongCi95</c>). Every other metric (series, matrices, tables such as <c>coefficients</c>) follows in a folded
/// <c>&lt;details data-model data-metric&gt;</c>.
/// </summary>
internal static partial class ModelsTable
{
    /// <summary>Appends the section for <paramref name="models"/> (metrics.json's <c>models</c> entries).</summary>
    public static void Render(StringBuilder html, IReadOnlyList<JsonElement> models)
    {
        html.Append("<section id=\"models\">\n<h2>Models</h2>\n");
        var rows = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (JsonElement model in models)
        {
            foreach (JsonProperty metric in Metrics(model).Where(m => Shown(model, m)))
            {
                if (seen.Add(metric.Name))
                {
                    rows.Add(metric.Name);
                }
            }
        }
        html.Append("<div class=\"scroll\"><table id=\"models-table\">\n<thead><tr><th>metric</th>");
        foreach (JsonElement model in models)
        {
            string name = Field(model, "name");
            html.Append("<th data-model=\"").Append(HtmlText.Encode(name)).Append("\">").Append(HtmlText.Encode(name))
                .Append("<br><span class=\"small\">").Append(HtmlText.Encode(Field(model, "kind"))).Append("</span></th>");
        }
        html.Append("</tr></thead>\n<tbody>\n");
        foreach (string row in rows)
        {
            html.Append("<tr data-metric=\"").Append(HtmlText.Encode(row)).Append("\"><th>").Append(HtmlText.Encode(row)).Append("</th>");
            foreach (JsonElement model in models)
            {
                html.Append("<td data-model=\"").Append(HtmlText.Encode(Field(model, "name"))).Append("\">");
                Cell(html, model, row);
                html.Append("</td>");
            }
            html.Append("</tr>\n");
        }
        html.Append("</tbody>\n</table></div>\n");
        Folded(html, models);
        html.Append("</section>\n");
    }

    private static void Cell(StringBuilder html, JsonElement model, string metric)
    {
        if (!TryMetric(model, metric, out JsonElement value))
        {
            return;
        }
        if (Interval(metric, value) is null)
        {
            JsonHtml.Value(html, value);
        }
        foreach (JsonProperty interval in Metrics(model).Where(m => Interval(m.Name, m.Value) is { } i && (i.Base == metric || m.Name == metric)))
        {
            string level = Interval(interval.Name, interval.Value)!.Value.Level;
            html.Append(interval.Name == metric ? "" : "<br>").Append("<span class=\"ci\" data-interval=\"").Append(HtmlText.Encode(interval.Name)).Append("\">")
                .Append(HtmlText.Encode(level)).Append(" %: [");
            JsonElement[] bounds = [.. interval.Value.EnumerateArray()];
            JsonHtml.Number(html, bounds[0]);
            html.Append(", ");
            JsonHtml.Number(html, bounds[1]);
            html.Append("]</span>");
        }
    }

    private static void Folded(StringBuilder html, IReadOnlyList<JsonElement> models)
    {
        bool any = false;
        foreach (JsonElement model in models)
        {
            string name = Field(model, "name");
            foreach (JsonProperty metric in Metrics(model).Where(m => !Shown(model, m) && Interval(m.Name, m.Value) is null))
            {
                if (!any)
                {
                    html.Append("<h3>Series and tables</h3>\n");
                    any = true;
                }
                int count = metric.Value.ValueKind == JsonValueKind.Array ? metric.Value.GetArrayLength() : metric.Value.EnumerateObject().Count();
                html.Append("<details data-model=\"").Append(HtmlText.Encode(name)).Append("\" data-metric=\"").Append(HtmlText.Encode(metric.Name)).Append("\"><summary>")
                    .Append(HtmlText.Encode(name)).Append(": ").Append(HtmlText.Encode(metric.Name)).Append(" (").Append(count).Append(count == 1 ? " entry" : " entries").Append(")</summary>\n");
                JsonHtml.Value(html, metric.Value);
                html.Append("\n</details>\n");
            }
        }
    }

    /// <summary>A metric that gets a row: a scalar, or an interval whose base is not a scalar metric of the same model.</summary>
    private static bool Shown(JsonElement model, JsonProperty metric) =>
        Interval(metric.Name, metric.Value) is { } interval
            ? !(TryMetric(model, interval.Base, out JsonElement value) && IsScalar(value))
            : IsScalar(metric.Value);

    /// <summary><c>(base, level)</c> when <paramref name="name"/> is <c>&lt;base&gt;Ci&lt;level&gt;</c> and <paramref name="value"/> two numbers (or nulls).</summary>
    private static (string Base, string Level)? Interval(string name, JsonElement value)
    {
        Match match = IntervalName().Match(name);
        return match.Success && value.ValueKind == JsonValueKind.Array && value.GetArrayLength() == 2
            && value.EnumerateArray().All(b => b.ValueKind is JsonValueKind.Number or JsonValueKind.Null)
            ? (match.Groups[1].Value, match.Groups[2].Value)
            : null;
    }

    private static bool IsScalar(JsonElement value) => value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array);

    private static JsonProperty[] Metrics(JsonElement model) =>
        model.TryGetProperty("metrics", out JsonElement metrics) && metrics.ValueKind == JsonValueKind.Object ? [.. metrics.EnumerateObject()] : [];

    private static bool TryMetric(JsonElement model, string name, out JsonElement value)
    {
        value = default;
        return model.TryGetProperty("metrics", out JsonElement metrics) && metrics.ValueKind == JsonValueKind.Object && metrics.TryGetProperty(name, out value);
    }

    private static string Field(JsonElement model, string name) =>
        model.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    [GeneratedRegex("^(.+)Ci([0-9]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex IntervalName();
}
