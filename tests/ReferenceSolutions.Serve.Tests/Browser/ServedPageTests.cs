using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace ReferenceSolutions.Serve.Tests.Browser;

/// <summary>
/// The served pages in headless Chromium, over real Kestrel on an ephemeral 127.0.0.1 port: <c>/</c> loads with no
/// console error and no request off the server; drawing a digit on the 8×8 grid and pressing Classify shows the class
/// that <c>POST /v1/digits/classify</c> returns for the same pixels; <c>/runs/</c> links every run's report.html, and
/// each served report shows its images and the parity rows of its metrics.json.
/// </summary>
[Collection(ServeRuns.Name)]
public sealed class ServedPageTests(ServeFixture serve)
{
    [BrowserFact]
    public async Task The_page_classifies_a_drawn_digit_and_the_runs_page_serves_every_report()
    {
        await using WebApplication app = ServeApp.Create(["--urls", "http://127.0.0.1:0"], new ServeOptions([serve.Fraud, serve.NeuralNet, serve.Recommender], serve.Runs));
        await app.StartAsync();
        string address = app.Urls.Single();
        (IPlaywright playwright, IBrowser browser) = await HeadlessChromium.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            await using (PageVisit home = await PageVisit.OpenAsync(browser, address + "/", address + "/"))
            {
                ILocator cells = home.Page.Locator("#digit-grid .cell");
                await cells.Nth(63).WaitForAsync();
                Assert.Equal(64, await cells.CountAsync());
                double[] pixels = new double[64];
                foreach (int p in new[] { 3, 4, 11, 12, 19, 20, 27, 28, 35, 36, 43, 44, 51, 52, 59, 60 })
                {
                    await cells.Nth(p).ClickAsync();
                    pixels[p] = 16;
                }
                await home.Page.ClickAsync("#digit-classify");
                ILocator result = home.Page.Locator("#digit-result");
                await Assertions.Expect(result).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9]$"));
                using var client = new HttpClient { BaseAddress = new Uri(address) };
                using HttpResponseMessage response = await client.PostAsJsonAsync("/v1/digits/classify", new[] { pixels });
                using JsonDocument answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                Assert.Equal(answer.RootElement.GetProperty("results")[0].GetProperty("class").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), await result.TextContentAsync());
                await home.ScreenshotAsync("serve-home");
                home.AssertNoProblems();
            }

            string[] reports;
            await using (PageVisit runs = await PageVisit.OpenAsync(browser, address + "/runs/", address + "/"))
            {
                reports = await runs.Page.Locator("a[href$='report.html']").EvaluateAllAsync<string[]>("links => links.map(link => link.href)");
                await runs.ScreenshotAsync("serve-runs");
                runs.AssertNoProblems();
            }
            Assert.Equal(3, reports.Length);
            foreach (string report in reports)
            {
                string folder = Path.Combine(serve.Runs, Uri.UnescapeDataString(new Uri(report).AbsolutePath["/runs/".Length..]).Replace("/report.html", "", StringComparison.Ordinal));
                await using PageVisit visit = await PageVisit.OpenAsync(browser, report, address + "/");
                await visit.ScreenshotAsync($"serve-report-{Path.GetFileName(folder)}");
                visit.AssertNoProblems();
                await ReportChecks.AssertMatchesFolderAsync(visit, folder);
            }
        }
        await app.StopAsync();
    }
}
