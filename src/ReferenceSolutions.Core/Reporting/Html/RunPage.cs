using System.Text;
using System.Text.Json;
using ReferenceSolutions.Core.Output;

namespace ReferenceSolutions.Core.Reporting.Html;

/// <summary>
/// <c>report.html</c>: one run folder's metrics.json and plots as a single self-contained page. Sections, in order:
/// the verdict; <c>#dataset</c> (seed, dataset, protocol and the candidates of selection); <c>#models</c>
/// (<c>&lt;table id="models-table"&gt;</c>: one row per scalar metric, one column per model, each value with its interval —
/// the metric's <c>&lt;name&gt;Ci…</c> pair — beneath it; then every series and table of a model, folded);
/// <c>#parity-checks</c> (<c>&lt;table id="parity"&gt;</c>, one <c>&lt;tr data-check="id"&gt;</c> per parity entry, each
/// check's id linking to its row of docs/parity.md); <c>#quality-gates</c> (<c>&lt;table id="quality"&gt;</c>, one
/// <c>&lt;tr data-gate="i"&gt;</c> per entry); <c>#plots</c> (every PNG of the folder in a section of its own); then any
/// other top-level field of metrics.json. Every number is metrics.json's own (<see cref="JsonHtml"/>); the page depends
/// only on metrics.json, the PNG names and the docs base, so the same run gives the same bytes. Described in
/// docs/core.md#the-run-report.
/// </summary>
public static class RunPage
{
    /// <summary>The page's file name in a run folder.</summary>
    public const string FileName = "report.html";

    private static readonly HashSet<string> Rendered = new(StringComparer.Ordinal) { "solution", "seed", "dataset", "protocol", "models", "parity", "quality" };

    /// <summary>
    /// Writes <c>report.html</c> into <paramref name="folder"/> from its <c>metrics.json</c> and every <c>*.png</c> under
    /// it (ordinal order of their relative paths). <paramref name="docsBase"/> is the URL of the repository's
    /// <c>docs/</c> folder ending in <c>/</c> (see <see cref="DocsBase"/>), or null for no links.
    /// </summary>
    public static void Write(string folder, string? docsBase)
    {
        ArgumentNullException.ThrowIfNull(folder);
        using JsonDocument metrics = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "metrics.json")));
        AtomicFile.WriteAllText(Path.Combine(folder, FileName), Render(metrics.RootElement, Plots(folder), docsBase));
    }

    /// <summary>The relative paths (with <c>/</c>) of every <c>*.png</c> under <paramref name="folder"/>, in ordinal order.</summary>
    public static IReadOnlyList<string> Plots(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*.png", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(folder, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)];

    /// <summary>The page for <paramref name="metrics"/> (the root of a metrics.json) with <paramref name="plots"/> (relative paths).</summary>
    public static string Render(JsonElement metrics, IReadOnlyList<string> plots, string? docsBase)
    {
        ArgumentNullException.ThrowIfNull(plots);
        string solution = metrics.GetProperty("solution").GetString() ?? "";
        JsonElement[] parity = Entries(metrics, "parity");
        JsonElement[] quality = Entries(metrics, "quality");
        var html = new StringBuilder(64 * 1024);
        PageShell.Open(html, $"refsol run {solution}: report");
        html.Append("<h1>refsol run ").Append(HtmlText.Encode(solution)).Append("</h1>\n");
        Verdict(html, parity, quality);
        html.Append("<nav><a href=\"#dataset\">Dataset and protocol</a><a href=\"#models\">Models</a><a href=\"#parity-checks\">Parity checks</a>")
            .Append("<a href=\"#quality-gates\">Quality gates</a><a href=\"#plots\">Plots</a></nav>\n");
        RunPageSections.Dataset(html, metrics);
        ModelsTable.Render(html, Entries(metrics, "models"));
        RunPageSections.Parity(html, parity, docsBase);
        RunPageSections.Quality(html, quality);
        RunPageSections.PlotImages(html, solution, plots);
        foreach (JsonProperty other in metrics.EnumerateObject().Where(p => !Rendered.Contains(p.Name)))
        {
            html.Append("<section id=\"field-").Append(HtmlText.Encode(other.Name)).Append("\">\n<h2>").Append(HtmlText.Encode(other.Name)).Append("</h2>\n");
            JsonHtml.Value(html, other.Value);
            html.Append("\n</section>\n");
        }
        PageShell.Close(html);
        return html.ToString();
    }

    /// <summary>True when every <c>passed</c> of <c>parity</c> and <c>quality</c> is true: the run's exit code 0.</summary>
    public static bool Passed(JsonElement metrics) => Entries(metrics, "parity").Concat(Entries(metrics, "quality")).All(IsPassed);

    internal static JsonElement[] Entries(JsonElement metrics, string name) =>
        metrics.TryGetProperty(name, out JsonElement list) && list.ValueKind == JsonValueKind.Array ? [.. list.EnumerateArray()] : [];

    internal static bool IsPassed(JsonElement entry) =>
        entry.TryGetProperty("passed", out JsonElement passed) && passed.ValueKind == JsonValueKind.True;

    private static void Verdict(StringBuilder html, JsonElement[] parity, JsonElement[] quality)
    {
        bool passed = parity.Concat(quality).All(IsPassed);
        html.Append("<p id=\"verdict\" data-passed=\"").Append(passed ? "true" : "false").Append("\">Verdict: ").Append(PageShell.Verdict(passed))
            .Append(" — parity checks passed: ").Append(parity.Count(IsPassed)).Append(" of ").Append(parity.Length)
            .Append("; quality gates met: ").Append(quality.Count(IsPassed)).Append(" of ").Append(quality.Length).Append(".</p>\n");
    }
}
