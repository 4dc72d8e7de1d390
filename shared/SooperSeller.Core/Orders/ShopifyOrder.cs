namespace SooperSeller.Core.Orders;

/// <summary>
/// The Shopify-owned part of an order: exactly what the latest Shopify payload said, replaced whole by newer Shopify data
/// and never edited by SooperSeller (our own edits live in <see cref="OrderInternal"/>).
/// </summary>
/// <param name="Number">Shopify's <c>order_number</c> (1001…); <see cref="Name"/> is its display form (#1001).</param>
/// <param name="IsCod">By <see cref="CodRule"/> with the merchant's settings at the time of sync.</param>
/// <param name="Note">The customer's order note; free text that often carries a phone or address, so redaction removes it.</param>
/// <param name="CustomerId">Shopify's customer id; it points at a person, so redaction removes it.</param>
/// <param name="Shipping">Null when the order has none or protected customer data is not approved.</param>
public sealed record ShopifyOrder(
    string Name,
    long Number,
    string? FinancialStatus,
    string? FulfillmentStatus,
    OrderTotals Totals,
    IReadOnlyList<string> PaymentGatewayNames,
    bool IsCod,
    IReadOnlyList<string> Tags,
    string? Note,
    bool Test,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? CancelledAt,
    string? CancelReason,
    IReadOnlyList<OrderLineItem> LineItems,
    long? CustomerId,
    ShippingDetails? Shipping);
