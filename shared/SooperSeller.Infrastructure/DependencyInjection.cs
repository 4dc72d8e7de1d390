using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SooperSeller.Infrastructure.Cosmos;
using SooperSeller.Infrastructure.Health;
using SooperSeller.Infrastructure.Storage;

namespace SooperSeller.Infrastructure;

public static class DependencyInjection
{
    /// <summary>How long one dependency may take to answer the health probe before it counts as unhealthy.</summary>
    public static readonly TimeSpan HealthCheckTimeout = TimeSpan.FromSeconds(3);

    /// <summary>Registers the adapters both hosts share: Cosmos (the tenant data base), Storage, and their health probes.</summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);

        services.AddOptions<CosmosOptions>()
            .BindConfiguration(CosmosOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<TenantStore>();
        services.AddSingleton(_ => StorageClients.FromConfiguration(configuration));

        services.AddHealthChecks()
            .AddCheck<CosmosHealthCheck>("cosmos", timeout: HealthCheckTimeout)
            .AddCheck<BlobHealthCheck>("blob", timeout: HealthCheckTimeout)
            .AddCheck<QueueHealthCheck>("queue", timeout: HealthCheckTimeout)
            .AddCheck<TableHealthCheck>("table", timeout: HealthCheckTimeout);
        return services;
    }
}
