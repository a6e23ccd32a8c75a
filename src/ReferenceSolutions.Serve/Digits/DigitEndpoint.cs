using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ReferenceSolutions.Serve.Problems;

namespace ReferenceSolutions.Serve.Digits;

/// <summary><c>POST /v1/digits/classify</c>: classifies a JSON array of 8×8 images with <see cref="DigitClassifier"/>.</summary>
internal static class DigitEndpoint
{
    public const string Route = "/v1/digits/classify";

    public static void Map(IEndpointRouteBuilder routes, ServedModels models, ServeOptions options)
    {
        routes.MapPost(Route, async (HttpRequest request) =>
        {
            DigitClassifier model = models.Digits ?? throw new RequestProblem(StatusCodes.Status404NotFound, "model", "no digit model is served: start refsol serve with --model <a neuralnet run on 8×8 images (optdigits)>");
            using JsonDocument body = await RequestBody.ReadJsonAsync(request, options.MaxBodyBytes).ConfigureAwait(false);
            return Results.Ok(model.Classify(DigitRequest.Read(body.RootElement)));
        })
        .WithName("ClassifyDigits")
        .WithSummary("Class probabilities and the predicted class of each 8×8 image (64 pixel values 0 … 16, row-major).")
        .Accepts<IReadOnlyList<double[]>>("application/json")
        .Produces<DigitResponse>()
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
    }
}
