using SooperSeller.Core.Errors;
using SooperSeller.Core.Products;
using SooperSeller.Core.Tenancy;
using SooperSeller.Infrastructure.Cosmos;

namespace SooperSeller.Infrastructure.Products;

/// <summary>Products as <c>product_{storeId}_{shopifyProductId}</c> in the merchant's partition of <c>inventory</c>.</summary>
public sealed class CosmosProducts(TenantStore store) : IProducts
{
    private TenantContainer Container => store.For(TenantContainers.Inventory);

    public async Task<Product?> FindAsync(MerchantId merchantId, string productId, CancellationToken cancellationToken) =>
        (await Container.ReadAsync<ProductDocument>(merchantId, productId, cancellationToken))?.ToProduct();

    public async Task<bool> TryCreateAsync(MerchantId merchantId, Product product, CancellationToken cancellationToken) =>
        await Container.TryCreateAsync(merchantId, ProductDocument.Of(product), cancellationToken) is not null;

    public async Task<bool> TryReplaceAsync(MerchantId merchantId, Product product, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(product);
        ArgumentException.ThrowIfNullOrEmpty(product.Version);
        return await Container.TryReplaceAsync(merchantId, ProductDocument.Of(product), product.Version, cancellationToken) is not null;
    }

    private sealed record ProductDocument : TenantDocument
    {
        public string StoreId { get; init; } = string.Empty;

        public long ShopifyProductId { get; init; }

        public ShopifyProduct? Shopify { get; init; }

        public DateTimeOffset? DeletedAt { get; init; }

        public static ProductDocument Of(Product product) => new()
        {
            Id = product.Id,
            StoreId = product.StoreId,
            ShopifyProductId = product.ShopifyProductId,
            Shopify = product.Shopify,
            DeletedAt = product.DeletedAt,
        };

        public Product ToProduct() => new()
        {
            Id = Id,
            StoreId = StoreId,
            ShopifyProductId = ShopifyProductId,
            Shopify = Shopify,
            DeletedAt = DeletedAt,
            Version = ETag,
        };
    }
}
