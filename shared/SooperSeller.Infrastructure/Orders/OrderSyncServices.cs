using Microsoft.Extensions.DependencyInjection;
using SooperSeller.Core.Orders;
using SooperSeller.Core.Products;
using SooperSeller.Core.Stores.Webhooks;
using SooperSeller.Infrastructure.Products;

namespace SooperSeller.Infrastructure.Orders;

/// <summary>Order and product sync from Shopify webhooks, and the personal-data primitives redaction calls.</summary>
public static class OrderSyncServices
{
    public static IServiceCollection AddOrderSync(this IServiceCollection services)
    {
        services.AddSingleton<IOrders, CosmosOrders>();
        services.AddSingleton<IOrderSyncSettingsStore, CosmosOrderSyncSettings>();
        services.AddSingleton<IProducts, CosmosProducts>();
        services.AddSingleton<SyncOrder>();
        services.AddSingleton<SyncProduct>();
        services.AddSingleton<CustomerOrderData>();
        services.AddSingleton<IShopifyWebhookHandler, ShopifyOrderWebhooks>();
        services.AddSingleton<IShopifyWebhookHandler, ShopifyProductWebhooks>();
        return services;
    }
}
