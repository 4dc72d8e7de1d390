using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace SooperSeller.Shopify;

/// <summary>
/// The authorization-code grant for offline, expiring tokens (shopify.md 2.1): verifying Shopify-signed install and
/// callback queries, building the authorize URL, exchanging the code and refreshing. A typed HttpClient; token calls
/// are not retried here because a code is single-use (the caller decides, e.g. the refresh store retries with its
/// previous refresh token, which Shopify keeps valid until the replacement is used).
/// </summary>
public sealed class ShopifyOAuth(HttpClient http, IOptions<ShopifyOptions> options, TimeProvider timeProvider)
{
    /// <summary>Shopify's own validator rejects timestamps further than this from now.</summary>
    public static readonly TimeSpan TimestampTolerance = TimeSpan.FromSeconds(90);

    private readonly ShopifyOptions _options = options.Value;

    /// <summary>
    /// Checks an install (<c>?shop&amp;timestamp&amp;hmac</c>) or callback (<c>?code&amp;shop&amp;state&amp;timestamp&amp;hmac…</c>)
    /// query: signature (current or previous secret, constant time), timestamp within 90 s, shop a myshopify.com domain.
    /// The callback's <c>state</c> must still be compared with the nonce cookie by the caller.
    /// </summary>
    public SignedQueryCheck VerifySignedQuery(IEnumerable<KeyValuePair<string, string?>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parameters = query.ToList();
        var hmac = parameters.FirstOrDefault(p => p.Key == "hmac").Value;
        if (string.IsNullOrWhiteSpace(hmac))
        {
            return SignedQueryCheck.Failed(SignedQueryFailure.MissingHmac);
        }

        var message = ShopifyQuerySigning.CanonicalMessage(parameters);
        if (message is null || !ShopifyQuerySigning.Matches(message, hmac, _options.Secrets))
        {
            return SignedQueryCheck.Failed(SignedQueryFailure.BadSignature);
        }

        var timestamp = parameters.FirstOrDefault(p => p.Key == "timestamp").Value;
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            || (timeProvider.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > TimestampTolerance)
        {
            return SignedQueryCheck.Failed(SignedQueryFailure.StaleTimestamp);
        }

        return ShopDomain.TryParse(parameters.FirstOrDefault(p => p.Key == "shop").Value, out var shop)
            ? SignedQueryCheck.Valid(shop)
            : SignedQueryCheck.Failed(SignedQueryFailure.InvalidShop);
    }

    /// <summary>
    /// Where to send the merchant to approve <paramref name="scopes"/>: <c>{AdminBase}/admin/oauth/authorize</c>.
    /// Offline access, so no <c>grant_options[]</c>. <paramref name="state"/> is the nonce also kept in a signed cookie.
    /// </summary>
    public Uri AuthorizeUrl(ShopDomain shop, IReadOnlyCollection<string> scopes, Uri redirectUri, string state)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        ArgumentNullException.ThrowIfNull(redirectUri);
        ArgumentException.ThrowIfNullOrEmpty(state);
        var query = string.Join('&',
            "client_id=" + Uri.EscapeDataString(_options.ApiKey),
            "scope=" + Uri.EscapeDataString(string.Join(',', scopes)),
            "redirect_uri=" + Uri.EscapeDataString(redirectUri.AbsoluteUri),
            "state=" + Uri.EscapeDataString(state));
        return new Uri(_options.AdminUri(shop, "/admin/oauth/authorize").AbsoluteUri + "?" + query);
    }

    /// <summary>Exchanges the callback's <paramref name="code"/> for an expiring offline token (<c>expiring=1</c>).</summary>
    public Task<ShopifyTokenSet> ExchangeCodeAsync(ShopDomain shop, string code, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        return RequestTokenAsync(shop, new TokenRequest
        {
            ClientId = _options.ApiKey,
            ClientSecret = _options.ApiSecret,
            Code = code,
            Expiring = 1,
        }, cancellationToken);
    }

    /// <summary>Trades a refresh token for a new access token and a new refresh token (store both atomically).</summary>
    public Task<ShopifyTokenSet> RefreshAsync(ShopDomain shop, string refreshToken, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(refreshToken);
        return RequestTokenAsync(shop, new TokenRequest
        {
            ClientId = _options.ApiKey,
            ClientSecret = _options.ApiSecret,
            GrantType = "refresh_token",
            RefreshToken = refreshToken,
        }, cancellationToken);
    }

    private async Task<ShopifyTokenSet> RequestTokenAsync(ShopDomain shop, TokenRequest body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shop);
        var endpoint = _options.AdminUri(shop, "/admin/oauth/access_token");
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsJsonAsync(endpoint, body, ShopifyJsonContext.Default.TokenRequest, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            throw new ShopifyOAuthException("Shopify's token endpoint could not be reached.", null, null, exception);
        }

        using (response)
        {
            var now = timeProvider.GetUtcNow();
            if (!response.IsSuccessStatusCode)
            {
                var error = await ReadErrorCodeAsync(response, cancellationToken);
                throw new ShopifyOAuthException(
                    $"Shopify's token endpoint answered {(int)response.StatusCode}{(error is null ? "" : " " + error)}.", response.StatusCode, error);
            }

            TokenResponse? token;
            try
            {
                token = await response.Content.ReadFromJsonAsync(ShopifyJsonContext.Default.TokenResponse, cancellationToken);
            }
            catch (JsonException exception)
            {
                throw new ShopifyOAuthException("Shopify's token endpoint answered with unreadable JSON.", response.StatusCode, null, exception);
            }

            if (token is null || string.IsNullOrEmpty(token.AccessToken))
            {
                throw new ShopifyOAuthException("Shopify's token endpoint answered without an access token.", response.StatusCode, null);
            }

            return new ShopifyTokenSet(
                token.AccessToken,
                token.ExpiresIn is > 0 ? now.AddSeconds(token.ExpiresIn.Value) : DateTimeOffset.MaxValue,
                string.IsNullOrEmpty(token.RefreshToken) ? null : token.RefreshToken,
                token.RefreshTokenExpiresIn is > 0 ? now.AddSeconds(token.RefreshTokenExpiresIn.Value) : null,
                ShopifyScopes.Parse(token.Scope));
        }
    }

    // Only the OAuth error code (e.g. invalid_grant) is kept: descriptions could echo what was sent.
    private static async Task<string?> ReadErrorCodeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var error = await response.Content.ReadFromJsonAsync(ShopifyJsonContext.Default.TokenError, cancellationToken);
            var code = error?.Error;
            return code is { Length: > 0 and <= 64 } && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.') ? code : null;
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException or InvalidOperationException)
        {
            return null;
        }
    }
}
