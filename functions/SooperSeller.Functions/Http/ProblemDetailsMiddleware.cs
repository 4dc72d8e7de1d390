using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace SooperSeller.Functions.Http;

/// <summary>
/// Turns an exception from an HTTP function into ProblemDetails (<see cref="ProblemDetailsWriter"/>). Queue, timer and
/// durable functions rethrow: the host must see the failure to retry and, in the end, poison the message.
/// </summary>
internal sealed class ProblemDetailsMiddleware(ILogger<ProblemDetailsMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception exception) when (context.GetHttpContext() is { } httpContext)
        {
            await ProblemDetailsWriter.WriteAsync(httpContext, Unwrap(exception), logger);
        }
    }

    // The worker wraps what a function throws; the map wants the function's own exception.
    private static Exception Unwrap(Exception exception) =>
        exception is AggregateException { InnerExceptions.Count: 1 } aggregate ? Unwrap(aggregate.InnerExceptions[0])
        : exception.GetType().FullName == "Microsoft.Azure.Functions.Worker.FunctionInvocationException" && exception.InnerException is { } inner ? Unwrap(inner)
        : exception;
}
