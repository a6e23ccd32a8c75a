using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ReferenceSolutions.Core.LinearAlgebra;
using ReferenceSolutions.Serve.Problems;

namespace ReferenceSolutions.Serve.Fraud;

/// <summary><c>POST /v1/fraud/score[?explain=K]</c>: scores a JSON array of transactions with <see cref="FraudScorer"/>.</summary>
internal static class FraudEndpoint
{
    public const string Route = "/v1/fraud/score";

    public static void Map(IEndpointRouteBuilder routes, ServedModels models, ServeOptions options)
    {
        routes.MapPost(Route, async (HttpRequest request, string? explain) =>
        {
            FraudScorer model = models.Fraud ?? throw new RequestProblem(StatusCodes.Status404NotFound, "model", "no fraud model is served: start refsol serve with --model <a fraud run folder>");
            int k = Explain(explain);
            using JsonDocument body = await RequestBody.ReadJsonAsync(request, options.MaxBodyBytes).ConfigureAwait(false);
            Matrix x = FraudRequest.Read(body.RootElement, model);
            return Results.Ok(model.Score(x, k));
        })
        .WithName("ScoreFraud")
        .WithSummary("P(fraud), the decision at the run's cost-optimal threshold and, with ?explain=K, the K largest contributions, per transaction.")
        .Accepts<IReadOnlyList<Dictionary<string, double>>>("application/json")
        .Produces<FraudScoreResponse>()
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
    }

    /// <summary>K of <c>?explain=K</c>: absent → 0; an integer 0 … 1000 (above d lists all d).</summary>
    private static int Explain(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int k) && k <= 1000
            ? k
            : throw RequestProblem.Bad("explain", $"'{Core.Data.Echo.Value(text)}' is not a count of contributions (an integer 0 … 1000)");
    }
}
