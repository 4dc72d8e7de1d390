using System.Text.Json;
using SooperSeller.Core.Orders;

namespace SooperSeller.Core.Products;

/// <summary>Maps Shopify's REST product JSON (products/create, products/update) to <see cref="ShopifyProduct"/>.</summary>
public static class ShopifyProductPayload
{
    /// <summary>Product prices: minor units with 2 decimals, as Shopify formats them (the payload names no currency).</summary>
    private const string PriceCurrency = "PKR";

    /// <summary>The product's id, all products/delete carries.</summary>
    public static long IdOf(ReadOnlyMemory<byte> payload)
    {
        using var document = JsonDocument.Parse(payload);
        return document.RootElement.RequiredLong("id");
    }

    public static (long ShopifyProductId, ShopifyProduct Product) Parse(ReadOnlyMemory<byte> payload)
    {
        using var document = JsonDocument.Parse(payload);
        var root = document.RootElement;
        var product = new ShopifyProduct(
            root.Text("title") ?? string.Empty,
            root.Text("handle"),
            root.Text("status"),
            root.Text("vendor"),
            root.Text("product_type"),
            root.Tags("tags"),
            root.RequiredTime("created_at"),
            root.RequiredTime("updated_at"),
            [.. root.Array("variants").Select(Variant).OrderBy(v => v.Position).ThenBy(v => v.Id)]);
        return (root.RequiredLong("id"), product);
    }

    private static ShopifyVariant Variant(JsonElement variant) => new(
        variant.RequiredLong("id"),
        variant.Text("title"),
        variant.Text("sku"),
        variant.Text("barcode"),
        variant.String("price") is { } price ? MinorUnits.Parse(price, PriceCurrency) : 0,
        variant.String("compare_at_price") is { } compareAt ? MinorUnits.Parse(compareAt, PriceCurrency) : null,
        variant.Long("inventory_item_id"),
        (int)(variant.Long("position") ?? 0));
}
