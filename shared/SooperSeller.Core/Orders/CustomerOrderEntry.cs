namespace SooperSeller.Core.Orders;

/// <summary>One order's personal fields in a <see cref="CustomerDataPackage"/>.</summary>
public sealed record CustomerOrderEntry(
    long ShopifyOrderId,
    string Name,
    DateTimeOffset CreatedAt,
    long? ShopifyCustomerId,
    ShippingDetails? Shipping,
    ShippingCorrections? Corrections,
    string? Note,
    DateTimeOffset? RedactedAt);
