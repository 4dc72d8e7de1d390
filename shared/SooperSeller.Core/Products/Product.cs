namespace SooperSeller.Core.Products;

/// <summary>
/// A product of one of the merchant's stores, in <c>inventory</c>. <see cref="Shopify"/> is Shopify-owned and replaced
/// by newer Shopify data under the same convergence rules as orders (<see cref="Orders.SyncVersion"/>); costs and stock
/// are SooperSeller's and live in their own documents, so product sync can never overwrite them.
/// </summary>
public sealed record Product
{
    /// <summary><c>product_{storeId}_{shopifyProductId}</c>.</summary>
    public required string Id { get; init; }

    public required string StoreId { get; init; }

    public required long ShopifyProductId { get; init; }

    /// <summary>Null for a tombstone.</summary>
    public ShopifyProduct? Shopify { get; init; }

    /// <summary>When Shopify deleted the product (the delete webhook's trigger time).</summary>
    public DateTimeOffset? DeletedAt { get; init; }

    public string? Version { get; init; }

    public static string IdOf(string storeId, long shopifyProductId) => $"product_{storeId}_{shopifyProductId}";

    public static Product Empty(string storeId, long shopifyProductId) =>
        new() { Id = IdOf(storeId, shopifyProductId), StoreId = storeId, ShopifyProductId = shopifyProductId };
}
