using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ReferenceSolutions.Core.Reporting;
using ReferenceSolutions.Core.Reporting.Html;

namespace ReferenceSolutions.Core.Tests.Reporting.Html;

public sealed class RunIndexPageTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("refsol-runindex-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Index_links_each_report_with_the_verdict_of_its_metrics_json()
    {
        RunReport failing = SampleRun.Report();
        RunReport passing = failing with { Parity = [failing.Parity[0]], Quality = [failing.Quality![0]] };
        SampleRun.Folder(_root, "first", passing);
        SampleRun.Folder(_root, "second run", failing);
        RunIndexPage.Write(_root, ["first", "second run"]);
        string html = File.ReadAllText(Path.Combine(_root, RunIndexPage.FileName));
        IDocument page = new HtmlParser().ParseDocument(html);
        IElement[] rows = [.. page.QuerySelectorAll("table#runs tr[data-solution]")];
        Assert.Equal(["first", "second run"], rows.Select(r => r.GetAttribute("data-solution")));
        Assert.Equal(["first/report.html", "second%20run/report.html"], rows.Select(r => r.QuerySelector("a")!.GetAttribute("href")));
        Assert.Equal(["true", "false"], rows.Select(r => r.GetAttribute("data-passed")));
        Assert.Contains("1 of 2", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Equal("false", page.QuerySelector("#verdict")!.GetAttribute("data-passed"));
        RunIndexPage.Write(_root, ["first", "second run"]);
        Assert.Equal(html, File.ReadAllText(Path.Combine(_root, RunIndexPage.FileName)));
    }
}
