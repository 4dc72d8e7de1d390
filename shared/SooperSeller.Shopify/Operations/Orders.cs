namespace SooperSeller.Shopify.Operations;

/// <summary>
/// Variables of <c>ListOrders</c>. <see cref="Query"/> is Shopify search syntax, e.g.
/// <c>updated_at:&gt;='2026-11-28T10:00:00Z'</c>; results are sorted by <c>UPDATED_AT</c>.
/// </summary>
public sealed record ListOrdersVariables(int First, string? After, string? Query);

public sealed record ListOrdersData(Connection<OrderNode> Orders);

/// <summary>
/// An order's summary. Status fields stay strings (enum values such as <c>PENDING</c>, <c>UNFULFILLED</c>) so that a
/// value Shopify adds later does not fail deserialisation.
/// </summary>
public sealed record OrderNode(
    string Id,
    string Name,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? CancelledAt,
    string? DisplayFinancialStatus,
    string DisplayFulfillmentStatus,
    MoneyBag TotalPriceSet,
    IReadOnlyList<string> PaymentGatewayNames,
    IReadOnlyList<string> Tags,
    bool Test);

/// <summary>An amount in the shop's currency (and, when requested, the presentment currency).</summary>
public sealed record MoneyBag(ShopifyMoney ShopMoney);

/// <summary>
/// Shopify sends <c>Decimal</c> amounts as strings ("3450.00"); they are read as <see cref="decimal"/> with the
/// invariant culture. Conversion to minor units happens in the domain, which knows the currency's exponent.
/// </summary>
public sealed record ShopifyMoney(decimal Amount, string CurrencyCode);
