using System.Globalization;
using System.Text.Json;
using SooperSeller.Core.Orders;
using SooperSeller.Core.Products;
using SooperSeller.Shopify.Orders;

namespace SooperSeller.Shopify.Sync;

/// <summary>
/// Maps a GraphQL <c>Product</c> node (the fields of <c>Documents/SyncProducts.graphql</c>) and its variant nodes to
/// Core's <see cref="ShopifyProduct"/>, exactly as <see cref="ShopifyProductPayload"/> maps the REST webhook payload of
/// the same product: product sync compares by content, so a difference would make every repair rewrite every product.
/// So: status in lower case, variant prices in minor units with 2 decimals (the payload names no currency), legacy ids,
/// variants ordered by position then id.
/// </summary>
public static class ShopifyProductNodes
{
    private const string PriceCurrency = "PKR";

    public static ShopifyProduct ToShopifyProduct(JsonElement product, IReadOnlyList<JsonElement> variants)
    {
        ArgumentNullException.ThrowIfNull(variants);
        return new ShopifyProduct(
            Text(product, "title") ?? string.Empty,
            Text(product, "handle"),
            Text(product, "status")?.ToLowerInvariant(),
            Text(product, "vendor"),
            Text(product, "productType"),
            product.TryGetProperty("tags", out var tags) && tags.ValueKind == JsonValueKind.Array
                ? [.. tags.EnumerateArray().Select(t => t.GetString()?.Trim()).Where(t => !string.IsNullOrEmpty(t)).Select(t => t!)]
                : [],
            Time(product, "createdAt") ?? throw new FormatException("The product has no createdAt."),
            Time(product, "updatedAt") ?? throw new FormatException("The product has no updatedAt."),
            [.. variants.Select(Variant).OrderBy(v => v.Position).ThenBy(v => v.Id)]);
    }

    private static ShopifyVariant Variant(JsonElement variant) => new(
        ShopifyOrderNodes.LegacyIdOf(Raw(variant, "id") ?? throw new FormatException("A variant has no id.")),
        Text(variant, "title"),
        Text(variant, "sku"),
        Text(variant, "barcode"),
        Raw(variant, "price") is { } price ? MinorUnits.Parse(price, PriceCurrency) : 0,
        Raw(variant, "compareAtPrice") is { } compareAt ? MinorUnits.Parse(compareAt, PriceCurrency) : null,
        variant.TryGetProperty("inventoryItem", out var item) && Raw(item, "legacyResourceId") is { } itemId
            ? long.Parse(itemId, NumberStyles.None, CultureInfo.InvariantCulture)
            : null,
        variant.TryGetProperty("position", out var position) && position.ValueKind == JsonValueKind.Number ? position.GetInt32() : 0);

    private static string? Raw(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;

    private static string? Text(JsonElement element, string name) =>
        Raw(element, name) is { } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    private static DateTimeOffset? Time(JsonElement element, string name) =>
        Raw(element, name) is { } text ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind) : null;
}
