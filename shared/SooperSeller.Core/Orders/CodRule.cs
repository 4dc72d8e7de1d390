namespace SooperSeller.Core.Orders;

/// <summary>
/// The COD rule: an order is cash-on-delivery when any of its payment gateway names equals (case-insensitive, trimmed)
/// one of the merchant's COD gateway names. Any, not all: an order part-paid by gift card with the rest on delivery
/// still has cash for the courier to collect. Shopify's manual payment method for COD is named by the merchant, so the
/// list is configurable per merchant (<see cref="OrderSyncSettings"/>); the default covers Shopify's stock names.
/// </summary>
public static class CodRule
{
    public static IReadOnlyList<string> DefaultGatewayNames { get; } = ["Cash on Delivery (COD)", "cash_on_delivery", "COD", "Cash on Delivery"];

    public static bool IsCod(IEnumerable<string> paymentGatewayNames, IReadOnlyCollection<string> codGatewayNames)
    {
        ArgumentNullException.ThrowIfNull(paymentGatewayNames);
        ArgumentNullException.ThrowIfNull(codGatewayNames);
        return paymentGatewayNames.Any(gateway => codGatewayNames.Any(cod => string.Equals(gateway?.Trim(), cod.Trim(), StringComparison.OrdinalIgnoreCase)));
    }
}
