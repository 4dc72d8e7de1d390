using SooperSeller.Core.Errors;
using SooperSeller.Core.Orders;
using SooperSeller.Core.Tenancy;

namespace SooperSeller.Core.Products;

/// <summary>
/// Applies Shopify product events with the order rules (<see cref="SyncVersion"/>: latest <c>updated_at</c> wins, a
/// delete wins ties, equal times broken by content hash): one read, one conditional write, again on a race.
/// </summary>
public sealed class SyncProduct(IProducts products)
{
    public static SyncVersion? VersionOf(Product? stored) =>
        stored?.DeletedAt is { } deletedAt ? SyncVersion.Delete(deletedAt)
        : stored?.Shopify is { } shopify ? SyncVersion.Content(shopify.UpdatedAt, SyncVersion.HashOf(shopify))
        : null;

    public static Product? ApplyContent(Product? stored, string storeId, long shopifyProductId, ShopifyProduct content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return SyncVersion.Content(content.UpdatedAt, SyncVersion.HashOf(content)).Supersedes(VersionOf(stored))
            ? (stored ?? Product.Empty(storeId, shopifyProductId)) with { Shopify = content, DeletedAt = null }
            : null;
    }

    public static Product? ApplyDelete(Product? stored, string storeId, long shopifyProductId, DateTimeOffset deletedAt) =>
        SyncVersion.Delete(deletedAt).Supersedes(VersionOf(stored))
            ? (stored ?? Product.Empty(storeId, shopifyProductId)) with { Shopify = null, DeletedAt = deletedAt }
            : null;

    public Task<bool> ApplyContentAsync(MerchantId merchantId, string storeId, long shopifyProductId, ShopifyProduct content, CancellationToken cancellationToken) =>
        ApplyAsync(merchantId, Product.IdOf(storeId, shopifyProductId), stored => ApplyContent(stored, storeId, shopifyProductId, content), cancellationToken);

    public Task<bool> ApplyDeleteAsync(MerchantId merchantId, string storeId, long shopifyProductId, DateTimeOffset deletedAt, CancellationToken cancellationToken) =>
        ApplyAsync(merchantId, Product.IdOf(storeId, shopifyProductId), stored => ApplyDelete(stored, storeId, shopifyProductId, deletedAt), cancellationToken);

    private async Task<bool> ApplyAsync(MerchantId merchantId, string productId, Func<Product?, Product?> change, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < SyncOrder.MaxAttempts; attempt++)
        {
            var stored = await products.FindAsync(merchantId, productId, cancellationToken);
            if (change(stored) is not { } next)
            {
                return false;
            }

            var written = stored is null
                ? await products.TryCreateAsync(merchantId, next, cancellationToken)
                : await products.TryReplaceAsync(merchantId, next with { Version = stored.Version }, cancellationToken);
            if (written)
            {
                return true;
            }
        }

        throw new ConflictException("The product kept changing while it was being written; the message will be retried.");
    }
}
