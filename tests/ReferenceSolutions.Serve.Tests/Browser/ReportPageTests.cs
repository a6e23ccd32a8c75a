extern alias cli;

using Microsoft.Playwright;

namespace ReferenceSolutions.Serve.Tests.Browser;

/// <summary>
/// The <c>report.html</c> of each solution of one <c>run all</c> (built-in data, seed 42) and the all-folder's
/// <c>index.html</c>, opened from disk in headless Chromium: no console error and no request outside the run folder,
/// every image loaded (naturalWidth &gt; 0) and one per PNG in the folder, the parity table's rows exactly the
/// <c>parity</c> entries of <c>metrics.json</c> (ids in order, maxAbsDiff and tolerance as written there).
/// </summary>
public sealed class ReportPageTests(ReportPageTests.RunAllFolder run) : IClassFixture<ReportPageTests.RunAllFolder>
{
    [BrowserFact]
    public async Task Each_report_renders_every_plot_and_the_parity_rows_of_metrics_json()
    {
        (IPlaywright playwright, IBrowser browser) = await HeadlessChromium.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            string[] solutions = [.. Directory.GetDirectories(run.Folder).Select(d => Path.GetFileName(d)).Order(StringComparer.Ordinal)];
            Assert.Superset(new HashSet<string>(["fraud", "neuralnet", "recommender"]), new HashSet<string>(solutions));
            foreach (string solution in solutions)
            {
                string folder = Path.Combine(run.Folder, solution);
                string root = new Uri(folder + Path.DirectorySeparatorChar).AbsoluteUri;
                await using PageVisit visit = await PageVisit.OpenAsync(browser, new Uri(Path.Combine(folder, "report.html")).AbsoluteUri, root);
                await visit.ScreenshotAsync($"report-{solution}");
                visit.AssertNoProblems();

                await ReportChecks.AssertMatchesFolderAsync(visit, folder);
            }

            string index = new Uri(Path.Combine(run.Folder, "index.html")).AbsoluteUri;
            await using PageVisit all = await PageVisit.OpenAsync(browser, index, new Uri(run.Folder + Path.DirectorySeparatorChar).AbsoluteUri);
            await all.ScreenshotAsync("index");
            all.AssertNoProblems();
            string[] links = await all.Page.Locator("a[href$='report.html']").EvaluateAllAsync<string[]>("links => links.map(link => link.href)");
            Assert.Equal(solutions.Select(s => new Uri(Path.Combine(run.Folder, s, "report.html")).AbsoluteUri), links.Order(StringComparer.Ordinal));
        }
    }

    /// <summary>One <c>run all</c> into a temporary folder, shared by the tests of this class.</summary>
    public sealed class RunAllFolder : IDisposable
    {
        public RunAllFolder()
        {
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            int exitCode = cli::ReferenceSolutions.Cli.RefsolApp.Run(["run", "all", "--out", Folder, "--force"], stdout, stderr);
            Assert.True(exitCode == 0, $"run all exited {exitCode}\n{stdout}\n{stderr}");
        }

        public string Folder { get; } = Path.Combine(Directory.CreateTempSubdirectory("refsol-browser-").FullName, "all");

        public void Dispose() => Directory.Delete(Path.GetDirectoryName(Folder)!, recursive: true);
    }
}
