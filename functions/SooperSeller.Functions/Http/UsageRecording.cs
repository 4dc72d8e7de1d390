using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SooperSeller.Core.Activity;
using SooperSeller.Functions.Http.Auth;

namespace SooperSeller.Functions.Http;

/// <summary>
/// Records every API request's usage event once the response is complete (so its final status counts and the caller
/// waits for nothing), in both hosts. Best effort: a failed write is logged, never turned into a failed request.
/// </summary>
public static partial class UsageRecording
{
    public static void RecordWhenCompleted(HttpContext context, string routeTemplate)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.RequestServices;
        var at = services.GetRequiredService<TimeProvider>().GetUtcNow();
        context.Response.OnCompleted(async () =>
        {
            var caller = context.Features.Get<Caller>();
            var usage = new UsageEvent(
                at,
                ClientAddress.Of(context),
                context.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent : null,
                context.Request.Method,
                routeTemplate,
                context.Response.StatusCode,
                caller?.MerchantId,
                caller?.UserId);
            try
            {
                await services.GetRequiredService<IUsageLog>().RecordAsync(usage, CancellationToken.None);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                Log.NotRecorded(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(UsageRecording)), routeTemplate, exception.GetType().Name);
            }
        });
    }

    private static partial class Log
    {
        [LoggerMessage(LogLevel.Warning, "Usage of {RouteTemplate} not recorded: {ExceptionType}")]
        public static partial void NotRecorded(ILogger logger, string routeTemplate, string exceptionType);
    }
}
