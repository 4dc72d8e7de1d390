namespace SooperSeller.Shopify;

/// <summary>
/// An offline access token and what came with it. Expiring offline tokens last about an hour and bring a rotating
/// refresh token; a non-expiring token (custom apps) has <see cref="ExpiresAt"/> = <see cref="DateTimeOffset.MaxValue"/>
/// and no refresh token. <see cref="Scopes"/> are as Shopify reported them (write scopes imply read: see <see cref="ShopifyScopes.Missing"/>).
/// </summary>
public sealed record ShopifyTokenSet(
    string AccessToken,
    DateTimeOffset ExpiresAt,
    string? RefreshToken,
    DateTimeOffset? RefreshTokenExpiresAt,
    IReadOnlyList<string> Scopes)
{
    /// <summary>Never prints the tokens.</summary>
    public override string ToString() => $"ShopifyTokenSet {{ ExpiresAt = {ExpiresAt:O}, Scopes = {string.Join(',', Scopes)} }}";
}
