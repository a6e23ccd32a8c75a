using System.Text;

namespace ReferenceSolutions.Core.Reporting.Html;

/// <summary>
/// The frame of every run page: doctype, UTF-8, the inline style sheet and a Content-Security-Policy that allows
/// nothing but the inline styles and images from the page's own origin (its own folder's PNGs), so the page cannot make
/// a network request even if a string from the data were to slip through unencoded. No scripts, fonts or external files.
/// </summary>
internal static class PageShell
{
    private const string Style = """
        body { font: 14px/1.45 system-ui, sans-serif; margin: 1.5em; color: #1b1b1b; } .scroll { overflow-x: auto; } #parity { width: 100%; }
        h1 { font-size: 1.6em; margin-bottom: .2em; } h2 { margin-top: 1.8em; border-bottom: 1px solid #ccc; }
        table { border-collapse: collapse; margin: .4em 0; } th, td { border: 1px solid #d4d4d4; padding: 2px 6px; vertical-align: top; text-align: left; }
        th { background: #f3f3f3; } table.kv > tbody > tr > th, table.kv > tr > th { font-weight: 600; }
        .num { font-variant-numeric: tabular-nums; white-space: nowrap; } .ci { color: #555; white-space: nowrap; }
        .pass { color: #116611; font-weight: 600; } .fail { color: #b00020; font-weight: 600; }
        tr.fail > td { background: #fff0f0; } .null { color: #888; } .small { font-size: .9em; color: #444; }
        .list { font-variant-numeric: tabular-nums; } details { margin: .3em 0; } summary { cursor: pointer; }
        img { max-width: 100%; height: auto; border: 1px solid #ddd; } nav a { margin-right: 1em; }
        code { font-size: .95em; } #parity td:nth-child(3), #parity td:nth-child(7) { min-width: 16em; } #parity td:nth-child(8) { min-width: 12em; }
        """;

    /// <summary>Appends the document head with <paramref name="title"/> (encoded) and opens the body.</summary>
    public static void Open(StringBuilder html, string title)
    {
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src 'self'; style-src 'unsafe-inline'\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(HtmlText.Encode(title)).Append("</title>\n<style>\n").Append(Style).Append("\n</style>\n</head>\n<body>\n");
    }

    /// <summary>Closes the body and the document.</summary>
    public static void Close(StringBuilder html) => html.Append("</body>\n</html>\n");

    /// <summary>"passed" or "failed" as a styled span.</summary>
    public static string Verdict(bool passed) => passed ? "<span class=\"pass\">passed</span>" : "<span class=\"fail\">failed</span>";
}
