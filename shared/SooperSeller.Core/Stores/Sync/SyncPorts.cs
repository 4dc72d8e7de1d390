using SooperSeller.Core.Orders;
using SooperSeller.Core.Products;
using SooperSeller.Core.Tenancy;

namespace SooperSeller.Core.Stores.Sync;

/// <summary>What the incremental sync pages through: orders or products, each with a watermark of its own.</summary>
public enum SyncResource
{
    Orders,
    Products,
}

/// <summary>
/// Per store and resource, the greatest Shopify <c>updated_at</c> the incremental sync has applied (a Table row per
/// store in the merchant's partition). Small keyed state, so it lives in Tables, not Cosmos (architecture section 4).
/// </summary>
public interface ISyncWatermarks
{
    Task<DateTimeOffset?> GetAsync(MerchantId merchantId, string storeId, SyncResource resource, CancellationToken cancellationToken);

    /// <summary>Stores the watermark (an upsert; the caller only ever moves it forward).</summary>
    Task SaveAsync(MerchantId merchantId, string storeId, SyncResource resource, DateTimeOffset watermark, CancellationToken cancellationToken);
}

/// <summary>Queues a store's incremental sync (a message kind of its own, apart from the set-up and the backfill).</summary>
public interface IStoreSyncWork
{
    Task EnqueueSyncAsync(MerchantId merchantId, string storeId, CancellationToken cancellationToken);
}

/// <summary>
/// One changed order as read from Shopify: mapped, or not mappable (<see cref="Failure"/> says why in plain words,
/// never with the order's data). <see cref="UpdatedAt"/> is null only when Shopify's own field could not be read.
/// </summary>
public sealed record ChangedOrder(long ShopifyOrderId, DateTimeOffset? UpdatedAt, ShopifyOrder? Order, string? Failure);

/// <summary>One changed product as read from Shopify, mapped or with the reason it could not be.</summary>
public sealed record ChangedProduct(long ShopifyProductId, DateTimeOffset? UpdatedAt, ShopifyProduct? Product, string? Failure);

/// <summary>
/// Shopify's records changed since a time, oldest change first, one page at a time (so the caller can apply a page
/// and advance its watermark before the next is fetched). Implemented in SooperSeller.Shopify over the Admin GraphQL
/// API (<c>updated_at:&gt;=</c>, sort key <c>UPDATED_AT</c>); tokens stay there.
/// </summary>
public interface IShopifyChangeFeed
{
    /// <param name="settings">The merchant's COD gateway names: <see cref="ShopifyOrder.IsCod"/> is computed with them.</param>
    IAsyncEnumerable<IReadOnlyList<ChangedOrder>> OrdersChangedSinceAsync(string shopDomain, DateTimeOffset since, OrderSyncSettings settings, CancellationToken cancellationToken);

    IAsyncEnumerable<IReadOnlyList<ChangedProduct>> ProductsChangedSinceAsync(string shopDomain, DateTimeOffset since, CancellationToken cancellationToken);
}
