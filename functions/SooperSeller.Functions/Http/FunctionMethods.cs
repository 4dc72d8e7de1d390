using System.Collections.Concurrent;
using System.Reflection;

namespace SooperSeller.Functions.Http;

/// <summary>The method behind a Functions entry point (<c>Namespace.Type.Method</c> of this assembly), cached.</summary>
internal static class FunctionMethods
{
    private static readonly ConcurrentDictionary<string, MethodInfo?> Methods = new(StringComparer.Ordinal);

    public static MethodInfo? Resolve(string entryPoint) => Methods.GetOrAdd(entryPoint, static entry =>
    {
        var split = entry.LastIndexOf('.');
        return typeof(FunctionMethods).Assembly.GetType(entry[..split])
            ?.GetMethod(entry[(split + 1)..], BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static);
    });
}
