namespace SooperSeller.Shopify.Operations;

/// <summary>Data of <c>GetShop</c>: the shop and the scopes this installation holds.</summary>
public sealed record GetShopData(ShopInfo Shop, AppInstallationInfo CurrentAppInstallation)
{
    /// <summary>The granted scope handles, ready for <see cref="ShopifyScopes.Missing"/>.</summary>
    public IReadOnlyList<string> GrantedScopes => CurrentAppInstallation.AccessScopes.Select(s => s.Handle).ToList();
}

/// <summary>The shop's identity, currency and time zone.</summary>
public sealed record ShopInfo(string Id, string Name, string Email, string MyshopifyDomain, string CurrencyCode, string IanaTimezone);

public sealed record AppInstallationInfo(IReadOnlyList<AccessScopeHandle> AccessScopes);

public sealed record AccessScopeHandle(string Handle);
