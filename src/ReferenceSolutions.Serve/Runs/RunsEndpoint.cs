using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.FileProviders.Physical;

namespace ReferenceSolutions.Serve.Runs;

/// <summary>
/// <c>GET /runs/</c>: an HTML list of the run folders under <c>--runs</c> (a folder holding <c>report.html</c>,
/// <c>index.html</c> of <c>run all</c>, or <c>metrics.json</c>), each linking to its page; and the files under
/// <c>--runs</c> served read-only (GET and HEAD) by ASP.NET Core's static-file middleware over a
/// <see cref="PhysicalFileProvider"/> rooted there, which resolves no path outside its root (<c>..</c>, absolute paths)
/// and hides dot-files. Only known file types are served.
/// </summary>
internal static class RunsEndpoint
{
    public const string Prefix = "/runs";

    private static readonly string[] Pages = ["report.html", "index.html", "metrics.json"];

    /// <summary>Adds the static files (when the folder exists at start) and the listing.</summary>
    public static void Map(WebApplication app, ServeOptions options)
    {
        string root = Path.GetFullPath(options.Runs);
        if (Directory.Exists(root))
        {
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new PhysicalFileProvider(root, ExclusionFilters.Sensitive),
                RequestPath = Prefix,
                ContentTypeProvider = new FileExtensionContentTypeProvider(),
                ServeUnknownFileTypes = false,
            });
        }
        app.MapGet(Prefix + "/", () => Results.Content(Listing(root), "text/html; charset=utf-8"))
            .WithName("Runs")
            .WithSummary("An HTML list of the run folders under --runs, each linking to its report.html.")
            .Produces<string>(StatusCodes.Status200OK, "text/html");
    }

    /// <summary>The page: one link per run folder (depth first, names in ordinal order) to its first page among <see cref="Pages"/>.</summary>
    private static string Listing(string root)
    {
        var html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>refsol runs</title>"
            + "<link rel=\"icon\" href=\"data:,\"><style>body{font-family:system-ui,sans-serif;margin:2em}li{margin:.3em 0}</style></head><body>\n"
            + "<h1>Runs</h1>\n<p><a href=\"/\">API page</a></p>\n");
        if (!Directory.Exists(root))
        {
            html.Append("<p>No runs folder (").Append(WebUtility.HtmlEncode(root)).Append("): start refsol serve with --runs DIR.</p>\n");
        }
        else
        {
            string[] runs = [.. Directory.EnumerateDirectories(root, "*", new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = 2 })
                .Where(d => Pages.Any(p => File.Exists(Path.Combine(d, p))))
                .Select(d => Path.GetRelativePath(root, d))
                .Order(StringComparer.Ordinal)];
            html.Append("<ul>\n");
            foreach (string run in runs)
            {
                string page = Pages.First(p => File.Exists(Path.Combine(root, run, p)));
                string href = Prefix + "/" + string.Join('/', run.Split(Path.DirectorySeparatorChar).Select(Uri.EscapeDataString)) + "/" + page;
                html.Append("<li><a href=\"").Append(WebUtility.HtmlEncode(href)).Append("\">").Append(WebUtility.HtmlEncode(run.Replace(Path.DirectorySeparatorChar, '/')))
                    .Append("</a> (").Append(page).Append(")</li>\n");
            }
            html.Append("</ul>\n");
            if (runs.Length == 0)
            {
                html.Append("<p>No run folders yet: refsol run &lt;solution&gt; writes them here.</p>\n");
            }
        }
        return html.Append("</body></html>\n").ToString();
    }
}
