using SooperSeller.Core.Orders;
using SooperSeller.Core.Tenancy;

namespace SooperSeller.Core.Stores.Backfill;

/// <summary>Where a Shopify bulk operation stands, as far as the backfill cares.</summary>
public enum BulkOperationState
{
    Running,
    Completed,

    /// <summary>Failed, cancelled or expired (its result is gone after 7 days): a new bulk operation is needed.</summary>
    Failed,
}

/// <summary>
/// One order read from the bulk result: mapped with its line items, or not mappable (<see cref="Failure"/> says why in
/// plain words, never with the order's data).
/// </summary>
public sealed record BulkOrder(long ShopifyOrderId, ShopifyOrder? Order, string? Failure);

/// <summary>
/// The orders bulk query (implemented in SooperSeller.Shopify over <c>bulkOperationRunQuery</c>; tokens and the signed
/// result URL stay there, so neither reaches Core, a checkpoint or the durable history).
/// </summary>
public interface IShopifyBulkOrders
{
    /// <summary>Starts the bulk query for orders created at or after <paramref name="since"/>; returns the operation's GID.</summary>
    Task<string> StartAsync(string shopDomain, DateTimeOffset since, CancellationToken cancellationToken);

    Task<BulkOperationState> GetStateAsync(string shopDomain, string bulkOperationId, CancellationToken cancellationToken);

    /// <summary>
    /// Streams the completed operation's orders in ascending id order, each with its line items, skipping those with an id
    /// up to <paramref name="afterOrderId"/> (already applied before a restart); memory stays flat whatever the file's size.
    /// </summary>
    IAsyncEnumerable<BulkOrder> ReadOrdersAsync(string shopDomain, string bulkOperationId, long afterOrderId, OrderSyncSettings settings, CancellationToken cancellationToken);
}

/// <summary>How many orders of a store SooperSeller holds (one COUNT query; tombstones excluded).</summary>
public interface IStoreOrderCounts
{
    Task<long> CountAsync(MerchantId merchantId, string storeId, CancellationToken cancellationToken);
}

/// <summary>Tells a running backfill that its bulk operation finished (Shopify's <c>bulk_operations/finish</c>), so it need not wait for its next poll.</summary>
public interface IBackfillSignals
{
    Task BulkOperationFinishedAsync(MerchantId merchantId, string storeId, string bulkOperationId, CancellationToken cancellationToken);
}
