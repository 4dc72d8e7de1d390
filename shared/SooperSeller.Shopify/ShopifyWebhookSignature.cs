using System.Security.Cryptography;
using System.Text;

namespace SooperSeller.Shopify;

/// <summary>
/// Verifies <c>X-Shopify-Hmac-Sha256</c>: the base64 HMAC-SHA256 of the raw request body keyed with the app secret.
/// Unlike the install query (hex over sorted parameters), webhooks sign the exact bytes, so verify before parsing.
/// </summary>
public static class ShopifyWebhookSignature
{
    private const int HmacSize = 32;

    /// <summary>
    /// True when <paramref name="base64Header"/> is the signature of <paramref name="rawBody"/> under one of
    /// <paramref name="secrets"/> (pass <see cref="ShopifyOptions.Secrets"/>: after a rotation Shopify may sign with
    /// the previous secret for up to an hour). Compares in constant time.
    /// </summary>
    public static bool IsValid(ReadOnlySpan<byte> rawBody, string? base64Header, IEnumerable<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        if (string.IsNullOrWhiteSpace(base64Header))
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[HmacSize];
        if (!Convert.TryFromBase64String(base64Header.Trim(), expected, out var written) || written != HmacSize)
        {
            return false;
        }

        Span<byte> actual = stackalloc byte[HmacSize];
        var valid = false;
        foreach (var secret in secrets)
        {
            if (string.IsNullOrEmpty(secret))
            {
                continue;
            }

            HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), rawBody, actual);
            // No early exit: the time taken does not reveal which secret matched.
            valid |= CryptographicOperations.FixedTimeEquals(actual, expected);
        }

        return valid;
    }

    /// <summary>The header value Shopify would send for <paramref name="rawBody"/>; used by tests and the sandbox.</summary>
    public static string Sign(ReadOnlySpan<byte> rawBody, string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        return Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), rawBody));
    }
}
