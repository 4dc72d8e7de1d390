using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace SooperSeller.DevHost.Hosting;

/// <summary>
/// Every function of the given assemblies, found as Azure Functions finds them: a public method with
/// <see cref="FunctionAttribute"/> whose trigger parameter says what starts it. A new function therefore needs no
/// DevHost change.
/// </summary>
public sealed class FunctionCatalog
{
    private FunctionCatalog(
        IReadOnlyList<HttpFunction> http,
        IReadOnlyList<QueueFunction> queues,
        IReadOnlyList<TimerFunction> timers,
        IReadOnlyList<DurableFunction> orchestrators,
        IReadOnlyList<DurableFunction> activities)
    {
        Http = http;
        Queues = queues;
        Timers = timers;
        Orchestrators = orchestrators;
        Activities = activities;
    }

    public IReadOnlyList<HttpFunction> Http { get; }

    public IReadOnlyList<QueueFunction> Queues { get; }

    public IReadOnlyList<TimerFunction> Timers { get; }

    public IReadOnlyList<DurableFunction> Orchestrators { get; }

    public IReadOnlyList<DurableFunction> Activities { get; }

    public static FunctionCatalog Discover(IEnumerable<Assembly> assemblies)
    {
        ArgumentNullException.ThrowIfNull(assemblies);
        var http = new List<HttpFunction>();
        var queues = new List<QueueFunction>();
        var timers = new List<TimerFunction>();
        var orchestrators = new List<DurableFunction>();
        var activities = new List<DurableFunction>();
        foreach (var method in assemblies.SelectMany(a => a.GetExportedTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)))
        {
            if (method.GetCustomAttribute<FunctionAttribute>() is not { } function)
            {
                continue;
            }

            if (method.GetParameters().Any(p => p.ParameterType == typeof(FunctionContext)))
            {
                throw new InvalidOperationException(
                    $"Function {function.Name} takes a FunctionContext, which only the Functions host provides; take an ILogger<T> and a CancellationToken instead (architecture section 1).");
            }

            foreach (var (parameter, attribute) in method.GetParameters().SelectMany(p => p.GetCustomAttributes().Select(a => (p, a))))
            {
                switch (attribute)
                {
                    case HttpTriggerAttribute trigger:
                        var methods = (trigger.Methods ?? ["get", "post", "put", "patch", "delete", "head", "options"]).Select(m => m.ToUpperInvariant()).ToArray();
                        http.Add(new HttpFunction(function.Name, $"{HostJson.RoutePrefix}/{trigger.Route ?? function.Name}", methods, method));
                        break;
                    case QueueTriggerAttribute trigger:
                        queues.Add(new QueueFunction(function.Name, trigger.QueueName, method, parameter));
                        break;
                    case TimerTriggerAttribute trigger:
                        timers.Add(new TimerFunction(function.Name, trigger.Schedule, trigger.RunOnStartup, method));
                        break;
                    case OrchestrationTriggerAttribute:
                        orchestrators.Add(new DurableFunction(function.Name, method, parameter));
                        break;
                    case ActivityTriggerAttribute:
                        activities.Add(new DurableFunction(function.Name, method, parameter));
                        break;
                }
            }
        }

        return new FunctionCatalog(http, queues, timers, orchestrators, activities);
    }
}

/// <summary>An HTTP function as Azure Functions would serve it (route with the <c>api</c> prefix, upper-case methods).</summary>
public sealed record HttpFunction(string Name, string Route, string[] Methods, MethodInfo Method);

/// <summary>A queue function; <see cref="QueueName"/> may be a <c>%setting%</c> reference, resolved from configuration.</summary>
public sealed record QueueFunction(string Name, string QueueName, MethodInfo Method, ParameterInfo Trigger);

/// <summary>A timer function; <see cref="Schedule"/> is a six-field CRON expression (with seconds) or a <c>%setting%</c>.</summary>
public sealed record TimerFunction(string Name, string Schedule, bool RunOnStartup, MethodInfo Method);

/// <summary>An orchestrator or activity: the trigger parameter is the context (orchestrators) or the input (activities).</summary>
public sealed record DurableFunction(string Name, MethodInfo Method, ParameterInfo Trigger);
