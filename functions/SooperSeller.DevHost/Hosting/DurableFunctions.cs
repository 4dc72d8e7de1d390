using System.Reflection;
using Microsoft.DurableTask;

namespace SooperSeller.DevHost.Hosting;

/// <summary>
/// Registers the Functions app's orchestrator and activity functions with the in-process durable task host, so the
/// very same <c>[Function]</c> methods run: orchestrators get the <see cref="TaskOrchestrationContext"/> (and their
/// input, when they take one), activities get their input, with their class built from DI per invocation.
/// </summary>
internal static class DurableFunctions
{
    public static void Register(DurableTaskRegistry registry, FunctionCatalog catalog, FunctionInvocations invocations)
    {
        foreach (var function in catalog.Orchestrators)
        {
            registry.AddOrchestrator(function.Name, () => new FunctionOrchestrator(function, invocations));
        }

        foreach (var function in catalog.Activities)
        {
            registry.AddActivity(function.Name, services => new FunctionActivity(function, services, invocations));
        }
    }

    private static Type OutputOf(MethodInfo method) =>
        method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() is var definition
            && (definition == typeof(Task<>) || definition == typeof(ValueTask<>))
            ? method.ReturnType.GetGenericArguments()[0]
            : method.ReturnType == typeof(Task) || method.ReturnType == typeof(ValueTask) || method.ReturnType == typeof(void) ? typeof(object) : method.ReturnType;

    // Architecture D5: an orchestrator is a static RunAsync(TaskOrchestrationContext, TInput) that the Functions app wraps
    // in a one-line [Function] method reading context.GetInput<TInput>(). The DevHost runs that RunAsync itself, with
    // TInput as the input type (the wrapper's GetInput<T> would only see an untyped JsonElement here). A [Function]
    // method that takes its input as a parameter runs as it is.
    private sealed class FunctionOrchestrator : ITaskOrchestrator
    {
        private readonly DurableFunction _function;
        private readonly FunctionInvocations _invocations;
        private readonly MethodInfo _method;
        private readonly ParameterInfo? _input;

        public FunctionOrchestrator(DurableFunction function, FunctionInvocations invocations)
        {
            _function = function;
            _invocations = invocations;
            _method = function.Method.GetParameters().Any(IsInput) ? function.Method
                : function.Method.DeclaringType!.GetMethod("RunAsync", BindingFlags.Public | BindingFlags.Static) is { } runAsync
                    && runAsync.GetParameters() is [{ } context, { } input] && context.ParameterType == typeof(TaskOrchestrationContext) && IsInput(input)
                    ? runAsync
                    : throw new InvalidOperationException(
                        $"Orchestrator {function.Name}: declare a static RunAsync(TaskOrchestrationContext, TInput) beside its [Function] method (architecture D5), or take the input as a parameter.");
            _input = _method.GetParameters().FirstOrDefault(IsInput);
        }

        public Type InputType => _input?.ParameterType ?? typeof(object);

        public Type OutputType => OutputOf(_method);

        // Orchestrators are static: replayed code must not depend on injected state.
        public Task<object?> RunAsync(TaskOrchestrationContext context, object? input) =>
            FunctionInvoker.InvokeAsync(_function.Name, _method, EmptyServices.Instance, _invocations, (ParameterInfo parameter, out object? value) =>
            {
                value = parameter.ParameterType == typeof(TaskOrchestrationContext) ? context : input;
                return true;
            });

        private static bool IsInput(ParameterInfo parameter) => parameter.ParameterType != typeof(TaskOrchestrationContext);
    }

    private sealed class FunctionActivity(DurableFunction function, IServiceProvider services, FunctionInvocations invocations) : ITaskActivity
    {
        public Type InputType => function.Trigger.ParameterType;

        public Type OutputType => OutputOf(function.Method);

        public Task<object?> RunAsync(TaskActivityContext context, object? input) =>
            FunctionInvoker.InvokeAsync(function.Name, function.Method, services, invocations, (ParameterInfo parameter, out object? value) =>
            {
                value = parameter.Position == function.Trigger.Position ? input
                    : parameter.ParameterType == typeof(TaskActivityContext) ? context
                    : null;
                return parameter.Position == function.Trigger.Position || value is not null;
            });
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public static readonly EmptyServices Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}
