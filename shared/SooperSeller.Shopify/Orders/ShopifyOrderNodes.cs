using System.Globalization;
using System.Text.Json;
using SooperSeller.Core.Orders;

namespace SooperSeller.Shopify.Orders;

/// <summary>
/// Maps a GraphQL Admin API <c>Order</c> node (the fields of <c>Documents/BulkOrders.graphql</c>, whether it came from a
/// bulk JSONL line or a paged query) to Core's <see cref="ShopifyOrder"/>, producing exactly what
/// <see cref="ShopifyOrderPayload"/> produces from the REST webhook payload of the same order: sync compares and replaces
/// documents by content, so the two paths must agree to the last field or every repair sync would rewrite every order.
/// Where GraphQL and REST differ the REST form wins: statuses in REST's lower-case words, money in shop money as minor
/// units, ids as legacy numbers, the phone from the address, then the order, then the customer.
/// </summary>
public static class ShopifyOrderNodes
{
    private const string SincePlaceholder = "2000-01-01T00:00:00Z";

    /// <summary>The bulk query for orders created at or after <paramref name="since"/> (UTC, to the second).</summary>
    public static string BulkQuery(DateTimeOffset since) =>
        ShopifyOperations.BulkOrders.Document.Replace(
            SincePlaceholder,
            since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            StringComparison.Ordinal);

    /// <summary>The number at the end of a GID: <c>gid://shopify/Order/123</c> is 123 (REST's <c>id</c>).</summary>
    /// <exception cref="FormatException">Not a GID ending in a number.</exception>
    public static long LegacyIdOf(string gid)
    {
        ArgumentNullException.ThrowIfNull(gid);
        var slash = gid.LastIndexOf('/');
        var tail = gid.AsSpan(slash + 1);
        var query = tail.IndexOf('?');
        if (query >= 0)
        {
            tail = tail[..query];
        }

        return long.TryParse(tail, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : throw new FormatException("A Shopify id is not a GID ending in a number.");
    }

    /// <summary>Maps with the default COD gateway names; sync should pass the merchant's settings (the overload below).</summary>
    public static ShopifyOrder ToShopifyOrder(JsonElement order, IReadOnlyList<JsonElement> lineItems) =>
        ToShopifyOrder(order, lineItems, OrderSyncSettings.Default);

    /// <summary>
    /// Maps an order node and its line item nodes (from <c>lineItems.edges[].node</c> or <c>nodes</c>, or the JSONL lines
    /// whose <c>__parentId</c> is the order's id), applying the COD rule with <paramref name="settings"/> as the
    /// webhook path does.
    /// </summary>
    public static ShopifyOrder ToShopifyOrder(JsonElement order, IReadOnlyList<JsonElement> lineItems, OrderSyncSettings settings)
    {
        ArgumentNullException.ThrowIfNull(lineItems);
        ArgumentNullException.ThrowIfNull(settings);
        var currency = order.Child("totalPriceSet")?.Child("shopMoney")?.String("currencyCode") ?? order.String("currencyCode")
            ?? throw new FormatException("The Shopify order has no currency.");
        var gateways = order.Array("paymentGatewayNames").Select(g => g.GetString()).OfType<string>().ToList();
        var totals = new OrderTotals(
            currency,
            Total: order.MoneyBag("totalPriceSet", currency),
            CurrentTotal: order.MoneyBag("currentTotalPriceSet", currency),
            Outstanding: order.MoneyBag("totalOutstandingSet", currency),
            Subtotal: order.MoneyBag("subtotalPriceSet", currency),
            Discounts: order.MoneyBag("totalDiscountsSet", currency),
            Shipping: order.MoneyBag("totalShippingPriceSet", currency),
            Tax: order.MoneyBag("totalTaxSet", currency));
        return new ShopifyOrder(
            Name: order.Text("name") ?? string.Empty,
            Number: order.Long("number") ?? 0,
            FinancialStatus: order.Text("displayFinancialStatus")?.ToLowerInvariant(),
            FulfillmentStatus: FulfillmentStatus(order.Text("displayFulfillmentStatus")),
            totals,
            gateways,
            IsCod: CodRule.IsCod(gateways, [.. settings.CodGatewayNames]),
            Tags: [.. order.Array("tags").Select(t => t.GetString()?.Trim()).Where(t => !string.IsNullOrEmpty(t)).Select(t => t!)],
            Note: order.Text("note"),
            Test: order.Child("test") is { ValueKind: JsonValueKind.True },
            CreatedAt: order.RequiredTime("createdAt"),
            UpdatedAt: order.RequiredTime("updatedAt"),
            CancelledAt: order.Time("cancelledAt"),
            CancelReason: order.Text("cancelReason")?.ToLowerInvariant(),
            LineItems: [.. lineItems.Select(l => LineItem(l, currency))],
            CustomerId: order.Child("customer")?.String("id") is { } customerGid ? LegacyIdOf(customerGid) : null,
            Shipping: Shipping(order));
    }

    // REST's fulfillment_status: null while unfulfilled, "partial" for partly fulfilled, else the status in lower case.
    private static string? FulfillmentStatus(string? display) => display switch
    {
        null or "UNFULFILLED" => null,
        "PARTIALLY_FULFILLED" => "partial",
        _ => display.ToLowerInvariant(),
    };

    private static OrderLineItem LineItem(JsonElement line, string currency)
    {
        var quantity = (int)(line.Long("quantity") ?? 0);
        return new OrderLineItem(
            LegacyIdOf(line.String("id") ?? throw new FormatException("A Shopify line item has no id.")),
            line.Text("sku"),
            line.Child("variant")?.String("id") is { } variant ? LegacyIdOf(variant) : null,
            line.Child("product")?.String("id") is { } product ? LegacyIdOf(product) : null,
            line.Text("title") ?? line.Text("name") ?? string.Empty,
            line.Text("variantTitle"),
            quantity,
            (int)(line.Long("currentQuantity") ?? quantity),
            line.MoneyBag("originalUnitPriceSet", currency),
            line.MoneyBag("totalDiscountSet", currency));
    }

    private static ShippingDetails? Shipping(JsonElement order)
    {
        var address = order.Child("shippingAddress");
        var customer = order.Child("customer");
        var email = order.Text("email") ?? customer?.Text("email");
        var phone = address?.Text("phone") ?? order.Text("phone") ?? customer?.Text("phone");
        if (address is null && email is null && phone is null)
        {
            return null;
        }

        var a = address ?? default;
        return new ShippingDetails(
            Name: a.Text("name"),
            FirstName: a.Text("firstName"),
            LastName: a.Text("lastName"),
            Company: a.Text("company"),
            Address1: a.Text("address1"),
            Address2: a.Text("address2"),
            City: a.Text("city"),
            Province: a.Text("province"),
            ProvinceCode: a.Text("provinceCode"),
            PostalCode: a.Text("zip"),
            Country: a.Text("country"),
            CountryCode: a.Text("countryCodeV2"),
            Email: email,
            Phone: CustomerPhones.Normalise(phone));
    }
}
