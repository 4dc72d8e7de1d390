namespace SooperSeller.Core.Orders;

/// <summary>
/// The customer's shipping snapshot: personal data (privacy policy), kept only in <c>orders</c>. Any field may be null:
/// Shopify withholds protected customer data from apps not approved for it.
/// </summary>
/// <param name="Phone">As the customer typed it, and in E.164 when it could be read.</param>
public sealed record ShippingDetails(
    string? Name,
    string? FirstName,
    string? LastName,
    string? Company,
    string? Address1,
    string? Address2,
    string? City,
    string? Province,
    string? ProvinceCode,
    string? PostalCode,
    string? Country,
    string? CountryCode,
    string? Email,
    CustomerPhone? Phone);
