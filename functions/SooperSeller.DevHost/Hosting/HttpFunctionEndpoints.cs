using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using SooperSeller.Functions.Http;
using SooperSeller.Functions.Http.Auth;

namespace SooperSeller.DevHost.Hosting;

/// <summary>
/// Serves every HTTP function at the route and methods Azure Functions would, with the function's request body limit.
/// Routing precedence is ASP.NET Core's, as in Functions, so the catch-all <c>{*path}</c> only gets what nothing else matches.
/// </summary>
internal static class HttpFunctionEndpoints
{
    /// <summary>DevHost-only response header naming the function that served the request (the Functions app has none).</summary>
    public const string FunctionHeader = "x-devhost-function";

    public static void Map(IEndpointRouteBuilder endpoints, IEnumerable<HttpFunction> functions)
    {
        foreach (var function in functions)
        {
            endpoints.MapMethods(function.Route, function.Methods, context => InvokeAsync(function, context))
                .WithName(function.Name)
                .WithMetadata(function);
        }
    }

    private static async Task InvokeAsync(HttpFunction function, HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[FunctionHeader] = function.Name; // survives the ProblemDetails writer's Clear()
            return Task.CompletedTask;
        });
        if (UsageRecording.RecordsUsage(function.Method))
        {
            UsageRecording.RecordWhenCompleted(context, function.Route);
        }

        LimitedRequestBody.Apply(context.Request, RequestBodyLimits.For(function.Method));
        await context.RequestServices.GetRequiredService<RequestAuthenticator>().AuthenticateAsync(context, function.Method);
        var invocations = context.RequestServices.GetRequiredService<FunctionInvocations>();
        var result = await FunctionInvoker.InvokeAsync(function.Name, function.Method, context.RequestServices, invocations, (ParameterInfo parameter, out object? value) => Bind(parameter, context, out value));
        switch (result)
        {
            case IResult typed:
                await typed.ExecuteAsync(context);
                break;
            case IActionResult action:
                await action.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
                break;
            case null:
                break;
            default:
                throw new InvalidOperationException($"Function {function.Name} returned {result.GetType().Name}; HTTP functions return IResult or IActionResult.");
        }
    }

    private static bool Bind(ParameterInfo parameter, HttpContext context, out object? value)
    {
        if (parameter.ParameterType == typeof(HttpRequest))
        {
            value = context.Request;
        }
        else if (parameter.ParameterType == typeof(CancellationToken))
        {
            value = context.RequestAborted;
        }
        else if (context.Request.RouteValues.TryGetValue(parameter.Name!, out var routeValue) && routeValue is not null)
        {
            value = Convert.ChangeType(routeValue, parameter.ParameterType, System.Globalization.CultureInfo.InvariantCulture);
        }
        else
        {
            value = null;
            return false;
        }

        return true;
    }
}
