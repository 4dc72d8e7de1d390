using System.Text.Json.Serialization;

namespace SooperSeller.Shopify;

/// <summary>Body of <c>POST /admin/oauth/access_token</c> (code exchange or refresh).</summary>
internal sealed class TokenRequest
{
    [JsonPropertyName("client_id")]
    public required string ClientId { get; init; }

    [JsonPropertyName("client_secret")]
    public required string ClientSecret { get; init; }

    [JsonPropertyName("code")]
    public string? Code { get; init; }

    /// <summary>1 asks for an expiring offline token with a refresh token.</summary>
    [JsonPropertyName("expiring")]
    public int? Expiring { get; init; }

    [JsonPropertyName("grant_type")]
    public string? GrantType { get; init; }

    [JsonPropertyName("refresh_token")]
    public string? RefreshToken { get; init; }
}

/// <summary>Shopify's token response; expiry fields are seconds from now.</summary>
internal sealed class TokenResponse
{
    [JsonPropertyName("access_token")]
    public string? AccessToken { get; init; }

    [JsonPropertyName("scope")]
    public string? Scope { get; init; }

    [JsonPropertyName("expires_in")]
    public long? ExpiresIn { get; init; }

    [JsonPropertyName("refresh_token")]
    public string? RefreshToken { get; init; }

    [JsonPropertyName("refresh_token_expires_in")]
    public long? RefreshTokenExpiresIn { get; init; }
}

/// <summary>An OAuth error body: <c>{"error": "invalid_grant", "error_description": "…"}</c>.</summary>
internal sealed class TokenError
{
    [JsonPropertyName("error")]
    public string? Error { get; init; }
}
