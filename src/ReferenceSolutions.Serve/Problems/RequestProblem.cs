using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace ReferenceSolutions.Serve.Problems;

/// <summary>
/// A request the API refuses: the HTTP status (400, 404, 413), the field it concerns as a path into the request
/// (<c>items[3].V14</c>, <c>items[0][17]</c>, <c>top</c>, <c>body</c>; items 0-based) and what is wrong with it. Thrown
/// by the readers and turned into an RFC 7807 problem by <see cref="ProblemFilter"/>.
/// </summary>
internal sealed class RequestProblem(int status, string field, string detail) : Exception($"{field}: {detail}")
{
    /// <summary>The HTTP status of the answer.</summary>
    public int Status { get; } = status;

    /// <summary>Where in the request the problem is.</summary>
    public string Field { get; } = field;

    /// <summary>What is wrong, one sentence.</summary>
    public string Detail { get; } = detail;

    /// <summary>A 400 for <paramref name="field"/>.</summary>
    public static RequestProblem Bad(string field, string detail) => new(StatusCodes.Status400BadRequest, field, detail);

    /// <summary>The answer: <c>application/problem+json</c> with <c>type</c>, <c>title</c>, <c>status</c>, <c>detail</c> and <c>field</c>.</summary>
    public IResult ToResult() => Problem.Result(Status, $"{Field}: {Detail}", Field);
}

/// <summary>Builds the API's RFC 7807 answers (<see cref="ProblemDetails"/>), the same shape for every error.</summary>
internal static class Problem
{
    /// <summary>A problem with <paramref name="status"/>, <paramref name="detail"/> and, when given, the extension member <c>field</c>.</summary>
    public static IResult Result(int status, string detail, string? field = null)
    {
        var problem = new ProblemDetails { Status = status, Detail = detail };
        if (field is not null)
        {
            problem.Extensions["field"] = field;
        }
        return Results.Problem(problem);
    }
}
