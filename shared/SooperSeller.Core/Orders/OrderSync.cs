namespace SooperSeller.Core.Orders;

/// <summary>The pure convergence rules for orders (<see cref="SyncVersion"/>); the use case only reads and writes.</summary>
public static class OrderSync
{
    /// <summary>The version of what the stored order came from; null when no Shopify event has been applied.</summary>
    public static SyncVersion? VersionOf(Order? stored) =>
        stored?.DeletedAt is { } deletedAt ? SyncVersion.Delete(deletedAt)
        : stored?.Shopify is { } shopify ? SyncVersion.Content(shopify.UpdatedAt, HashOf(shopify))
        : null;

    /// <summary>
    /// The order after applying Shopify content, or null when the stored order is as new or newer (nothing to write).
    /// A redacted order takes the content without its personal fields.
    /// </summary>
    public static Order? ApplyContent(Order? stored, string storeId, long shopifyOrderId, ShopifyOrder incoming)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        var basis = stored ?? Order.Empty(storeId, shopifyOrderId);
        var content = basis.RedactedAt is null ? incoming : OrderRedaction.Strip(incoming);
        if (!SyncVersion.Content(content.UpdatedAt, HashOf(content)).Supersedes(VersionOf(stored)))
        {
            return null;
        }

        return (basis with { Shopify = content, DeletedAt = null }).WithSearchFields();
    }

    /// <summary>The order as a tombstone of Shopify's delete, or null when a newer event is already stored.</summary>
    public static Order? ApplyDelete(Order? stored, string storeId, long shopifyOrderId, DateTimeOffset deletedAt)
    {
        if (!SyncVersion.Delete(deletedAt).Supersedes(VersionOf(stored)))
        {
            return null;
        }

        var basis = stored ?? Order.Empty(storeId, shopifyOrderId);
        return (basis with { Shopify = null, DeletedAt = deletedAt }).WithSearchFields();
    }

    // IsCod follows the merchant's settings, not Shopify's content: it takes no part in the tie-break.
    public static string HashOf(ShopifyOrder content) => SyncVersion.HashOf(content with { IsCod = false });
}
