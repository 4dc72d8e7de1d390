using System.Collections.Concurrent;
using System.Reflection;
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
            var limit = Limits.GetOrAdd(context.FunctionDefinition.EntryPoint, LimitOf);
            LimitedRequestBody.Apply(httpContext.Request, limit);
        }

        return next(context);
    }

    // EntryPoint is "Namespace.Type.Method" of a function in this assembly.
    private static long LimitOf(string entryPoint)
    {
        var split = entryPoint.LastIndexOf('.');
        var method = typeof(RequestBodyLimitMiddleware).Assembly.GetType(entryPoint[..split])
            ?.GetMethod(entryPoint[(split + 1)..], BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static);
        return method is null ? RequestBodyLimits.Json : RequestBodyLimits.For(method);
    }
}
