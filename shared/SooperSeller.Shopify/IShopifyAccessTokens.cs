namespace SooperSeller.Shopify;

/// <summary>
/// Supplies the offline access token for a shop. The app implements it (encrypted Table row whose ETag serialises
/// refreshes across processes); <see cref="ShopifyAdminClient"/> calls <see cref="GetAsync"/> before every request and,
/// when Shopify answers 401, <see cref="RefreshAsync"/> once before retrying.
/// </summary>
public interface IShopifyAccessTokens
{
    /// <summary>A token believed valid (refreshed ahead of its expiry by the implementation if it likes).</summary>
    Task<string> GetAsync(ShopDomain shop, CancellationToken cancellationToken);

    /// <summary>
    /// A token other than <paramref name="rejectedToken"/>: refreshes it unless another caller already has, in which
    /// case the newer stored token is returned.
    /// </summary>
    Task<string> RefreshAsync(ShopDomain shop, string rejectedToken, CancellationToken cancellationToken);
}
