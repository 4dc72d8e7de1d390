namespace SooperSeller.Core.Products;

/// <summary>The Shopify-owned content of a product, replaced whole by newer Shopify data.</summary>
/// <param name="Status">active, draft, archived or unlisted (Shopify's, lower case).</param>
public sealed record ShopifyProduct(
    string Title,
    string? Handle,
    string? Status,
    string? Vendor,
    string? ProductType,
    IReadOnlyList<string> Tags,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<ShopifyVariant> Variants);
