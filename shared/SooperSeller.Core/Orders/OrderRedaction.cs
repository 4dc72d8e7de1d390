namespace SooperSeller.Core.Orders;

/// <summary>
/// What redaction erases from an order: the shipping details (name, address, phone raw and E.164, email), the customer
/// id, the order note (free text that often holds a phone or address), SooperSeller's shipping corrections and the
/// derived search fields. Amounts, line items (SKU, title, quantity, prices), statuses and dates stay: the merchant's
/// books need them and they identify nobody.
/// </summary>
public static class OrderRedaction
{
    /// <summary>Shopify content without its personal fields.</summary>
    public static ShopifyOrder Strip(ShopifyOrder content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return content with { Shipping = null, CustomerId = null, Note = null };
    }

    /// <summary>The order erased and marked redacted, or null when it already is (idempotent).</summary>
    public static Order? Anonymise(Order order, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.RedactedAt is not null && IsErased(order))
        {
            return null;
        }

        return (order with
        {
            Shopify = order.Shopify is null ? null : Strip(order.Shopify),
            Internal = order.Internal with { Corrections = null },
            RedactedAt = order.RedactedAt ?? now,
        }).WithSearchFields();
    }

    /// <summary>True when the order holds no personal field.</summary>
    public static bool IsErased(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order.Shopify is null or { Shipping: null, CustomerId: null, Note: null }
            && order.Internal.Corrections is null
            && order.Search is null;
    }
}
