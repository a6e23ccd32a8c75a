using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using ReferenceSolutions.Core.Models;

namespace ReferenceSolutions.Serve.Tests;

/// <summary>Every endpoint answers its documented shape (WebApplicationFactory, in process).</summary>
[Collection(ServeRuns.Name)]
public sealed class EndpointTests(ServeFixture serve)
{
    [Fact]
    public async Task Health_lists_every_saved_model_and_which_endpoint_serves_it()
    {
        using HttpClient client = serve.Factory.CreateClient();
        var answer = await Http.Get(client, "/health");
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        JsonNode json = answer.Json!;
        Assert.Equal("ok", (string?)json["status"]);
        Assert.Equal(SuiteVersion.Current, (string?)json["suiteVersion"]);
        JsonArray models = json["models"]!.AsArray();
        int saved = new[] { serve.Fraud, serve.NeuralNet, serve.Recommender }.Sum(r => SavedModels.ModelFolders(r).Count);
        Assert.Equal(saved, models.Count);
        string[] served = [.. models.Where(m => m!["endpoint"] is not null).Select(m => $"{(string?)m!["name"]} {(string?)m!["endpoint"]}").Order()];
        Assert.Equal(["logreg-from-scratch /v1/fraud/score", "mf-sgd-from-scratch /v1/recommendations/{userId}", "mlp-from-scratch /v1/digits/classify"], served);
        Assert.All(models, m => Assert.False(string.IsNullOrEmpty((string?)m!["format"])));
        Assert.Equal(60, (int)json["recommender"]!["users"]!);
        string[] columns = File.ReadLines(serve.FraudData).First().Split(',');
        Assert.Equal(columns.Except(["Time", "Class"]), json["fraudFeatures"]!.AsArray().Select(f => (string)f!));
    }

    [Fact]
    public async Task A_folder_of_run_folders_as_run_all_writes_serves_all_three()
    {
        using var factory = new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>()
            .WithWebHostBuilder(web => web.UseSetting("Serve:Models:0", serve.Runs));
        using HttpClient client = factory.CreateClient();
        var answer = await Http.Get(client, "/health");
        Assert.Equal(3, answer.Json!["models"]!.AsArray().Count(m => m!["endpoint"] is not null));
    }

    [Fact]
    public async Task Fraud_score_answers_each_item_with_probability_decision_and_contributions()
    {
        using HttpClient client = serve.Factory.CreateClient();
        string[] lines = [.. File.ReadLines(serve.FraudData).Take(6)];
        string body = Http.Items(lines[0].Split(','), lines[1..].Select(l => l.Split(',')));
        var answer = await Http.Post(client, "/v1/fraud/score?explain=3", body);
        Assert.True(answer.Status == HttpStatusCode.OK, answer.Text);
        JsonNode json = answer.Json!;
        Assert.Equal("logreg-from-scratch", (string?)json["model"]);
        Assert.True((bool)json["priorCorrected"]!);
        double t = (double)json["threshold"]!["value"]!;
        Assert.Equal("minExpectedCost", (string?)json["threshold"]!["name"]);
        JsonArray results = json["results"]!.AsArray();
        Assert.Equal(5, results.Count);
        foreach (JsonNode? r in results)
        {
            double p = (double)r!["probability"]!;
            Assert.InRange(p, 0, 1);
            Assert.Equal(p >= t, (bool)r["fraud"]!);
            JsonArray contributions = r["contributions"]!.AsArray();
            Assert.Equal(3, contributions.Count);
            double[] magnitudes = [.. contributions.Select(c => Math.Abs((double)c!["contribution"]!))];
            Assert.Equal(magnitudes.OrderDescending(), magnitudes);
        }
        var plain = await Http.Post(client, "/v1/fraud/score", body);
        Assert.Null(plain.Json!["results"]![0]!["contributions"]);
    }

    [Fact]
    public async Task Fraud_threshold_is_the_one_the_run_saved()
    {
        using HttpClient client = serve.Factory.CreateClient();
        string[] lines = [.. File.ReadLines(serve.FraudData).Take(2)];
        var answer = await Http.Post(client, "/v1/fraud/score", Http.Items(lines[0].Split(','), [lines[1].Split(',')]));
        JsonNode saved = JsonNode.Parse(File.ReadAllText(Path.Combine(serve.Fraud, "models", "logreg-from-scratch", "logreg.json")))!;
        Assert.Equal((double)saved["thresholds"]!["minExpectedCost"]!, (double)answer.Json!["threshold"]!["value"]!);
        Assert.Equal((double)saved["thresholds"]!["falseNegativeCost"]!, (double)answer.Json!["threshold"]!["falseNegativeCost"]!);
    }

    [Fact]
    public async Task Recommendations_of_a_known_user_are_personalised_and_of_an_unknown_user_cold_start()
    {
        using HttpClient client = serve.Factory.CreateClient();
        var known = await Http.Get(client, "/v1/recommendations/1?top=5");
        Assert.True(known.Status == HttpStatusCode.OK, known.Text);
        Assert.False((bool)known.Json!["coldStart"]!);
        JsonArray items = known.Json!["items"]!.AsArray();
        Assert.Equal(5, items.Count);
        Assert.Equal([1, 2, 3, 4, 5], items.Select(i => (int)i!["rank"]!));
        var unknown = await Http.Get(client, "/v1/recommendations/999999");
        Assert.True(unknown.Status == HttpStatusCode.OK, unknown.Text);
        Assert.True((bool)unknown.Json!["coldStart"]!);
        Assert.Contains("not personalised", (string?)unknown.Json!["notice"], StringComparison.Ordinal);
        Assert.Equal(10, unknown.Json!["items"]!.AsArray().Count);
    }

    [Fact]
    public async Task Digits_classify_gives_class_probabilities_summing_to_one_and_their_argmax()
    {
        using HttpClient client = serve.Factory.CreateClient();
        var answer = await Http.Post(client, "/v1/digits/classify", new JsonArray([.. serve.DigitImages.Take(20).Select(i => (JsonNode)new JsonArray([.. i.Select(v => (JsonNode)v)]))]).ToJsonString());
        Assert.True(answer.Status == HttpStatusCode.OK, answer.Text);
        Assert.Equal("mlp-from-scratch", (string?)answer.Json!["model"]);
        JsonArray results = answer.Json!["results"]!.AsArray();
        Assert.Equal(20, results.Count);
        foreach (JsonNode? r in results)
        {
            double[] p = [.. r!["probabilities"]!.AsArray().Select(v => (double)v!)];
            Assert.Equal(10, p.Length);
            Assert.InRange(p.Sum(), 1 - 1e-12, 1 + 1e-12);
            Assert.Equal(Array.IndexOf(p, p.Max()), (int)r["class"]!);
        }
    }

    [Fact]
    public async Task Page_is_self_contained_with_the_digit_ids_the_browser_test_uses()
    {
        using HttpClient client = serve.Factory.CreateClient();
        var answer = await Http.Get(client, "/");
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("text/html", answer.ContentType);
        foreach (string id in new[] { "digit-grid", "digit-classify", "digit-result", "fraud-fields", "user-id" })
        {
            Assert.Contains($"id=\"{id}\"", answer.Text, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("http://", answer.Text.Replace("http://www.w3.org", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("src=", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_document_describes_the_three_model_endpoints_and_health()
    {
        using HttpClient client = serve.Factory.CreateClient();
        var answer = await Http.Get(client, "/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        JsonNode paths = answer.Json!["paths"]!;
        Assert.NotNull(paths["/v1/fraud/score"]!["post"]);
        Assert.NotNull(paths["/v1/digits/classify"]!["post"]);
        Assert.NotNull(paths["/v1/recommendations/{userId}"]!["get"]);
        Assert.NotNull(paths["/health"]!["get"]);
        Assert.Equal("refsol serve", (string?)answer.Json!["info"]!["title"]);
    }
}
