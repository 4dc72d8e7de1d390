using System.Reflection;
using System.Runtime.ExceptionServices;

namespace SooperSeller.DevHost.Hosting;

/// <summary>
/// Calls a function method as the Functions worker does: its class created per invocation with constructor injection
/// from the invocation's service scope, each parameter bound by the trigger or else resolved from DI, the result awaited.
/// </summary>
internal static class FunctionInvoker
{
    /// <param name="name">The function's name, under which <see cref="FunctionInvocations"/> counts the run.</param>
    /// <param name="bind">Binds the parameters the trigger provides; returns false for those to resolve from DI.</param>
    public static async Task<object?> InvokeAsync(string name, MethodInfo method, IServiceProvider services, FunctionInvocations invocations, BindParameter bind)
    {
        try
        {
            var result = await InvokeAsync(method, services, bind);
            invocations.Record(name, succeeded: true);
            return result;
        }
        catch
        {
            invocations.Record(name, succeeded: false);
            throw;
        }
    }

    private static async Task<object?> InvokeAsync(MethodInfo method, IServiceProvider services, BindParameter bind)
    {
        var target = method.IsStatic ? null : ActivatorUtilities.CreateInstance(services, method.DeclaringType!);
        try
        {
            var arguments = method.GetParameters().Select(p => bind(p, out var value) ? value : Resolve(p, services)).ToArray();
            object? returned;
            try
            {
                returned = method.Invoke(target, arguments);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                ExceptionDispatchInfo.Throw(e.InnerException);
                throw;
            }

            return await AwaitResultAsync(method.ReturnType, returned);
        }
        finally
        {
            switch (target)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }

    private static object? Resolve(ParameterInfo parameter, IServiceProvider services) =>
        services.GetService(parameter.ParameterType)
        ?? (parameter.HasDefaultValue
            ? parameter.DefaultValue
            : throw new InvalidOperationException($"Cannot bind parameter '{parameter.Name}' ({parameter.ParameterType.Name}) of {parameter.Member.DeclaringType?.Name}.{parameter.Member.Name}."));

    private static async Task<object?> AwaitResultAsync(Type returnType, object? returned)
    {
        switch (returned)
        {
            case Task task:
                await task;
                return returnType.IsGenericType ? returnType.GetProperty(nameof(Task<object>.Result))!.GetValue(task) : null;
            case ValueTask valueTask:
                await valueTask;
                return null;
            default:
                if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(ValueTask<>))
                {
                    var asTask = (Task)returnType.GetMethod(nameof(ValueTask<object>.AsTask))!.Invoke(returned, null)!;
                    return await AwaitResultAsync(asTask.GetType(), asTask);
                }

                return returned;
        }
    }
}

/// <summary>Binds one parameter from the trigger; false leaves it to dependency injection.</summary>
internal delegate bool BindParameter(ParameterInfo parameter, out object? value);
