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
    /// <summary>
    /// Whether requests to <paramref name="function"/> are recorded: all but <c>[ShopifyHmac]</c> ones. Usage data is
    /// about people using the API; webhook deliveries come from Shopify's servers, at hundreds a second at peak, and
    /// a usage write each would double the Cosmos writes of ingestion (measured: the DevHost then tops out near 150
    /// deliveries a second instead of sustaining 200). Each delivery is traceable by its ids in the de-duplication table.
    /// </summary>
    public static bool RecordsUsage(System.Reflection.MethodInfo function) =>
        Auth.RequestAuthenticator.KindOf(function) is not SooperSeller.Core.Accounts.Authentication.ShopifyHmacAttribute;

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
