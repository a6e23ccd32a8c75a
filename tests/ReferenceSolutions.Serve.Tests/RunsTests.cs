using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace ReferenceSolutions.Serve.Tests;

/// <summary><c>/runs/</c>: the run folders listed with links to their pages, their files served read-only and nothing outside.</summary>
[Collection(ServeRuns.Name)]
public sealed class RunsTests(ServeFixture serve) : IDisposable
{
    private const string Secret = "secret-outside-the-runs-folder";
    private readonly string _site = Directory.CreateTempSubdirectory("refsol-serve-site-").FullName;

    private WebApplicationFactory<Program> Site()
    {
        string runs = Path.Combine(_site, "runs");
        Directory.CreateDirectory(Path.Combine(runs, "fraud-1"));
        File.WriteAllText(Path.Combine(runs, "fraud-1", "report.html"), "<html><body>fraud report</body></html>");
        File.WriteAllBytes(Path.Combine(runs, "fraud-1", "roc.png"), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Directory.CreateDirectory(Path.Combine(runs, "all 2", "fraud"));
        File.WriteAllText(Path.Combine(runs, "all 2", "index.html"), "<html><body>all</body></html>");
        File.WriteAllText(Path.Combine(runs, "all 2", "fraud", "report.html"), "<html><body>fraud of all</body></html>");
        File.WriteAllText(Path.Combine(runs, "fraud-1", ".hidden"), Secret);
        File.WriteAllText(Path.Combine(_site, "secret.txt"), Secret);
        return serve.Serve(new WebApplicationFactory<Program>(), ("Serve:Runs", runs));
    }

    [Fact]
    public async Task Listing_links_each_run_folder_to_its_page()
    {
        using WebApplicationFactory<Program> factory = Site();
        using HttpClient client = factory.CreateClient();
        var answer = await Http.Get(client, "/runs/");
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains("href=\"/runs/fraud-1/report.html\"", answer.Text, StringComparison.Ordinal);
        Assert.Contains("href=\"/runs/all%202/index.html\"", answer.Text, StringComparison.Ordinal);
        Assert.Contains("href=\"/runs/all%202/fraud/report.html\"", answer.Text, StringComparison.Ordinal);
        var report = await Http.Get(client, "/runs/all%202/fraud/report.html");
        Assert.Equal(HttpStatusCode.OK, report.Status);
        Assert.Equal("text/html", report.ContentType);
        Assert.Contains("fraud of all", report.Text, StringComparison.Ordinal);
        using HttpResponseMessage png = await client.GetAsync(new Uri("/runs/fraud-1/roc.png", UriKind.Relative));
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/runs/../secret.txt")]
    [InlineData("/runs/fraud-1/../../secret.txt")]
    [InlineData("/runs/%2e%2e/secret.txt")]
    [InlineData("/runs/..%2fsecret.txt")]
    [InlineData("/runs/..%5csecret.txt")]
    [InlineData("/runs/fraud-1/.hidden")]
    [InlineData("/runs//etc/passwd")]
    public async Task No_path_leaves_the_runs_folder_or_shows_a_hidden_file(string path)
    {
        using WebApplicationFactory<Program> factory = Site();
        HttpContext context = await factory.Server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = PathString.FromUriComponent(path);
        });
        Assert.Equal(StatusCodes.Status404NotFound, context.Response.StatusCode);
        using var reader = new StreamReader(context.Response.Body);
        Assert.DoesNotContain(Secret, await reader.ReadToEndAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_files_are_read_only()
    {
        using WebApplicationFactory<Program> factory = Site();
        using HttpClient client = factory.CreateClient();
        var put = await Http.Send(client, HttpMethod.Put, "/runs/fraud-1/report.html", "<html>changed</html>", "text/html");
        Assert.Equal(HttpStatusCode.NotFound, put.Status);
        Assert.Contains("fraud report", File.ReadAllText(Path.Combine(_site, "runs", "fraud-1", "report.html")), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_site, recursive: true);
}
