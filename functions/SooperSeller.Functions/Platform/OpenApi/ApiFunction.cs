using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace SooperSeller.Functions.Platform.OpenApi;

/// <summary>
/// An HTTP function of the app, found as Azure Functions (and the DevHost's FunctionCatalog) find it: a public method
/// with <see cref="FunctionAttribute"/> and an <see cref="HttpTriggerAttribute"/> parameter.
/// </summary>
public sealed record ApiFunction(string Name, RouteTemplate Route, IReadOnlyList<string> Methods, MethodInfo Method)
{
    private static readonly string[] AllMethods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

    public static IReadOnlyList<ApiFunction> Discover(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return [.. assembly.GetExportedTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Select(m => (Method: m, Function: m.GetCustomAttribute<FunctionAttribute>(), Trigger: m.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(t => t is not null)))
            .Where(f => f.Function is not null && f.Trigger is not null)
            .Select(f => new ApiFunction(
                f.Function!.Name,
                RouteTemplate.Parse(f.Trigger!.Route ?? f.Function.Name),
                f.Trigger.Methods is { Length: > 0 } methods ? [.. methods.Select(m => m.ToUpperInvariant())] : AllMethods,
                f.Method))];
    }
}
