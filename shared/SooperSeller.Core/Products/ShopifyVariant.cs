namespace SooperSeller.Core.Products;

/// <summary>
/// One variant: what inventory and order lines match on (SKU, barcode, variant and inventory item ids). Prices are in
/// minor units of the shop's currency; product payloads carry no currency, and Shopify formats them with 2 decimals.
/// </summary>
public sealed record ShopifyVariant(
    long Id,
    string? Title,
    string? Sku,
    string? Barcode,
    long Price,
    long? CompareAtPrice,
    long? InventoryItemId,
    int Position);
