using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ReferenceSolutions.Core.Models;

namespace ReferenceSolutions.Serve;

/// <summary>
/// <c>GET /health</c>: <c>{"status": "ok", "suiteVersion", "maxBodyBytes", "models": [LoadedModel…], "fraudFeatures",
/// "recommender": {"users", "exampleUsers"}}</c> — what is loaded and served, for a client and for the page.
/// </summary>
internal static class HealthEndpoint
{
    public static void Map(IEndpointRouteBuilder routes, ServedModels models, ServeOptions options)
    {
        var health = new HealthResponse("ok", SuiteVersion.Current, options.MaxBodyBytes, models.All, models.Fraud?.Features,
            models.Recommendations is { } r ? new RecommenderSummary(r.Users, r.ExampleUsers(20)) : null);
        routes.MapGet("/health", () => Results.Ok(health))
            .WithName("Health")
            .WithSummary("The loaded models (name, solution, kind, format, the endpoint serving each), the suite version and the body limit.")
            .Produces<HealthResponse>();
    }
}

/// <summary>The answer of <c>GET /health</c>.</summary>
public sealed record HealthResponse(string Status, string SuiteVersion, long MaxBodyBytes, IReadOnlyList<LoadedModel> Models,
    IReadOnlyList<string>? FraudFeatures, RecommenderSummary? Recommender);

/// <summary>How many users the served recommender knows, and the first few of their ids.</summary>
public sealed record RecommenderSummary(int Users, IReadOnlyList<long> ExampleUsers);
