using System.Text.Json;
using Microsoft.Playwright;

namespace ReferenceSolutions.Browser.Tests;

/// <summary>
/// The <c>report.html</c> of each solution of one <c>run all</c> (built-in data, seed 42) and the all-folder's
/// <c>index.html</c>, opened from disk in headless Chromium: no console error and no request outside the run folder,
/// every image loaded (naturalWidth &gt; 0) and one per PNG in the folder, the parity table's rows exactly the
/// <c>parity</c> entries of <c>metrics.json</c> (ids in order, maxAbsDiff and tolerance as written there).
/// </summary>
public sealed class ReportPageTests(ReportPageTests.RunAllFolder run) : IClassFixture<ReportPageTests.RunAllFolder>
{
    private static readonly string[] Solutions = ["recommender", "neuralnet", "fraud"];

    [BrowserFact]
    public async Task Each_report_renders_every_plot_and_the_parity_rows_of_metrics_json()
    {
        (IPlaywright playwright, IBrowser browser) = await HeadlessChromium.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            foreach (string solution in Solutions)
            {
                string folder = Path.Combine(run.Folder, solution);
                string root = new Uri(folder + Path.DirectorySeparatorChar).AbsoluteUri;
                await using PageVisit visit = await PageVisit.OpenAsync(browser, new Uri(Path.Combine(folder, "report.html")).AbsoluteUri, root);
                await visit.ScreenshotAsync($"report-{solution}");
                Assert.Empty(visit.Problems);

                int[] widths = await visit.ImageWidthsAsync();
                Assert.Equal(Directory.GetFiles(folder, "*.png").Length, widths.Length);
                Assert.All(widths, width => Assert.True(width > 0, $"{solution}: an image did not load"));

                using JsonDocument metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "metrics.json")));
                JsonElement[] parity = [.. metrics.RootElement.GetProperty("parity").EnumerateArray()];
                ILocator rows = visit.Page.Locator("#parity tr[data-check]");
                Assert.Equal(parity.Select(p => p.GetProperty("id").GetString()), await rows.EvaluateAllAsync<string[]>("rows => rows.map(row => row.dataset.check)"));
                string[][] values = await rows.EvaluateAllAsync<string[][]>("rows => rows.map(row => Array.from(row.querySelectorAll('[data-value]'), cell => cell.dataset.value))");
                for (int c = 0; c < parity.Length; c++)
                {
                    Assert.Contains(parity[c].GetProperty("maxAbsDiff").GetRawText(), values[c]);
                    Assert.Contains(parity[c].GetProperty("tolerance").GetRawText(), values[c]);
                }
            }

            string index = new Uri(Path.Combine(run.Folder, "index.html")).AbsoluteUri;
            await using PageVisit all = await PageVisit.OpenAsync(browser, index, new Uri(run.Folder + Path.DirectorySeparatorChar).AbsoluteUri);
            await all.ScreenshotAsync("index");
            Assert.Empty(all.Problems);
            string[] links = await all.Page.Locator("a[href$='report.html']").EvaluateAllAsync<string[]>("links => links.map(link => link.href)");
            Assert.Equal(Solutions.Select(s => new Uri(Path.Combine(run.Folder, s, "report.html")).AbsoluteUri), links);
        }
    }

    /// <summary>One <c>run all</c> into a temporary folder, shared by the tests of this class.</summary>
    public sealed class RunAllFolder : IDisposable
    {
        public RunAllFolder()
        {
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            int exitCode = Cli.RefsolApp.Run(["run", "all", "--out", Folder, "--force"], stdout, stderr);
            Assert.True(exitCode == 0, $"run all exited {exitCode}\n{stdout}\n{stderr}");
        }

        public string Folder { get; } = Path.Combine(Directory.CreateTempSubdirectory("refsol-browser-").FullName, "all");

        public void Dispose() => Directory.Delete(Path.GetDirectoryName(Folder)!, recursive: true);
    }
}
