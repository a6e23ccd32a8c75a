using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ReferenceSolutions.Serve.Tests;

/// <summary>Every class of bad request is an RFC 7807 problem with its status and field, and the server keeps serving.</summary>
[Collection(ServeRuns.Name)]
public sealed class ErrorTests(ServeFixture serve)
{
    private string FraudItem(Func<string, string?>? change = null, string? extra = null)
    {
        string[] lines = [.. File.ReadLines(serve.FraudData).Take(2)];
        string[] header = lines[0].Split(','), row = lines[1].Split(',');
        var fields = new List<string>();
        for (int j = 0; j < header.Length; j++)
        {
            string? value = change is null ? row[j] : change(header[j]) ?? row[j];
            if (value != "omit")
            {
                fields.Add($"\"{header[j]}\": {value}");
            }
        }
        if (extra is not null)
        {
            fields.Add(extra);
        }
        return "{" + string.Join(", ", fields) + "}";
    }

    private static string Pixels(int count, string value = "3") => "[" + string.Join(',', Enumerable.Repeat(value, count)) + "]";

    public static TheoryData<string, string, string, int, string> BadRequests() => new()
    {
        { "bad JSON", "/v1/fraud/score", "[{\"V1\": 1,", 400, "body" },
        { "NaN is not JSON", "/v1/fraud/score", "[{\"V1\": NaN}]", 400, "body" },
        { "empty body", "/v1/fraud/score", "", 400, "body" },
        { "not an array", "/v1/fraud/score", "{\"V1\": 1}", 400, "items" },
        { "empty array", "/v1/fraud/score", "[]", 400, "items" },
        { "item not an object", "/v1/fraud/score", "[[1, 2]]", 400, "items[0]" },
        { "pixel count", "/v1/digits/classify", $"[{Pixels(64)}, {Pixels(63)}]", 400, "items[1]" },
        { "pixel above 16", "/v1/digits/classify", $"[{Pixels(64, "17")}]", 400, "items[0][0]" },
        { "pixel below 0", "/v1/digits/classify", $"[{Pixels(64, "-0.5")}]", 400, "items[0][0]" },
        { "pixel overflows", "/v1/digits/classify", $"[{Pixels(64, "1e999")}]", 400, "items[0][0]" },
        { "pixel a string", "/v1/digits/classify", $"[{Pixels(64, "\"3\"")}]", 400, "items[0][0]" },
        { "image not an array", "/v1/digits/classify", "[{\"x0\": 1}]", 400, "items[0]" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_body_is_a_problem_naming_the_field(string what, string url, string body, int status, string field)
    {
        using HttpClient client = serve.Factory.CreateClient();
        Http.AssertProblem(await Http.Post(client, url, body), (HttpStatusCode)status, field);
        Assert.False(string.IsNullOrEmpty(what));
    }

    [Fact]
    public async Task Missing_extra_duplicate_and_non_finite_features_name_the_item_and_feature()
    {
        using HttpClient client = serve.Factory.CreateClient();
        string good = FraudItem();
        Http.AssertProblem(await Http.Post(client, "/v1/fraud/score", $"[{good}, {good}, {good}, {FraudItem(f => f == "V14" ? "omit" : null)}]"), HttpStatusCode.BadRequest, "items[3].V14");
        Http.AssertProblem(await Http.Post(client, "/v1/fraud/score", $"[{good}, {FraudItem(extra: "\"V99\": 1")}]"), HttpStatusCode.BadRequest, "items[1].V99");
        Http.AssertProblem(await Http.Post(client, "/v1/fraud/score", $"[{FraudItem(extra: "\"V2\": 1")}]"), HttpStatusCode.BadRequest, "items[0].V2");
        Http.AssertProblem(await Http.Post(client, "/v1/fraud/score", $"[{FraudItem(f => f == "Amount" ? "1e400" : null)}]"), HttpStatusCode.BadRequest, "items[0].Amount");
        Http.AssertProblem(await Http.Post(client, "/v1/fraud/score", $"[{FraudItem(f => f == "V3" ? "\"1.5\"" : null)}]"), HttpStatusCode.BadRequest, "items[0].V3");
        Http.AssertProblem(await Http.Post(client, "/v1/fraud/score", $"[{FraudItem(f => f == "V3" ? "1e300" : null)}]"), HttpStatusCode.BadRequest, "items[0]");
        Http.AssertProblem(await Http.Post(client, "/v1/fraud/score?explain=-1", $"[{good}]"), HttpStatusCode.BadRequest, "explain");
        Http.AssertProblem(await Http.Post(client, "/v1/fraud/score?explain=x", $"[{good}]"), HttpStatusCode.BadRequest, "explain");
        var fine = await Http.Post(client, "/v1/fraud/score", $"[{FraudItem(f => f == "Class" ? "omit" : null)}]");
        Assert.True(fine.Status == HttpStatusCode.OK, fine.Text);
    }

    [Fact]
    public async Task Bad_query_and_route_values_are_problems()
    {
        using HttpClient client = serve.Factory.CreateClient();
        Http.AssertProblem(await Http.Get(client, "/v1/recommendations/abc"), HttpStatusCode.BadRequest, "userId");
        Http.AssertProblem(await Http.Get(client, "/v1/recommendations/1?top=0"), HttpStatusCode.BadRequest, "top");
        Http.AssertProblem(await Http.Get(client, "/v1/recommendations/1?top=1001"), HttpStatusCode.BadRequest, "top");
        Http.AssertProblem(await Http.Get(client, "/v1/recommendations/1?top=ten"), HttpStatusCode.BadRequest, "top");
    }

    [Fact]
    public async Task Unknown_route_wrong_method_and_wrong_media_type_are_problems()
    {
        using HttpClient client = serve.Factory.CreateClient();
        Http.AssertProblem(await Http.Get(client, "/v2/nothing"), HttpStatusCode.NotFound, "route");
        Http.AssertProblem(await Http.Get(client, "/v1/fraud/score"), HttpStatusCode.MethodNotAllowed, "route");
        Http.AssertProblem(await Http.Send(client, HttpMethod.Post, "/v1/digits/classify", $"[{Pixels(64)}]", "text/plain"), HttpStatusCode.UnsupportedMediaType, "route");
    }

    [Fact]
    public async Task Body_over_the_limit_is_413_whether_announced_or_streamed_and_the_limit_itself_passes()
    {
        const long limit = 4096;
        using var factory = serve.Serve(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>(), ("Serve:MaxBodyBytes", "4096"));
        using HttpClient client = factory.CreateClient();
        string image = Pixels(64, "16");
        string Body(long bytes)
        {
            string items = "[" + string.Join(',', Enumerable.Repeat(image, (int)(bytes / (image.Length + 1)))) + "]";
            return items.PadRight((int)bytes);
        }
        Assert.Equal(HttpStatusCode.OK, (await Http.Post(client, "/v1/digits/classify", Body(limit))).Status);
        Http.AssertProblem(await Http.Post(client, "/v1/digits/classify", Body(limit + 1)), HttpStatusCode.RequestEntityTooLarge, "body");
        using var streamed = new HttpRequestMessage(HttpMethod.Post, "/v1/digits/classify")
        {
            Content = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Body(3 * limit)))),
        };
        streamed.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        streamed.Headers.TransferEncodingChunked = true;
        using HttpResponseMessage response = await client.SendAsync(streamed);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await Http.Get(client, "/health")).Status);
    }

    [Fact]
    public async Task Unexpected_exception_is_a_500_problem_without_internals_and_the_server_keeps_serving()
    {
        using var factory = serve.Serve(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>())
            .WithWebHostBuilder(web => web.ConfigureServices(services => services.AddSingleton<IStartupFilter, ThrowingRoute>()));
        using HttpClient client = factory.CreateClient();
        var answer = await Http.Get(client, ThrowingRoute.Path);
        Http.AssertProblem(answer, HttpStatusCode.InternalServerError, null);
        Assert.DoesNotContain(ThrowingRoute.Secret, answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(".cs:line", answer.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await Http.Get(client, "/health")).Status);
    }

    /// <summary>A middleware behind the app's own pipeline that throws on one path, as a bug in a handler would.</summary>
    private sealed class ThrowingRoute : IStartupFilter
    {
        public const string Path = "/test/throws";
        public const string Secret = "internal-detail-7f3a";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Run(context => context.Request.Path == Path ? throw new InvalidOperationException(Secret) : Task.CompletedTask);
        };
    }
}
