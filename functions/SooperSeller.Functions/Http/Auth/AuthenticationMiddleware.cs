using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace SooperSeller.Functions.Http.Auth;

/// <summary>The Functions app's hook for <see cref="RequestAuthenticator"/>: runs before every HTTP function.</summary>
internal sealed class AuthenticationMiddleware(RequestAuthenticator authenticator) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (context.GetHttpContext() is { } httpContext)
        {
            var method = FunctionMethods.Resolve(context.FunctionDefinition.EntryPoint)
                ?? throw new InvalidOperationException($"No method behind function {context.FunctionDefinition.Name}.");
            await authenticator.AuthenticateAsync(httpContext, method);
        }

        await next(context);
    }
}
