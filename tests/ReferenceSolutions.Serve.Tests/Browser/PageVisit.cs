using Microsoft.Playwright;

namespace ReferenceSolutions.Serve.Tests.Browser;

/// <summary>
/// One page opened in the headless browser with everything that can go wrong recorded: console errors, uncaught
/// exceptions, failed requests, and requests that leave the allowed origin (a report must load nothing from the
/// network). The screenshot of the full page is kept under <see cref="Artifacts.Folder"/>.
/// </summary>
internal sealed class PageVisit : IAsyncDisposable
{
    private readonly List<string> _problems = [];

    private PageVisit(IPage page) => Page = page;

    /// <summary>The open page.</summary>
    public IPage Page { get; }

    /// <summary>Opens <paramref name="url"/>; any request whose URL does not start with one of <paramref name="allowed"/> (or <c>data:</c>) is a problem.</summary>
    public static async Task<PageVisit> OpenAsync(IBrowser browser, string url, params string[] allowed)
    {
        IPage page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var visit = new PageVisit(page);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                visit._problems.Add($"console error: {message.Text}");
            }
        };
        page.PageError += (_, error) => visit._problems.Add($"page error: {error}");
        page.RequestFailed += (_, request) => visit._problems.Add($"request failed: {request.Url} ({request.Failure})");
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith("data:", StringComparison.Ordinal) && !allowed.Any(prefix => request.Url.StartsWith(prefix, StringComparison.Ordinal)))
            {
                visit._problems.Add($"request outside {string.Join(" or ", allowed)}: {request.Url}");
            }
        };
        IResponse? response = await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        if (response is not null && !response.Ok)
        {
            visit._problems.Add($"{url}: HTTP {response.Status}");
        }
        return visit;
    }

    /// <summary>Fails listing every problem recorded so far.</summary>
    public void AssertNoProblems() => Assert.True(_problems.Count == 0, $"{Page.Url}:\n{string.Join('\n', _problems)}");

    /// <summary>naturalWidth of every image on the page (0 for one that did not load).</summary>
    public Task<int[]> ImageWidthsAsync() =>
        Page.EvaluateAsync<int[]>("() => Array.from(document.images, image => image.complete ? image.naturalWidth : 0)");

    /// <summary>Saves a full-page screenshot as <paramref name="name"/>.png in the artifacts folder.</summary>
    public Task ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts.Folder, $"{name}.png"), FullPage = true });

    /// <inheritdoc/>
    public async ValueTask DisposeAsync() => await Page.CloseAsync();
}
