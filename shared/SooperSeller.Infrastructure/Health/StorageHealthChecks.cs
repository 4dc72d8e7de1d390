using Microsoft.Extensions.Diagnostics.HealthChecks;
using SooperSeller.Infrastructure.Storage;

namespace SooperSeller.Infrastructure.Health;

/// <summary>Blob service round trip: reads the account's blob service properties.</summary>
internal sealed class BlobHealthCheck(StorageClients storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await storage.Blobs.GetPropertiesAsync(cancellationToken);
        return HealthCheckResult.Healthy();
    }
}

/// <summary>Queue service round trip: reads the account's queue service properties.</summary>
internal sealed class QueueHealthCheck(StorageClients storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await storage.Queues.GetPropertiesAsync(cancellationToken);
        return HealthCheckResult.Healthy();
    }
}

/// <summary>Table service round trip: lists at most one table.</summary>
internal sealed class TableHealthCheck(StorageClients storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await foreach (var page in storage.Tables.QueryAsync(maxPerPage: 1, cancellationToken: cancellationToken).AsPages(pageSizeHint: 1))
        {
            _ = page;
            break;
        }

        return HealthCheckResult.Healthy();
    }
}
