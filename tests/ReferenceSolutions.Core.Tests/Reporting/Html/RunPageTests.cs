using System.Globalization;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using FsCheck;
using FsCheck.Xunit;
using ReferenceSolutions.Core.Output;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.Core.Reporting.Html;

namespace ReferenceSolutions.Core.Tests.Reporting.Html;

/// <summary>
/// report.html read back with an HTML5 parser (AngleSharp, as a browser would build the DOM) and compared with the
/// metrics.json it was rendered from: the parity rows, every number, every plot, hostile strings, byte-determinism.
/// </summary>
public sealed class RunPageTests : IDisposable
{
    private const string Docs = "../../docs/";
    private readonly string _root = Directory.CreateTempSubdirectory("refsol-runpage-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Parity_rows_are_the_parity_entries_of_metrics_json_parsed_back()
    {
        (JsonElement metrics, IDocument page) = Written(SampleRun.Report());
        JsonElement[] entries = [.. metrics.GetProperty("parity").EnumerateArray()];
        IElement[] rows = [.. page.QuerySelectorAll("table#parity tr[data-check]")];
        Assert.Equal(entries.Length, rows.Length);
        Assert.Equal(entries.Length, page.QuerySelectorAll("table#parity > tbody > tr").Length);
        string registryPage = ParityPage.Render([("Demo", "src/Demo/DemoChecks.cs", [.. entries.Select(Definition)])]);
        for (int i = 0; i < rows.Length; i++)
        {
            JsonElement entry = entries[i];
            IElement row = rows[i];
            string id = entry.GetProperty("id").GetString()!;
            Assert.Equal(id, row.GetAttribute("data-check"));
            AssertNumber(entry.GetProperty("maxAbsDiff"), row.QuerySelector("td.max-diff .num")!);
            AssertNumber(entry.GetProperty("tolerance"), row.QuerySelector("td.tolerance .num")!);
            Assert.Equal(entry.GetProperty("passed").GetBoolean() ? "true" : "false", row.GetAttribute("data-passed"));
            foreach (string field in (string[])["check", "identity", "reason", "kind", "toleranceName", "measuredOn"])
            {
                Assert.Contains(entry.GetProperty(field).GetString()!, row.TextContent, StringComparison.Ordinal);
            }
            string href = row.QuerySelector("a.doc")!.GetAttribute("href")!;
            Assert.Equal($"{Docs}parity.md#{id}", href);
            Assert.Contains($"<a id=\"{href[(href.IndexOf('#', StringComparison.Ordinal) + 1)..]}\"></a>`{id}`", registryPage, StringComparison.Ordinal);
        }
        Assert.Contains(rows, r => r.GetAttribute("data-passed") == "false" && r.QuerySelector("td.max-diff .num")!.GetAttribute("data-value") == "null");
    }

    [Fact]
    public void Every_number_of_metrics_json_is_on_the_page_as_written_and_no_other()
    {
        (JsonElement metrics, IDocument page) = Written(SampleRun.Report());
        var expected = new List<string>();
        Numbers(metrics, expected);
        string[] shown = [.. page.QuerySelectorAll("[data-value]").Select(e => e.GetAttribute("data-value")!).Where(v => v != "null")];
        Assert.Equal(expected.Order(StringComparer.Ordinal), shown.Order(StringComparer.Ordinal));
        Assert.Contains("1E-300", shown);
    }

    [Property(MaxTest = 200)]
    public void A_metric_parses_back_from_the_page_bit_for_bit(NormalFloat value)
    {
        var report = new RunReport("demo", 1, new DatasetInfo("d", "s", 1), [new ModelResult("m", ModelKinds.FromScratch, new Dictionary<string, object> { ["x"] = value.Get })], []);
        using JsonDocument metrics = JsonDocument.Parse(JsonOutput.Serialize(report));
        IDocument page = Parse(RunPage.Render(metrics.RootElement, [], null));
        IElement cell = page.QuerySelector("table#models-table tr[data-metric='x'] td[data-model='m'] .num")!;
        Assert.Equal(BitConverter.DoubleToInt64Bits(value.Get), BitConverter.DoubleToInt64Bits(double.Parse(cell.GetAttribute("data-value")!, CultureInfo.InvariantCulture)));
        Assert.Equal(JsonHtml.Display(cell.GetAttribute("data-value")!), cell.TextContent);
    }

    [Fact]
    public void Intervals_sit_under_their_metric_and_an_interval_without_one_gets_its_own_row()
    {
        (_, IDocument page) = Written(SampleRun.Report());
        IElement auc = page.QuerySelector("table#models-table tr[data-metric='auc'] td[data-model='m-from-scratch']")!;
        Assert.Equal("0.9461390693055981", auc.QuerySelector(".num")!.GetAttribute("data-value"));
        IElement interval = auc.QuerySelector(".ci[data-interval='aucCi95']")!;
        Assert.Equal(["0.9185701728182829", "0.9697"], interval.QuerySelectorAll(".num").Select(n => n.GetAttribute("data-value")));
        Assert.Null(page.QuerySelector("table#models-table tr[data-metric='aucCi95']"));
        Assert.NotNull(page.QuerySelector("table#models-table tr[data-metric='aucDeLongCi95'] .ci[data-interval='aucDeLongCi95']"));
        Assert.Equal("null", page.QuerySelector("table#models-table tr[data-metric='rmse'] td[data-model='m-from-scratch']")!.TextContent);
        Assert.Equal("every test rating is 5", page.QuerySelector("table#models-table tr[data-metric='rmseNotComputed'] td[data-model='m-from-scratch']")!.TextContent);
        Assert.Equal("", page.QuerySelector("table#models-table tr[data-metric='steps'] td[data-model='m-torch']")!.TextContent);
        Assert.Equal(3, page.QuerySelectorAll("details[data-model='m-from-scratch']").Length);
    }

    [Fact]
    public void Quality_gates_and_the_verdict_are_those_of_metrics_json()
    {
        (JsonElement metrics, IDocument page) = Written(SampleRun.Report());
        JsonElement[] gates = [.. metrics.GetProperty("quality").EnumerateArray()];
        IElement[] rows = [.. page.QuerySelectorAll("table#quality tr[data-gate]")];
        Assert.Equal(gates.Length, rows.Length);
        for (int i = 0; i < rows.Length; i++)
        {
            AssertNumber(gates[i].GetProperty("value"), rows[i].QuerySelector("td.value .num")!);
            AssertNumber(gates[i].GetProperty("threshold"), rows[i].QuerySelector("td.threshold .num")!);
            Assert.Equal(gates[i].GetProperty("passed").GetBoolean() ? "true" : "false", rows[i].GetAttribute("data-passed"));
        }
        Assert.Equal("false", page.QuerySelector("#verdict")!.GetAttribute("data-passed"));
        Assert.False(RunPage.Passed(metrics));
    }

    [Fact]
    public void Every_png_in_the_folder_is_an_image_with_alt_text_in_a_section_of_its_own()
    {
        (_, IDocument page) = Written(SampleRun.Report());
        IElement[] images = [.. page.QuerySelectorAll("img")];
        Assert.Equal(SampleRun.Plots.Order(StringComparer.Ordinal), images.Select(i => Uri.UnescapeDataString(i.GetAttribute("src")!)));
        Assert.All(images, i => Assert.False(string.IsNullOrWhiteSpace(i.GetAttribute("alt"))));
        Assert.All(images, i => Assert.Equal(1, i.ParentElement!.QuerySelectorAll("img").Length));
        Assert.All(images, i => Assert.True(i.ParentElement!.LocalName == "section" && i.ParentElement.ClassList.Contains("plot")));
        Assert.Equal("a%20plot%231.png", images[0].GetAttribute("src"));
    }

    [Fact]
    public void Strings_from_the_data_come_out_as_text_never_as_markup()
    {
        const string script = "<script>alert('x')</script>";
        RunReport report = SampleRun.Report(
            solution: "demo" + script,
            datasetName: "</td></table>" + script,
            datasetSource: "C:\\data\\" + script + ".csv",
            modelName: "\"><img src=x onerror=alert(1)>",
            metricName: "<b onmouseover=alert(1)>acc</b>",
            checkId: "demo.\"><script>alert(2)</script>",
            checkTitle: "title & <i>more</i>");
        string[] plots = OperatingSystem.IsWindows() ? SampleRun.Plots : [.. SampleRun.Plots, "<script>alert(3)<\\script>.png", "\"onerror=alert(4).png"];
        (_, IDocument page) = Written(report, plots);
        Assert.Empty(page.QuerySelectorAll("script"));
        Assert.DoesNotContain(page.All.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(plots.Length, page.QuerySelectorAll("img").Length);
        Assert.Contains("C:\\data\\" + script + ".csv", page.QuerySelector("#dataset-table")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("</td></table>" + script, page.QuerySelector("#dataset-table")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("demo.\"><script>alert(2)</script>", page.QuerySelector("table#parity tr[data-check]")!.GetAttribute("data-check"));
        Assert.Contains("title & <i>more</i>", page.QuerySelector("table#parity")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("\"><img src=x onerror=alert(1)>", page.QuerySelector("table#models-table thead th[data-model]")!.GetAttribute("data-model"));
        Assert.NotNull(page.QuerySelector("table#models-table tr[data-metric='<b onmouseover=alert(1)>acc</b>']"));
        Assert.Equal("refsol run demo" + script + ": report", page.Title);
    }

    [Fact]
    public void The_same_run_gives_the_same_bytes_wherever_its_folder_is()
    {
        RunReport report = SampleRun.Report();
        string first = SampleRun.Folder(_root, "first", report);
        string second = SampleRun.Folder(Path.Combine(_root, "deeper", "still"), "second", report);
        RunPage.Write(first, Docs);
        RunPage.Write(second, Docs);
        byte[] bytes = File.ReadAllBytes(Path.Combine(first, RunPage.FileName));
        Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(second, RunPage.FileName)));
        string text = File.ReadAllText(Path.Combine(first, RunPage.FileName));
        Assert.DoesNotContain(_root, text, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", text, StringComparison.Ordinal);
        Assert.False(bytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }));
    }

    [Fact]
    public void The_page_asks_for_nothing_but_its_own_images()
    {
        (_, IDocument page) = Written(SampleRun.Report());
        Assert.Empty(page.QuerySelectorAll("script, link, iframe, object, embed, video, audio, source, base, form"));
        Assert.All(page.QuerySelectorAll("img"), i => Assert.DoesNotContain(":", i.GetAttribute("src")!, StringComparison.Ordinal));
        Assert.Equal("default-src 'none'; img-src 'self'; style-src 'unsafe-inline'", page.QuerySelector("meta[http-equiv='Content-Security-Policy']")!.GetAttribute("content"));
        Assert.DoesNotContain("url(", page.QuerySelector("style")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("@import", page.QuerySelector("style")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_docs_base_the_ids_are_shown_without_links()
    {
        string folder = SampleRun.Folder(_root, "nolinks", SampleRun.Report());
        RunPage.Write(folder, null);
        IDocument page = Parse(File.ReadAllText(Path.Combine(folder, RunPage.FileName)));
        Assert.Empty(page.QuerySelectorAll("a.doc"));
        Assert.Equal("demo.gradients", page.QuerySelector("table#parity tr[data-check] code")!.TextContent);
    }

    private (JsonElement Metrics, IDocument Page) Written(RunReport report, IReadOnlyList<string>? plots = null)
    {
        string folder = SampleRun.Folder(_root, Guid.NewGuid().ToString("N"), report, plots);
        RunPage.Write(folder, Docs);
        using JsonDocument metrics = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "metrics.json")));
        return (metrics.RootElement.Clone(), Parse(File.ReadAllText(Path.Combine(folder, RunPage.FileName))));
    }

    private static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    private static void AssertNumber(JsonElement expected, IElement shown)
    {
        string value = shown.GetAttribute("data-value")!;
        if (expected.ValueKind == JsonValueKind.Null)
        {
            Assert.Equal("null", value);
            return;
        }
        Assert.Equal(expected.GetDouble(), double.Parse(value, CultureInfo.InvariantCulture));
        Assert.Equal(expected.GetRawText(), value);
    }

    private static void Numbers(JsonElement value, List<string> into)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Number:
                into.Add(value.GetRawText());
                break;
            case JsonValueKind.Object:
                foreach (JsonProperty property in value.EnumerateObject())
                {
                    Numbers(property.Value, into);
                }
                break;
            case JsonValueKind.Array:
                foreach (JsonElement item in value.EnumerateArray())
                {
                    Numbers(item, into);
                }
                break;
            default:
                break;
        }
    }

    private static CheckDefinition Definition(JsonElement entry) =>
        new(entry.GetProperty("id").GetString()!, "demo", entry.GetProperty("kind").GetString()!, entry.GetProperty("check").GetString()!, "", Tolerance.Float64Twin, [], []);
}
