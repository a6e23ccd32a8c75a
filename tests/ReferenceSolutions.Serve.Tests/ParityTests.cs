using System.Text.Json.Nodes;
using ReferenceSolutions.Core.Models;
using ReferenceSolutions.Core.Solutions;
using ReferenceSolutions.FraudDetection;
using ReferenceSolutions.NeuralNet;
using ReferenceSolutions.Recommender.Models;

namespace ReferenceSolutions.Serve.Tests;

/// <summary>
/// The served numbers are <c>refsol score</c>'s (and <c>refsol recommend --model</c>'s) bit for bit: the same rows go
/// through the HTTP API (JSON numbers in shortest round-trip form both ways) and through the solutions' own scoring of
/// a CSV, and every double is compared with ==, since both sides run the same from-scratch code on the same doubles.
/// </summary>
[Collection(ServeRuns.Name)]
public sealed class ParityTests(ServeFixture serve)
{
    [Fact]
    public async Task Fraud_probabilities_logits_and_contributions_equal_refsol_score_bit_for_bit()
    {
        string[] lines = [.. File.ReadLines(serve.FraudData).Take(301)];
        string rows = Path.Combine(serve.Folder, $"rows-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(rows, lines);
        const int k = 4;
        ScoreOutput score = new FraudSolution().Score(new ScoreRequest(serve.Fraud, rows, k));
        using HttpClient client = serve.Factory.CreateClient();
        var answer = await Http.Post(client, $"/v1/fraud/score?explain={k}", Http.Items(lines[0].Split(','), lines[1..].Select(l => l.Split(','))));
        Assert.True(answer.Status == System.Net.HttpStatusCode.OK, answer.Text);
        JsonArray results = answer.Json!["results"]!.AsArray();
        IReadOnlyList<double> p = Column(score, "logreg-from-scratch"), logit = Column(score, "logreg-from-scratch.logit");
        Assert.Equal(300, results.Count);
        for (int i = 0; i < results.Count; i++)
        {
            JsonNode r = results[i]!;
            AssertBits(p[i], (double)r["probability"]!, $"row {i} probability");
            AssertBits(logit[i], (double)r["logit"]!, $"row {i} logit");
            JsonArray contributions = r["contributions"]!.AsArray();
            for (int rank = 1; rank <= k; rank++)
            {
                Assert.Equal(score.Columns.Single(c => c.Header == $"logreg-from-scratch.explain{rank}.feature").Texts![i], (string?)contributions[rank - 1]!["feature"]);
                AssertBits(Column(score, $"logreg-from-scratch.explain{rank}.contribution")[i], (double)contributions[rank - 1]!["contribution"]!, $"row {i} contribution {rank}");
            }
        }
    }

    [Fact]
    public async Task Digit_probabilities_and_classes_equal_refsol_score_bit_for_bit()
    {
        string rows = Path.Combine(serve.Folder, $"digits-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(rows, [string.Join(',', Enumerable.Range(0, 64).Select(j => $"x{j}")), .. serve.DigitImages.Select(i => string.Join(',', i))]);
        ScoreOutput score = NeuralNetScoring.Score(new ScoreRequest(serve.NeuralNet, rows));
        using HttpClient client = serve.Factory.CreateClient();
        var answer = await Http.Post(client, "/v1/digits/classify", new JsonArray([.. serve.DigitImages.Select(i => (JsonNode)new JsonArray([.. i.Select(v => (JsonNode)v)]))]).ToJsonString());
        Assert.True(answer.Status == System.Net.HttpStatusCode.OK, answer.Text);
        JsonArray results = answer.Json!["results"]!.AsArray();
        Assert.Equal(serve.DigitImages.Count, results.Count);
        for (int n = 0; n < results.Count; n++)
        {
            Assert.Equal(Column(score, "mlp-from-scratch.class")[n], (int)results[n]!["class"]!);
            JsonArray probabilities = results[n]!["probabilities"]!.AsArray();
            for (int c = 0; c < probabilities.Count; c++)
            {
                AssertBits(Column(score, $"mlp-from-scratch.p{c}")[n], (double)probabilities[c]!, $"image {n} p{c}");
            }
        }
    }

    [Fact]
    public async Task Recommendations_equal_recommend_model_bit_for_bit_for_known_and_unknown_users()
    {
        ModelRecommendations model = ModelRecommendations.Load(serve.Recommender);
        using HttpClient client = serve.Factory.CreateClient();
        foreach (long user in new long[] { 1, 7, 60, 61, -5 })
        {
            var expected = model.For(user, 8, null).Items;
            var answer = await Http.Get(client, $"/v1/recommendations/{user}?top=8");
            JsonArray items = answer.Json!["items"]!.AsArray();
            Assert.Equal(expected.Count, items.Count);
            for (int r = 0; r < items.Count; r++)
            {
                Assert.Equal(expected[r].ItemId, (long)items[r]!["itemId"]!);
                AssertBits(expected[r].PredictedRating, (double)items[r]!["predictedRating"]!, $"user {user} rank {r + 1}");
            }
            Assert.Equal(user is < 1 or > 60, (bool)answer.Json!["coldStart"]!);
        }
    }

    private static IReadOnlyList<double> Column(ScoreOutput score, string header) => score.Columns.Single(c => c.Header == header).Numbers!;

    private static void AssertBits(double expected, double served, string what) =>
        Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(served), $"{what}: refsol score {expected:R}, served {served:R}");
}
