using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SooperSeller.Functions.Http;
using SooperSeller.Core.Accounts.Authentication;

namespace SooperSeller.Functions.Platform;

/// <summary>
/// The lowest-precedence catch-all: any <c>/api/...</c> route no other function serves answers 404 ProblemDetails
/// (routing prefers every literal or parameter segment over a catch-all parameter).
/// </summary>
public static class RouteNotFound
{
    [Function(nameof(RouteNotFound))]
    [Anonymous(ChangesState = false)]
    public static IResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", "put", "patch", "delete", "head", "options", Route = "{*path}")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        // The path is not echoed: it may carry identifiers or personal data the caller typed, and answers are logged upstream.
        var problem = ProblemDetailsWriter.Problem(StatusCodes.Status404NotFound, $"No API route matches this {request.Method} request's path.");
        problem.Extensions["traceId"] = System.Diagnostics.Activity.Current?.Id ?? request.HttpContext.TraceIdentifier;
        return TypedResults.Problem(problem);
    }
}
