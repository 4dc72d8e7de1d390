namespace SooperSeller.Core.Orders;

/// <summary>
/// SooperSeller-owned corrections of the shipping details (a merchant fixes a phone or an address before booking a
/// courier). An overlay: each non-null field replaces Shopify's in the effective view, and Shopify sync never touches it.
/// </summary>
public sealed record ShippingCorrections(
    string? Name = null,
    string? Address1 = null,
    string? Address2 = null,
    string? City = null,
    string? Province = null,
    string? PostalCode = null,
    string? Email = null,
    CustomerPhone? Phone = null)
{
    /// <summary>Shopify's details with the corrections laid over them.</summary>
    public ShippingDetails ApplyTo(ShippingDetails? shopify)
    {
        var basis = shopify ?? new ShippingDetails(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        return basis with
        {
            Name = Name ?? basis.Name,
            Address1 = Address1 ?? basis.Address1,
            Address2 = Address2 ?? basis.Address2,
            City = City ?? basis.City,
            Province = Province ?? basis.Province,
            PostalCode = PostalCode ?? basis.PostalCode,
            Email = Email ?? basis.Email,
            Phone = Phone ?? basis.Phone,
        };
    }
}
