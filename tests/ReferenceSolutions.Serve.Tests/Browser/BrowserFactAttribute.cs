namespace ReferenceSolutions.Serve.Tests.Browser;

/// <summary>A fact that is skipped, saying how to get one, when no Chromium is installed (and CI does not require it).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    /// <summary>Skips unless <see cref="HeadlessChromium"/> finds a browser or <c>REFSOL_REQUIRE_BROWSER=1</c>.</summary>
    public BrowserFactAttribute()
    {
        if (HeadlessChromium.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
