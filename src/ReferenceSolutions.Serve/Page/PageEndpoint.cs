using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ReferenceSolutions.Serve.Page;

/// <summary>
/// <c>GET /</c>: one self-contained page (<c>Page/index.html</c>, embedded in the assembly; inline style and script, no
/// external resource) to try each endpoint: a transaction form built from <c>/health</c>'s feature list, a user picker,
/// and an 8×8 grid (<c>#digit-grid</c>, 64 cells) drawn by clicking, classified by <c>#digit-classify</c> into
/// <c>#digit-result</c>. <c>GET /favicon.ico</c> answers 204 No Content: browsers ask for it on every page (the run
/// reports under <c>/runs/</c> name no icon, to keep their security policy at images from their own folder), and a 404
/// would be a console error on each.
/// </summary>
internal static class PageEndpoint
{
    private static readonly string Html = Read();

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", (HttpContext context) =>
        {
            context.Response.Headers.ContentSecurityPolicy = "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src 'self' data:";
            return Results.Content(Html, "text/html; charset=utf-8");
        }).ExcludeFromDescription();
        routes.MapGet("/favicon.ico", () => Results.NoContent()).ExcludeFromDescription();
    }

    private static string Read()
    {
        using Stream stream = typeof(PageEndpoint).Assembly.GetManifestResourceStream("ReferenceSolutions.Serve.index.html")
            ?? throw new InvalidOperationException("the page is not embedded in the assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
