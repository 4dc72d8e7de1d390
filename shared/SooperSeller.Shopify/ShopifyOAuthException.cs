using System.Net;

namespace SooperSeller.Shopify;

/// <summary>
/// Shopify's token endpoint refused or failed a code exchange or refresh. The message carries the HTTP status and
/// Shopify's OAuth error code (e.g. <c>invalid_grant</c>) only: never a secret, code or token.
/// </summary>
public sealed class ShopifyOAuthException : Exception
{
    public ShopifyOAuthException()
    {
    }

    public ShopifyOAuthException(string message)
        : base(message)
    {
    }

    public ShopifyOAuthException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ShopifyOAuthException(string message, HttpStatusCode? statusCode, string? errorCode, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
    }

    /// <summary>The token endpoint's HTTP status, when it answered.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>Shopify's OAuth <c>error</c> code, e.g. <c>invalid_grant</c> (the refresh token is no longer valid: reinstall needed).</summary>
    public string? ErrorCode { get; }
}
