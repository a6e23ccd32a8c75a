using Microsoft.AspNetCore.Http;

namespace ReferenceSolutions.Serve.Problems;

/// <summary>The endpoint filter of the API's routes: a <see cref="RequestProblem"/> thrown while reading becomes its problem answer.</summary>
internal sealed class ProblemFilter : IEndpointFilter
{
    /// <inheritdoc/>
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(context).ConfigureAwait(false);
        }
        catch (RequestProblem problem)
        {
            return problem.ToResult();
        }
    }
}
