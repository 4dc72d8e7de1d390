using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using SooperSeller.Functions.Http;

namespace SooperSeller.DevHost.Hosting;

/// <summary>
/// Serves every HTTP function of the Functions app at the route and methods Azure Functions would (the <c>api</c>
/// prefix of host.json, the trigger's route or else the function name), discovered from attributes, so a new function
/// needs no DevHost change. As in Functions, the class is created per invocation with constructor injection.
/// </summary>
internal static class HttpFunctionEndpoints
{
    public const string RoutePrefix = "api";

    public static IReadOnlyList<HttpFunction> Discover(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var functions = new List<HttpFunction>();
        foreach (var type in assembly.GetExportedTypes())
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                var function = method.GetCustomAttribute<FunctionAttribute>();
                var trigger = method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(t => t is not null);
                if (function is null || trigger is null)
                {
                    continue;
                }

                var route = $"{RoutePrefix}/{trigger.Route ?? function.Name}";
                var methods = (trigger.Methods ?? ["get", "post", "put", "patch", "delete", "head", "options"]).Select(m => m.ToUpperInvariant()).ToArray();
                functions.Add(new HttpFunction(function.Name, route, methods, method));
            }
        }

        return functions;
    }

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
        LimitedRequestBody.Apply(context.Request, RequestBodyLimits.For(function.Method));
        var target = function.Method.IsStatic ? null : ActivatorUtilities.CreateInstance(context.RequestServices, function.Method.DeclaringType!);
        var arguments = function.Method.GetParameters().Select(p => Bind(p, context)).ToArray();
        object? result;
        try
        {
            result = function.Method.Invoke(target, arguments);
            if (result is Task task)
            {
                await task;
                result = task.GetType().IsGenericType ? task.GetType().GetProperty(nameof(Task<object>.Result))!.GetValue(task) : null;
            }
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
        finally
        {
            (target as IDisposable)?.Dispose();
        }

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

    private static object? Bind(ParameterInfo parameter, HttpContext context)
    {
        if (parameter.ParameterType == typeof(HttpRequest))
        {
            return context.Request;
        }

        if (parameter.ParameterType == typeof(CancellationToken))
        {
            return context.RequestAborted;
        }

        if (context.Request.RouteValues.TryGetValue(parameter.Name!, out var routeValue) && routeValue is not null)
        {
            return Convert.ChangeType(routeValue, parameter.ParameterType, System.Globalization.CultureInfo.InvariantCulture);
        }

        return context.RequestServices.GetService(parameter.ParameterType)
            ?? (parameter.HasDefaultValue ? parameter.DefaultValue : throw new InvalidOperationException($"Cannot bind parameter '{parameter.Name}' of {parameter.Member.Name}."));
    }
}

/// <summary>An HTTP function as Azure Functions would serve it.</summary>
internal sealed record HttpFunction(string Name, string Route, string[] Methods, MethodInfo Method);
