using SooperSeller.Functions.Http;

namespace SooperSeller.DevHost.Hosting;

/// <summary>The DevHost's counterpart of the Functions app's worker middleware: the same exception map.</summary>
internal sealed class ProblemDetailsMiddleware(RequestDelegate next, ILogger<ProblemDetailsMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception exception)
        {
            await ProblemDetailsWriter.WriteAsync(context, exception, logger);
        }
    }
}
