using Microsoft.Extensions.DependencyInjection;
using SooperSeller.Core.Stores.Backfill;
using SooperSeller.Core.Stores.Webhooks;
using SooperSeller.Shopify.Orders;

namespace SooperSeller.Infrastructure.Stores.Backfill;

/// <summary>The backfill: its handler, checkpoints, order counts, the bulk_operations/finish signal and the Shopify bulk query.</summary>
public static class BackfillServices
{
    public static IServiceCollection AddBackfill(this IServiceCollection services)
    {
        services.AddSingleton<IBackfillCheckpoints, TableBackfillCheckpoints>();
        services.AddSingleton<IStoreOrderCounts, CosmosStoreOrderCounts>();
        services.AddSingleton<IBackfillSignals, QueueBackfillSignals>();
        services.AddTransient<IShopifyBulkOrders, ShopifyBulkOrders>();
        services.AddTransient<BackfillHandler>();
        services.AddTransient<IShopifyWebhookHandler, BulkOperationFinishedHandler>();
        return services;
    }
}
