using System.Text.Json;

namespace SooperSeller.Core.Orders;

/// <summary>
/// Maps Shopify's REST order JSON (the webhook payload) to <see cref="ShopifyOrder"/>. Mapping rules:
/// money from <c>*_set.shop_money</c> (the shop's currency, not the customer's presentment currency) into minor units;
/// shipping details from <c>shipping_address</c>, with the email from the order (<c>email</c>, then <c>contact_email</c>,
/// then the customer's) and the phone from the address, then the order, then the customer; any of them may be null.
/// </summary>
public static class ShopifyOrderPayload
{
    /// <summary>The order's id, the one field every order topic carries (orders/delete carries nothing else).</summary>
    public static long IdOf(ReadOnlyMemory<byte> payload)
    {
        using var document = JsonDocument.Parse(payload);
        return document.RootElement.RequiredLong("id");
    }

    public static (long ShopifyOrderId, ShopifyOrder Order) Parse(ReadOnlyMemory<byte> payload, OrderSyncSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        using var document = JsonDocument.Parse(payload);
        var root = document.RootElement;
        var currency = root.Child("total_price_set")?.Child("shop_money")?.String("currency_code") ?? root.String("currency")
            ?? throw new FormatException("The Shopify order has no currency.");
        var gateways = root.Array("payment_gateway_names").Select(g => g.GetString()).OfType<string>().ToList();
        var totals = new OrderTotals(
            currency,
            Total: root.Money("total_price", currency),
            CurrentTotal: root.Money("current_total_price", currency),
            Outstanding: root.Money("total_outstanding", currency),
            Subtotal: root.Money("subtotal_price", currency),
            Discounts: root.Money("total_discounts", currency),
            Shipping: root.Money("total_shipping_price", currency, "total_shipping_price_set"),
            Tax: root.Money("total_tax", currency));
        var order = new ShopifyOrder(
            Name: root.Text("name") ?? string.Empty,
            Number: root.Long("order_number") ?? 0,
            FinancialStatus: root.Text("financial_status"),
            FulfillmentStatus: root.Text("fulfillment_status"),
            totals,
            gateways,
            IsCod: CodRule.IsCod(gateways, [.. settings.CodGatewayNames]),
            Tags: root.Tags("tags"),
            Note: root.Text("note"),
            Test: root.Bool("test"),
            CreatedAt: root.RequiredTime("created_at"),
            UpdatedAt: root.RequiredTime("updated_at"),
            CancelledAt: root.Time("cancelled_at"),
            CancelReason: root.Text("cancel_reason"),
            LineItems: [.. root.Array("line_items").Select(l => LineItem(l, currency))],
            CustomerId: root.Child("customer")?.Long("id"),
            Shipping: Shipping(root));
        return (root.RequiredLong("id"), order);
    }

    private static OrderLineItem LineItem(JsonElement line, string currency)
    {
        var allocations = line.Array("discount_allocations").ToList();
        var discount = allocations.Count > 0
            ? allocations.Sum(a => a.Money("amount", currency))
            : line.Money("total_discount", currency);
        var quantity = (int)(line.Long("quantity") ?? 0);
        return new OrderLineItem(
            line.RequiredLong("id"),
            line.Text("sku"),
            line.Long("variant_id"),
            line.Long("product_id"),
            line.Text("title") ?? line.Text("name") ?? string.Empty,
            line.Text("variant_title"),
            quantity,
            (int)(line.Long("current_quantity") ?? quantity),
            line.Money("price", currency),
            discount);
    }

    private static ShippingDetails? Shipping(JsonElement order)
    {
        var address = order.Child("shipping_address");
        var customer = order.Child("customer");
        var email = order.Text("email") ?? order.Text("contact_email") ?? customer?.Text("email");
        var phone = address?.Text("phone") ?? order.Text("phone") ?? customer?.Text("phone");
        if (address is null && email is null && phone is null)
        {
            return null;
        }

        var a = address ?? default;
        return new ShippingDetails(
            Name: a.Text("name"),
            FirstName: a.Text("first_name"),
            LastName: a.Text("last_name"),
            Company: a.Text("company"),
            Address1: a.Text("address1"),
            Address2: a.Text("address2"),
            City: a.Text("city"),
            Province: a.Text("province"),
            ProvinceCode: a.Text("province_code"),
            PostalCode: a.Text("zip"),
            Country: a.Text("country"),
            CountryCode: a.Text("country_code"),
            Email: email,
            Phone: CustomerPhones.Normalise(phone));
    }
}
