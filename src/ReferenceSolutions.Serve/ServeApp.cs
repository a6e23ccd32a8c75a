using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReferenceSolutions.Serve.Digits;
using ReferenceSolutions.Serve.Fraud;
using ReferenceSolutions.Serve.Page;
using ReferenceSolutions.Serve.Problems;
using ReferenceSolutions.Serve.Recommendations;
using ReferenceSolutions.Serve.Runs;

namespace ReferenceSolutions.Serve;

/// <summary>
/// The web application of <c>refsol serve</c>: the models loaded once (<see cref="ServedModels"/>), then Kestrel with
/// the routes <c>POST /v1/fraud/score</c>, <c>GET /v1/recommendations/{userId}</c>, <c>POST /v1/digits/classify</c>,
/// <c>GET /health</c>, <c>GET /openapi/v1.json</c>, <c>GET /</c> and <c>/runs/</c>. Every error is an RFC 7807 problem
/// (<c>application/problem+json</c>): the routes' own 400/404/413 name the field; an unknown route or method gets its
/// 404/405; an unexpected exception a 500 with no internals (logged on the server); the server keeps serving.
/// </summary>
public static class ServeApp
{
    /// <summary>
    /// Loads the models of <paramref name="options"/> (of the configuration's <c>Serve:*</c> keys when null; see
    /// <see cref="ServeOptions.From"/>) and builds the app; a model that does not load is a
    /// <see cref="Core.Data.UserInputException"/> before anything listens.
    /// </summary>
    public static WebApplication Create(string[] args, ServeOptions? options = null)
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        ServeOptions settings = options ?? ServeOptions.From(builder.Configuration);
        ServedModels models = ServedModels.Load(settings.Models);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = settings.MaxBodyBytes);
        builder.Services.AddSingleton(models);
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi(openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "refsol serve";
            document.Info.Version = Core.Models.SuiteVersion.Current;
            document.Info.Description = "The saved models of a ReferenceSolutions run behind an HTTP API (docs/serve.md).";
            return Task.CompletedTask;
        }));
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull);

        WebApplication app = builder.Build();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = context => Problem.Result(StatusCodes.Status500InternalServerError,
                $"the server failed on this request (logged on the server; trace {context.TraceIdentifier}); it keeps serving").ExecuteAsync(context),
        });
        app.UseStatusCodePages(context => Problem.Result(context.HttpContext.Response.StatusCode,
            $"{context.HttpContext.Request.Method} {Core.Data.Echo.Value(context.HttpContext.Request.Path.Value ?? "")}: {Reason(context.HttpContext.Response.StatusCode)}",
            "route").ExecuteAsync(context.HttpContext));
        RunsEndpoint.Map(app, settings);
        app.MapOpenApi();
        PageEndpoint.Map(app);
        var api = app.MapGroup("").AddEndpointFilter<ProblemFilter>();
        FraudEndpoint.Map(api, models, settings);
        RecommendationEndpoint.Map(api, models);
        DigitEndpoint.Map(api, models, settings);
        HealthEndpoint.Map(api, models, settings);
        return app;
    }

    private static string Reason(int status) => status switch
    {
        StatusCodes.Status404NotFound => "no such route (see /openapi/v1.json)",
        StatusCodes.Status405MethodNotAllowed => "the route does not take this method (see /openapi/v1.json)",
        StatusCodes.Status415UnsupportedMediaType => "send the body with Content-Type: application/json",
        _ => "refused",
    };
}
