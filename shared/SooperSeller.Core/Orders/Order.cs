namespace SooperSeller.Core.Orders;

/// <summary>
/// An order of one of the merchant's stores, as SooperSeller keeps it. Field ownership:
/// <list type="bullet">
/// <item><see cref="Shopify"/> is Shopify-owned: replaced whole by newer Shopify data (<see cref="SyncOrder"/>), else untouched.</item>
/// <item><see cref="Internal"/> is SooperSeller-owned (status, notes, tags, shipping corrections): Shopify sync never writes it.</item>
/// <item><see cref="DeletedAt"/>, <see cref="RedactedAt"/> and <see cref="Search"/> are bookkeeping kept by sync and redaction.</item>
/// </list>
/// </summary>
public sealed record Order
{
    /// <summary>The document id, <c>order_{storeId}_{shopifyOrderId}</c>: unique across the merchant's stores.</summary>
    public required string Id { get; init; }

    public required string StoreId { get; init; }

    public required long ShopifyOrderId { get; init; }

    /// <summary>Shopify's latest content; null for a tombstone or for a redaction placeholder not yet synced.</summary>
    public ShopifyOrder? Shopify { get; init; }

    /// <summary>When Shopify deleted the order (the delete webhook's trigger time): a tombstone no older payload can lift.</summary>
    public DateTimeOffset? DeletedAt { get; init; }

    /// <summary>When the customer's data was erased; from then on sync drops every personal field Shopify sends.</summary>
    public DateTimeOffset? RedactedAt { get; init; }

    public OrderInternal Internal { get; init; } = OrderInternal.Empty;

    /// <summary>Derived from the effective shipping details, for search; erased with them.</summary>
    public OrderSearchFields? Search { get; init; }

    /// <summary>The stored document's ETag: a write with it succeeds only if nobody wrote in between.</summary>
    public string? Version { get; init; }

    /// <summary>Shopify's shipping details with SooperSeller's corrections laid over them: what couriers get.</summary>
    public ShippingDetails? EffectiveShipping =>
        Shopify is null ? null
        : Internal.Corrections is { } corrections ? corrections.ApplyTo(Shopify.Shipping)
        : Shopify.Shipping;

    public static string IdOf(string storeId, long shopifyOrderId) => $"order_{storeId}_{shopifyOrderId}";

    /// <summary>A new, empty order record (no Shopify content yet).</summary>
    public static Order Empty(string storeId, long shopifyOrderId) =>
        new() { Id = IdOf(storeId, shopifyOrderId), StoreId = storeId, ShopifyOrderId = shopifyOrderId };

    /// <summary>The same order with <see cref="Search"/> derived afresh from Shopify's shipping details and our corrections.</summary>
    public Order WithSearchFields() => this with { Search = Shopify is null ? null : OrderSearchFields.From(Shopify.Shipping, Internal.Corrections) };
}
