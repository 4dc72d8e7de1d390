using Microsoft.Extensions.Diagnostics.HealthChecks;
using SooperSeller.Infrastructure.Cosmos;

namespace SooperSeller.Infrastructure.Health;

/// <summary>Cosmos round trip: reads the database's properties.</summary>
internal sealed class CosmosHealthCheck(TenantStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await store.PingAsync(cancellationToken);
        return HealthCheckResult.Healthy();
    }
}
