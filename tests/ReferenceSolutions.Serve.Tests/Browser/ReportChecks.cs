using System.Text.Json;
using Microsoft.Playwright;

namespace ReferenceSolutions.Serve.Tests.Browser;

/// <summary>What a rendered report.html must show of its run folder.</summary>
internal static class ReportChecks
{
    /// <summary>
    /// Every image loaded (naturalWidth &gt; 0) and one per PNG in <paramref name="folder"/>; the parity table's rows are
    /// the <c>parity</c> entries of its metrics.json, ids in order, each showing maxAbsDiff and tolerance as written there.
    /// </summary>
    public static async Task AssertMatchesFolderAsync(PageVisit visit, string folder)
    {
        int[] widths = await visit.ImageWidthsAsync();
        Assert.Equal(Directory.GetFiles(folder, "*.png").Length, widths.Length);
        Assert.All(widths, width => Assert.True(width > 0, $"{folder}: an image did not load"));

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
}
