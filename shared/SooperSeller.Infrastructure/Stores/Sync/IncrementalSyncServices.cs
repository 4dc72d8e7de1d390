using Microsoft.Extensions.DependencyInjection;
using SooperSeller.Core.Stores.Sync;
using SooperSeller.Shopify.Sync;

namespace SooperSeller.Infrastructure.Stores.Sync;

/// <summary>The incremental (repair) sync: its handler, watermarks, queue and Shopify change feed.</summary>
public static class IncrementalSyncServices
{
    public static IServiceCollection AddIncrementalSync(this IServiceCollection services)
    {
        services.AddSingleton<ISyncWatermarks, TableSyncWatermarks>();
        services.AddSingleton<IStoreSyncWork, QueueStoreSync>();
        services.AddTransient<IShopifyChangeFeed, ShopifyChangeFeed>();
        services.AddTransient<IncrementalSyncHandler>();
        return services;
    }
}
