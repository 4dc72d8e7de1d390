using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SooperSeller.Core.Accounts.Authentication;
using SooperSeller.Functions.Http;

namespace SooperSeller.Functions.Platform;

/// <summary><c>GET /api/health</c>: a real round trip to each dependency; 503 naming the ones that failed.</summary>
public sealed class GetHealth(HealthCheckService healthChecks)
{
    [Function(nameof(GetHealth))]
    [Anonymous]
    [Responds(StatusCodes.Status200OK, typeof(HealthResponse)), Responds(StatusCodes.Status503ServiceUnavailable, typeof(HealthResponse), Description = "A dependency failed; it is marked unhealthy.")]
    public async Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var health = HealthResponse.From(await healthChecks.CheckHealthAsync(cancellationToken));
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return TypedResults.Json(health, statusCode: health.IsHealthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}
