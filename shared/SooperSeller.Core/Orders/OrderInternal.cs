namespace SooperSeller.Core.Orders;

/// <summary>
/// The SooperSeller-owned part of an order: written only by SooperSeller's own use cases, never by Shopify sync, so a
/// Shopify update never wipes an internal edit. <see cref="Corrections"/> hold personal data and are erased by redaction.
/// </summary>
/// <param name="Status">Our workflow status (confirmed, booked…), independent of Shopify's statuses.</param>
public sealed record OrderInternal(
    string? Status,
    IReadOnlyList<string> Notes,
    IReadOnlyList<string> Tags,
    ShippingCorrections? Corrections)
{
    public static OrderInternal Empty { get; } = new(null, [], [], null);
}
