using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using SooperSeller.Core.Errors;

namespace SooperSeller.Functions.Http;

/// <summary>
/// The one map from exceptions to RFC 9457 ProblemDetails (contract "Conventions"), used by the Functions app's worker
/// middleware and by the DevHost alike. The project's exceptions carry messages written for callers; anything else is
/// a 500 that says nothing of its internals, with a <c>traceId</c> to find it in the logs.
/// </summary>
public static partial class ProblemDetailsWriter
{
    public const string ContentType = "application/problem+json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static ProblemDetails Map(Exception exception, string traceId)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ProblemDetails problem = exception switch
        {
            ValidationFailedException e => new HttpValidationProblemDetails(e.Errors.ToDictionary(p => p.Key, p => p.Value))
            {
                Status = StatusCodes.Status400BadRequest,
                Detail = e.Message,
            },
            JsonException e => new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                [JsonPathToField(e.Path)] = ["The value is not valid JSON of the expected shape."],
            })
            {
                Status = StatusCodes.Status400BadRequest,
                Detail = "The request body is not valid JSON of the expected shape.",
            },
            UnauthenticatedException e => Problem(StatusCodes.Status401Unauthorized, e.Message),
            NotFoundException e => Problem(StatusCodes.Status404NotFound, e.Message),
            ConflictException e => Problem(StatusCodes.Status409Conflict, e.Message),
            ForbiddenException e => Problem(StatusCodes.Status403Forbidden, e.Message),
            PayloadTooLargeException e => Problem(StatusCodes.Status413PayloadTooLarge, e.Message),
            TooManyRequestsException e => Problem(StatusCodes.Status429TooManyRequests, e.Message),
            BadHttpRequestException e => Problem(e.StatusCode, "The request could not be read."),
            _ => Problem(StatusCodes.Status500InternalServerError, "An unexpected error occurred. Quote the traceId when reporting it."),
        };

        problem.Type = TypeFor(problem.Status!.Value);
        problem.Title = ReasonPhrases.GetReasonPhrase(problem.Status.Value);
        problem.Extensions["traceId"] = traceId;
        if (exception is UnauthenticatedException { Code: { } code })
        {
            problem.Extensions["code"] = code;
        }

        return problem;
    }

    /// <summary>Writes the problem for <paramref name="exception"/> unless the response has started or the caller left.</summary>
    public static async Task WriteAsync(HttpContext httpContext, Exception exception, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(logger);
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        var traceId = System.Diagnostics.Activity.Current?.Id ?? httpContext.TraceIdentifier;
        var problem = Map(exception, traceId);
        var route = RouteTemplateOf(httpContext);
        var exceptionType = exception.GetType().Name;
        var method = httpContext.Request.Method;
        var status = problem.Status!.Value;
        if (status >= StatusCodes.Status500InternalServerError)
        {
            Log.Unhandled(logger, exception, exceptionType, method, route, traceId);
        }
        else
        {
            Log.Refused(logger, status, exceptionType, method, route);
        }

        if (httpContext.Response.HasStarted)
        {
            return;
        }

        httpContext.Response.Clear();
        httpContext.Response.StatusCode = status;
        if (exception is TooManyRequestsException tooMany)
        {
            httpContext.Response.Headers.RetryAfter = tooMany.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await httpContext.Response.WriteAsJsonAsync(problem, problem.GetType(), Json, ContentType, httpContext.RequestAborted);
    }

    /// <summary>A problem response for a status the code decides directly (the catch-all's 404, a 503).</summary>
    public static ProblemDetails Problem(int status, string detail) => new()
    {
        Status = status,
        Detail = detail,
        Type = TypeFor(status),
        Title = ReasonPhrases.GetReasonPhrase(status),
    };

    private static string TypeFor(int status) => status switch
    {
        400 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1",
        401 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.2",
        403 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.4",
        404 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5",
        405 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.6",
        409 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.10",
        413 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.14",
        429 => "https://www.rfc-editor.org/rfc/rfc6585#section-4",
        503 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4",
        _ when status >= 500 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.1",
        _ => "about:blank",
    };

    // "$.items[0].unitPrice" → "items[0].unitPrice": the contract keys errors by camelCase JSON path.
    private static string JsonPathToField(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "$" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

    // Usage records and logs name the route template, never the raw path (it may carry identifiers).
    private static string RouteTemplateOf(HttpContext httpContext) =>
        (httpContext.GetEndpoint() as Microsoft.AspNetCore.Routing.RouteEndpoint)?.RoutePattern.RawText ?? "(unmatched)";

    private static partial class Log
    {
        [LoggerMessage(LogLevel.Error, "Unhandled {ExceptionType} on {Method} {RouteTemplate}; traceId {TraceId}")]
        public static partial void Unhandled(ILogger logger, Exception exception, string exceptionType, string method, string routeTemplate, string traceId);

        [LoggerMessage(LogLevel.Information, "{Status} {ExceptionType} on {Method} {RouteTemplate}")]
        public static partial void Refused(ILogger logger, int status, string exceptionType, string method, string routeTemplate);
    }
}
