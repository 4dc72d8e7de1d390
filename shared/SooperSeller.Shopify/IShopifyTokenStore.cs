namespace SooperSeller.Shopify;

/// <summary>
/// Where a shop's tokens are kept (encrypted, refreshes serialised across processes): what <see cref="IShopifyAccessTokens"/>
/// hands to the client, plus keeping a new grant and forgetting it.
/// </summary>
public interface IShopifyTokenStore : IShopifyAccessTokens
{
    /// <summary>Keeps the tokens of a new grant (a connection or re-connection), replacing any earlier ones.</summary>
    Task SaveAsync(ShopDomain shop, ShopifyTokenSet tokens, CancellationToken cancellationToken);

    /// <summary>Forgets the shop's tokens (disconnect, uninstall); unknown shops are ignored.</summary>
    Task ForgetAsync(ShopDomain shop, CancellationToken cancellationToken);
}
