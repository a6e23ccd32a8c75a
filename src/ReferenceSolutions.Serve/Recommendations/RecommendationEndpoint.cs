using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ReferenceSolutions.Core.Data;
using ReferenceSolutions.Serve.Problems;

namespace ReferenceSolutions.Serve.Recommendations;

/// <summary><c>GET /v1/recommendations/{userId}?top=N</c> (N: 1 … 1000, default 10) from <see cref="RecommendationService"/>.</summary>
internal static class RecommendationEndpoint
{
    public const string Route = "/v1/recommendations/{userId}";

    private const int DefaultTop = 10;

    public static void Map(IEndpointRouteBuilder routes, ServedModels models)
    {
        routes.MapGet(Route, (string userId, string? top) =>
        {
            RecommendationService model = models.Recommendations ?? throw new RequestProblem(StatusCodes.Status404NotFound, "model", "no recommender is served: start refsol serve with --model <a recommender run folder>");
            long user = long.TryParse(userId, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long id)
                ? id
                : throw RequestProblem.Bad("userId", $"'{Echo.Value(userId)}' is not an integer user id");
            int n = DefaultTop;
            if (!string.IsNullOrEmpty(top) && !(int.TryParse(top, NumberStyles.None, CultureInfo.InvariantCulture, out n) && n is >= 1 and <= RecommendationService.MaxTop))
            {
                throw RequestProblem.Bad("top", $"'{Echo.Value(top)}' is not a count of items (an integer 1 … {RecommendationService.MaxTop})");
            }
            return Results.Ok(model.For(user, n));
        })
        .WithName("Recommend")
        .WithSummary("The user's top-N unrated items by MF-SGD's predicted rating; an unknown user gets the cold-start list (coldStart: true).")
        .Produces<RecommendationResponse>()
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
