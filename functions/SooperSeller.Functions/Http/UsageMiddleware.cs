using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace SooperSeller.Functions.Http;

/// <summary>The Functions app's hook for <see cref="UsageRecording"/>: outermost, so the recorded status is final.</summary>
internal sealed class UsageMiddleware : IFunctionsWorkerMiddleware
{
    public Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (context.GetHttpContext() is { } httpContext
            && FunctionMethods.Resolve(context.FunctionDefinition.EntryPoint) is { } method
            && UsageRecording.RecordsUsage(method))
        {
            UsageRecording.RecordWhenCompleted(httpContext, RouteTemplateOf(method, context.FunctionDefinition.Name));
        }

        return next(context);
    }

    private static string RouteTemplateOf(MethodInfo method, string functionName) =>
        "api/" + (method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(t => t is not null)?.Route ?? functionName);
}
