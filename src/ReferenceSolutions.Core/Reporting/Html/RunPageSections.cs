using System.Text;
using System.Text.Json;

namespace ReferenceSolutions.Core.Reporting.Html;

/// <summary>The sections of <see cref="RunPage"/> other than the models table: dataset and protocol, parity, quality gates, plots.</summary>
internal static class RunPageSections
{
    private static readonly HashSet<string> ParityColumns = new(StringComparer.Ordinal)
    {
        "check", "identity", "maxAbsDiff", "tolerance", "toleranceName", "reason", "passed", "id", "kind", "between", "measuredOn", "worst", "failure",
    };

    /// <summary><c>#dataset</c>: solution, seed and the dataset's fields; the protocol's fields; the candidates of selection, folded.</summary>
    public static void Dataset(StringBuilder html, JsonElement metrics)
    {
        html.Append("<section id=\"dataset\">\n<h2>Dataset and protocol</h2>\n<table class=\"kv\" id=\"dataset-table\">");
        foreach (string field in (string[])["solution", "seed"])
        {
            if (metrics.TryGetProperty(field, out JsonElement value))
            {
                Row(html, field, value);
            }
        }
        if (metrics.TryGetProperty("dataset", out JsonElement dataset) && dataset.ValueKind == JsonValueKind.Object)
        {
            foreach (JsonProperty property in dataset.EnumerateObject())
            {
                Row(html, $"dataset {property.Name}", property.Value);
            }
        }
        html.Append("</table>\n");
        if (metrics.TryGetProperty("protocol", out JsonElement protocol) && protocol.ValueKind == JsonValueKind.Object)
        {
            html.Append("<h3>Protocol</h3>\n<table class=\"kv\" id=\"protocol\">");
            foreach (JsonProperty property in protocol.EnumerateObject().Where(p => p.Name != "candidates"))
            {
                Row(html, property.Name, property.Value);
            }
            html.Append("</table>\n");
            if (protocol.TryGetProperty("candidates", out JsonElement candidates) && candidates.ValueKind == JsonValueKind.Array)
            {
                Candidates(html, [.. candidates.EnumerateArray()]);
            }
        }
        html.Append("</section>\n");
    }

    /// <summary><c>#parity-checks</c>: <c>&lt;table id="parity"&gt;</c> with one <c>&lt;tr data-check&gt;</c> per entry.</summary>
    public static void Parity(StringBuilder html, IReadOnlyList<JsonElement> parity, string? docsBase)
    {
        html.Append("<section id=\"parity-checks\">\n<h2>Parity checks</h2>\n");
        html.Append(docsBase is null
            ? "<p>Each check's id names its row in docs/parity.md of the repository (the run folder was not written from a checkout of it, so there are no links).</p>\n"
            : "<p>Each check's id links to its row in docs/parity.md: the identity, the tolerance's reason, where the check runs and which tests assert it.</p>\n");
        html.Append("<div class=\"scroll\"><table id=\"parity\">\n<thead><tr><th>check</th><th>kind</th><th>identity</th><th>max difference</th><th>tolerance</th><th>verdict</th><th>reason</th><th>measured on</th></tr></thead>\n<tbody>\n");
        foreach (JsonElement check in parity)
        {
            string id = Text(check, "id") ?? Text(check, "check") ?? "";
            bool passed = RunPage.IsPassed(check);
            html.Append("<tr data-check=\"").Append(HtmlText.Encode(id)).Append("\" data-passed=\"").Append(passed ? "true" : "false").Append('"').Append(passed ? "" : " class=\"fail\"").Append("><td>")
                .Append(HtmlText.Encode(Text(check, "check") ?? "")).Append("<br>");
            DocsLink(html, id, docsBase);
            if (check.TryGetProperty("between", out JsonElement between) && between.ValueKind == JsonValueKind.Array)
            {
                html.Append("<br><span class=\"small\">").Append(HtmlText.Encode(string.Join(" vs ", between.EnumerateArray().Select(b => b.ToString())))).Append("</span>");
            }
            html.Append("</td><td>").Append(HtmlText.Encode(Text(check, "kind") ?? "")).Append("</td><td>").Append(HtmlText.Encode(Text(check, "identity") ?? "")).Append("</td><td class=\"max-diff\">");
            NumberField(html, check, "maxAbsDiff");
            if (Text(check, "failure") is string failure)
            {
                html.Append("<br><span class=\"fail\">").Append(HtmlText.Encode(failure)).Append("</span>");
            }
            html.Append("</td><td class=\"tolerance\">");
            NumberField(html, check, "tolerance");
            html.Append("<br><code>").Append(HtmlText.Encode(Text(check, "toleranceName") ?? "")).Append("</code></td><td>").Append(PageShell.Verdict(passed))
                .Append("</td><td>").Append(HtmlText.Encode(Text(check, "reason") ?? "")).Append("</td><td>").Append(HtmlText.Encode(Text(check, "measuredOn") ?? ""));
            if (Text(check, "worst") is string worst)
            {
                html.Append("<br><span class=\"small\">largest: ").Append(HtmlText.Encode(worst)).Append("</span>");
            }
            foreach (JsonProperty other in check.EnumerateObject().Where(p => !ParityColumns.Contains(p.Name)))
            {
                html.Append("<br><span class=\"small\">").Append(HtmlText.Encode(other.Name)).Append(": ");
                JsonHtml.Value(html, other.Value);
                html.Append("</span>");
            }
            html.Append("</td></tr>\n");
        }
        html.Append("</tbody>\n</table></div>\n</section>\n");
    }

    /// <summary><c>#quality-gates</c>: <c>&lt;table id="quality"&gt;</c> with one <c>&lt;tr data-gate="i"&gt;</c> (1-based) per entry.</summary>
    public static void Quality(StringBuilder html, IReadOnlyList<JsonElement> quality)
    {
        html.Append("<section id=\"quality-gates\">\n<h2>Quality gates</h2>\n");
        if (quality.Count == 0)
        {
            html.Append("<p>This run has no quality gates.</p>\n</section>\n");
            return;
        }
        html.Append("<table id=\"quality\">\n<thead><tr><th>gate</th><th>value</th><th>must be</th><th>threshold</th><th>verdict</th></tr></thead>\n<tbody>\n");
        for (int i = 0; i < quality.Count; i++)
        {
            JsonElement gate = quality[i];
            bool passed = RunPage.IsPassed(gate);
            html.Append("<tr data-gate=\"").Append(i + 1).Append("\" data-passed=\"").Append(passed ? "true" : "false").Append('"').Append(passed ? "" : " class=\"fail\"").Append("><td>")
                .Append(HtmlText.Encode(Text(gate, "check") ?? "")).Append("</td><td class=\"value\">");
            NumberField(html, gate, "value");
            string comparison = Text(gate, "comparison") ?? "";
            html.Append("</td><td>").Append(HtmlText.Encode(comparison switch { ">=" => "≥", "<=" => "≤", _ => comparison })).Append("</td><td class=\"threshold\">");
            NumberField(html, gate, "threshold");
            html.Append("</td><td>").Append(PageShell.Verdict(passed)).Append("</td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n</section>\n");
    }

    /// <summary><c>#plots</c>: each PNG in a <c>&lt;section class="plot"&gt;</c> of its own, referenced by its relative path.</summary>
    public static void PlotImages(StringBuilder html, string solution, IReadOnlyList<string> plots)
    {
        html.Append("<section id=\"plots\">\n<h2>Plots</h2>\n");
        if (plots.Count == 0)
        {
            html.Append("<p>This run folder has no plots.</p>\n");
        }
        for (int i = 0; i < plots.Count; i++)
        {
            string name = plots[i];
            string subject = Path.GetFileNameWithoutExtension(name).Replace('-', ' ').Replace('_', ' ');
            html.Append("<section class=\"plot\" id=\"plot-").Append(i + 1).Append("\">\n<h3>").Append(HtmlText.Encode(name)).Append("</h3>\n<img src=\"")
                .Append(HtmlText.RelativeUrl(name)).Append("\" alt=\"").Append(HtmlText.Encode($"{solution}: {subject} ({name})")).Append("\">\n</section>\n");
        }
        html.Append("</section>\n");
    }

    /// <summary>A check id linking to its anchor in docs/parity.md (<see cref="ParityPage.Anchor"/>), or the id alone without a base.</summary>
    private static void DocsLink(StringBuilder html, string id, string? docsBase)
    {
        if (docsBase is null)
        {
            html.Append("<code>").Append(HtmlText.Encode(id)).Append("</code>");
            return;
        }
        html.Append("<a class=\"doc\" href=\"").Append(HtmlText.Encode(docsBase + "parity.md#" + Uri.EscapeDataString(ParityPage.Anchor(id))))
            .Append("\"><code>").Append(HtmlText.Encode(id)).Append("</code></a>");
    }

    private static void Candidates(StringBuilder html, IReadOnlyList<JsonElement> candidates)
    {
        IReadOnlyList<string> parameters = JsonHtml.Columns(candidates.Where(c => c.TryGetProperty("params", out JsonElement p) && p.ValueKind == JsonValueKind.Object).Select(c => c.GetProperty("params")));
        html.Append("<details><summary>Candidates tried in selection (").Append(candidates.Count).Append(")</summary>\n<table id=\"candidates\"><tr>");
        foreach (string parameter in parameters)
        {
            html.Append("<th>").Append(HtmlText.Encode(parameter)).Append("</th>");
        }
        html.Append("<th>score</th></tr>\n");
        foreach (JsonElement candidate in candidates)
        {
            html.Append("<tr>");
            foreach (string parameter in parameters)
            {
                html.Append("<td>");
                if (candidate.TryGetProperty("params", out JsonElement values) && values.ValueKind == JsonValueKind.Object && values.TryGetProperty(parameter, out JsonElement value))
                {
                    JsonHtml.Value(html, value);
                }
                html.Append("</td>");
            }
            html.Append("<td>");
            NumberField(html, candidate, "score");
            html.Append("</td></tr>\n");
        }
        html.Append("</table>\n</details>\n");
    }

    private static void Row(StringBuilder html, string name, JsonElement value)
    {
        html.Append("<tr><th>").Append(HtmlText.Encode(name)).Append("</th><td>");
        JsonHtml.Value(html, value);
        html.Append("</td></tr>");
    }

    private static void NumberField(StringBuilder html, JsonElement entry, string name)
    {
        if (entry.TryGetProperty(name, out JsonElement value))
        {
            if (value.ValueKind is JsonValueKind.Number or JsonValueKind.Null)
            {
                JsonHtml.Number(html, value);
            }
            else
            {
                JsonHtml.Value(html, value);
            }
        }
    }

    private static string? Text(JsonElement entry, string name) =>
        entry.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
