namespace SooperSeller.Shopify.Operations;

/// <summary>Variables of <c>GetOrders</c>: order GIDs (<c>gid://shopify/Order/…</c>), at most 5 per call.</summary>
public sealed record GetOrdersVariables(IReadOnlyList<string> Ids);

/// <summary>One entry per id asked for, in order; null where Shopify has no such order.</summary>
public sealed record GetOrdersData(IReadOnlyList<OrderDetailNode?> Nodes);

/// <summary>
/// An order with every field order sync maps. Enum values stay strings (<c>PENDING</c>, <c>UNFULFILLED</c>,
/// <c>CUSTOMER</c>) so that a value Shopify adds later does not fail deserialisation.
/// </summary>
public sealed record OrderDetailNode(
    string Id,
    string LegacyResourceId,
    string Name,
    long Number,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? CancelledAt,
    string? CancelReason,
    string? DisplayFinancialStatus,
    string? DisplayFulfillmentStatus,
    bool Test,
    IReadOnlyList<string> Tags,
    string? Note,
    string? Email,
    string? Phone,
    IReadOnlyList<string> PaymentGatewayNames,
    MoneyBag TotalPriceSet,
    MoneyBag CurrentTotalPriceSet,
    MoneyBag TotalOutstandingSet,
    MoneyBag SubtotalPriceSet,
    MoneyBag TotalDiscountsSet,
    MoneyBag TotalShippingPriceSet,
    MoneyBag TotalTaxSet,
    MailingAddressNode? ShippingAddress,
    NodeList<OrderLineItemNode> LineItems);

public sealed record MailingAddressNode(
    string? Name,
    string? FirstName,
    string? LastName,
    string? Company,
    string? Address1,
    string? Address2,
    string? City,
    string? Province,
    string? ProvinceCode,
    string? Zip,
    string? Country,
    string? CountryCodeV2,
    string? Phone);

public sealed record OrderLineItemNode(
    string Id,
    string? Sku,
    string Title,
    string? VariantTitle,
    int Quantity,
    int CurrentQuantity,
    IdNode? Variant,
    IdNode? Product,
    MoneyBag OriginalUnitPriceSet,
    MoneyBag TotalDiscountSet);

/// <summary>A connection read through its <c>nodes</c> only.</summary>
public sealed record NodeList<T>(IReadOnlyList<T> Nodes);

/// <summary>A referenced object of which only the id is asked for.</summary>
public sealed record IdNode(string Id);
