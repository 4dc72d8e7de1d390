using SooperSeller.Core.Errors;
using SooperSeller.Core.Tenancy;

namespace SooperSeller.Core.Orders;

/// <summary>
/// Applies one Shopify order event (content or delete) by the rules of <see cref="OrderSync"/>: one read, then one
/// conditional write (create-only, or replace on the ETag read). A racing writer makes the write fail; we read again and
/// decide again, so concurrent deliveries of one order converge too.
/// </summary>
public sealed class SyncOrder(IOrders orders)
{
    internal const int MaxAttempts = 8;

    /// <summary>Applies a create/update/cancel payload's content; true when something was written.</summary>
    public Task<bool> ApplyContentAsync(MerchantId merchantId, string storeId, long shopifyOrderId, ShopifyOrder content, CancellationToken cancellationToken) =>
        ApplyAsync(merchantId, storeId, shopifyOrderId, stored => OrderSync.ApplyContent(stored, storeId, shopifyOrderId, content), cancellationToken);

    /// <summary>Applies Shopify's delete (at the webhook's trigger time); true when something was written.</summary>
    public Task<bool> ApplyDeleteAsync(MerchantId merchantId, string storeId, long shopifyOrderId, DateTimeOffset deletedAt, CancellationToken cancellationToken) =>
        ApplyAsync(merchantId, storeId, shopifyOrderId, stored => OrderSync.ApplyDelete(stored, storeId, shopifyOrderId, deletedAt), cancellationToken);

    /// <summary>Reads, changes and writes one order with its ETag, again on a racing write; true when something was written.</summary>
    public async Task<bool> UpdateAsync(MerchantId merchantId, string orderId, Func<Order?, Order?> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var stored = await orders.FindAsync(merchantId, orderId, cancellationToken);
            if (change(stored) is not { } next)
            {
                return false;
            }

            var written = stored is null
                ? await orders.TryCreateAsync(merchantId, next, cancellationToken)
                : await orders.TryReplaceAsync(merchantId, next with { Version = stored.Version }, cancellationToken);
            if (written)
            {
                return true;
            }
        }

        throw new ConflictException("The order kept changing while it was being written; the message will be retried.");
    }

    private Task<bool> ApplyAsync(MerchantId merchantId, string storeId, long shopifyOrderId, Func<Order?, Order?> change, CancellationToken cancellationToken) =>
        UpdateAsync(merchantId, Order.IdOf(storeId, shopifyOrderId), change, cancellationToken);
}
