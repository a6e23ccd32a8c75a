using System.Text;
using System.Text.Json;
using ReferenceSolutions.Core.Output;

namespace ReferenceSolutions.Core.Reporting.Html;

/// <summary>
/// <c>index.html</c> of a <c>run all</c> folder: the overall verdict and <c>&lt;table id="runs"&gt;</c> with one
/// <c>&lt;tr data-solution="name" data-passed&gt;</c> per solution folder, linking <c>name/report.html</c>, with the
/// solution's verdict, its dataset and how many of its parity checks and quality gates passed — all read from the
/// folder's metrics.json, so the index says what the reports say.
/// </summary>
public static class RunIndexPage
{
    /// <summary>The page's file name in a <c>run all</c> folder.</summary>
    public const string FileName = "index.html";

    /// <summary>Writes <c>index.html</c> into <paramref name="folder"/> for its sub-folders <paramref name="solutions"/>, in that order.</summary>
    public static void Write(string folder, IReadOnlyList<string> solutions)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(solutions);
        var runs = new List<(string Folder, JsonElement Metrics)>();
        foreach (string solution in solutions)
        {
            using JsonDocument metrics = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, solution, "metrics.json")));
            runs.Add((solution, metrics.RootElement.Clone()));
        }
        AtomicFile.WriteAllText(Path.Combine(folder, FileName), Render(runs));
    }

    /// <summary>The page for <paramref name="runs"/>: each solution's folder name and the root of its metrics.json.</summary>
    public static string Render(IReadOnlyList<(string Folder, JsonElement Metrics)> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        bool all = runs.All(r => RunPage.Passed(r.Metrics));
        var html = new StringBuilder();
        PageShell.Open(html, "refsol run all: reports");
        html.Append("<h1>refsol run all</h1>\n<p id=\"verdict\" data-passed=\"").Append(all ? "true" : "false").Append("\">Verdict: ").Append(PageShell.Verdict(all))
            .Append(" — solutions passed: ").Append(runs.Count(r => RunPage.Passed(r.Metrics))).Append(" of ").Append(runs.Count).Append(".</p>\n");
        html.Append("<table id=\"runs\">\n<thead><tr><th>solution</th><th>verdict</th><th>dataset</th><th>parity checks passed</th><th>quality gates met</th></tr></thead>\n<tbody>\n");
        foreach ((string folder, JsonElement metrics) in runs)
        {
            JsonElement[] parity = RunPage.Entries(metrics, "parity");
            JsonElement[] quality = RunPage.Entries(metrics, "quality");
            bool passed = RunPage.Passed(metrics);
            string dataset = metrics.TryGetProperty("dataset", out JsonElement d) && d.TryGetProperty("name", out JsonElement name) ? name.GetString() ?? "" : "";
            html.Append("<tr data-solution=\"").Append(HtmlText.Encode(folder)).Append("\" data-passed=\"").Append(passed ? "true" : "false").Append("\"><td><a href=\"")
                .Append(HtmlText.RelativeUrl(folder + "/" + RunPage.FileName)).Append("\">").Append(HtmlText.Encode(folder)).Append("</a></td><td>").Append(PageShell.Verdict(passed))
                .Append("</td><td>").Append(HtmlText.Encode(dataset)).Append("</td><td>").Append(parity.Count(RunPage.IsPassed)).Append(" of ").Append(parity.Length)
                .Append("</td><td>").Append(quality.Count(RunPage.IsPassed)).Append(" of ").Append(quality.Length).Append("</td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
        PageShell.Close(html);
        return html.ToString();
    }
}
