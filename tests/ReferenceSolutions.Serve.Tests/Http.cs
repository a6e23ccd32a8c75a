using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ReferenceSolutions.Serve.Tests;

/// <summary>Requests and answers as the tests read them: JSON in, status and JSON out.</summary>
internal static class Http
{
    public static async Task<(HttpStatusCode Status, string ContentType, JsonNode? Json, string Text)> Send(HttpClient client, HttpMethod method, string url, string? body = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, contentType);
        }
        using HttpResponseMessage response = await client.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        string type = response.Content.Headers.ContentType?.MediaType ?? "";
        JsonNode? json = type.Contains("json", StringComparison.Ordinal) && text.Length > 0 ? JsonNode.Parse(text) : null;
        return (response.StatusCode, type, json, text);
    }

    public static Task<(HttpStatusCode Status, string ContentType, JsonNode? Json, string Text)> Post(HttpClient client, string url, string body) =>
        Send(client, HttpMethod.Post, url, body);

    public static Task<(HttpStatusCode Status, string ContentType, JsonNode? Json, string Text)> Get(HttpClient client, string url) =>
        Send(client, HttpMethod.Get, url);

    /// <summary>The rows of a CSV with a header as JSON objects keyed by column name, numbers parsed as <c>refsol score</c> parses them.</summary>
    public static string Items(IEnumerable<string> header, IEnumerable<string[]> rows)
    {
        string[] names = [.. header];
        var array = new JsonArray();
        foreach (string[] row in rows)
        {
            var item = new JsonObject();
            for (int j = 0; j < names.Length; j++)
            {
                item[names[j]] = double.Parse(row[j], System.Globalization.CultureInfo.InvariantCulture);
            }
            array.Add(item);
        }
        return array.ToJsonString();
    }

    /// <summary>The problem answer's checks: the status, <c>application/problem+json</c>, RFC 7807's members, no stack trace.</summary>
    public static void AssertProblem((HttpStatusCode Status, string ContentType, JsonNode? Json, string Text) answer, HttpStatusCode status, string? field)
    {
        Assert.True(answer.Status == status, $"{answer.Status}: {answer.Text}");
        Assert.Equal("application/problem+json", answer.ContentType);
        JsonNode json = answer.Json!;
        Assert.Equal((int)status, (int)json["status"]!);
        Assert.False(string.IsNullOrEmpty((string?)json["title"]));
        Assert.False(string.IsNullOrEmpty((string?)json["detail"]));
        if (field is not null)
        {
            Assert.Equal(field, (string?)json["field"]);
        }
        Assert.DoesNotContain(" at ReferenceSolutions", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", answer.Text, StringComparison.Ordinal);
        _ = JsonSerializer.Serialize(json);
    }
}
