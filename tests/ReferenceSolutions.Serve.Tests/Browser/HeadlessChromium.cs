using Microsoft.Playwright;

namespace ReferenceSolutions.Serve.Tests.Browser;

/// <summary>
/// Debian's <c>chromium</c> (or the executable named by <c>REFSOL_CHROMIUM</c>) driven headless by Playwright; Playwright
/// cannot download its own browsers here. <c>.ci/run</c> installs the package and sets <c>REFSOL_REQUIRE_BROWSER=1</c>,
/// so a missing browser fails CI instead of skipping.
/// </summary>
internal static class HeadlessChromium
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    /// <summary>The browser executable, or null when none is installed.</summary>
    public static string? Executable =>
        Environment.GetEnvironmentVariable("REFSOL_CHROMIUM") is { Length: > 0 } named ? named : Candidates.FirstOrDefault(File.Exists);

    /// <summary>Why a browser test cannot run here, or null when it can.</summary>
    public static string? SkipReason =>
        Executable is not null || Environment.GetEnvironmentVariable("REFSOL_REQUIRE_BROWSER") == "1"
            ? null
            : "no Chromium: install Debian's chromium package or set REFSOL_CHROMIUM (.ci/run installs it)";

    /// <summary>Starts Playwright and launches the browser headless.</summary>
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        string executable = Executable ?? throw new InvalidOperationException(SkipReason ?? "no Chromium executable found");
        IPlaywright playwright = await Playwright.CreateAsync();
        IBrowser browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = executable, Headless = true });
        return (playwright, browser);
    }
}
