using System.Collections.Concurrent;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace SooperSeller.Functions.Http;

/// <summary>Applies each HTTP function's <see cref="RequestBodyLimitAttribute"/> (64 KiB when it declares none).</summary>
internal sealed class RequestBodyLimitMiddleware : IFunctionsWorkerMiddleware
{
    private static readonly ConcurrentDictionary<string, long> Limits = new(StringComparer.Ordinal);

    public Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (context.GetHttpContext() is { } httpContext)
        {
            var limit = Limits.GetOrAdd(context.FunctionDefinition.EntryPoint, static entry => FunctionMethods.Resolve(entry) is { } method ? RequestBodyLimits.For(method) : RequestBodyLimits.Json);
            LimitedRequestBody.Apply(httpContext.Request, limit);
        }

        return next(context);
    }
}
