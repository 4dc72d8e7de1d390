using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SooperSeller.Shopify;

/// <summary>
/// The message Shopify signs for install and OAuth callback queries: every parameter but <c>hmac</c> and
/// <c>signature</c>, sorted by key, joined as <c>k=v&amp;…</c> and encoded the way Shopify's own validator does
/// (WHATWG <c>URLSearchParams</c> form encoding, with a space written as <c>%20</c> rather than <c>+</c>).
/// </summary>
public static class ShopifyQuerySigning
{
    /// <summary>The canonical message, or null when a parameter repeats (Shopify's install and callback never repeat one).</summary>
    public static string? CanonicalMessage(IEnumerable<KeyValuePair<string, string?>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in query)
        {
            if (key is "hmac" or "signature")
            {
                continue;
            }

            if (!parameters.TryAdd(key, value ?? ""))
            {
                return null;
            }
        }

        var builder = new StringBuilder();
        foreach (var (key, value) in parameters)
        {
            if (builder.Length > 0)
            {
                builder.Append('&');
            }

            Encode(builder, key);
            builder.Append('=');
            Encode(builder, value);
        }

        return builder.ToString();
    }

    /// <summary>The lower-case hex HMAC-SHA256 of <paramref name="message"/> under <paramref name="secret"/>.</summary>
    public static string Sign(string message, string secret)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrEmpty(secret);
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(message)));
    }

    /// <summary>Constant-time check of a hex signature against each secret.</summary>
    internal static bool Matches(string message, string hexSignature, IEnumerable<string> secrets)
    {
        byte[] provided;
        try
        {
            provided = Convert.FromHexString(hexSignature.Trim());
        }
        catch (FormatException)
        {
            return false;
        }

        var messageBytes = Encoding.UTF8.GetBytes(message);
        var valid = false;
        foreach (var secret in secrets)
        {
            if (string.IsNullOrEmpty(secret))
            {
                continue;
            }

            var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), messageBytes);
            valid |= CryptographicOperations.FixedTimeEquals(expected, provided);
        }

        return valid;
    }

    // application/x-www-form-urlencoded byte serialiser: keeps * - . _ and alphanumerics, percent-encodes the rest of
    // the UTF-8 bytes in upper-case hex; the space, which URLSearchParams writes as '+', Shopify compares as %20.
    private static void Encode(StringBuilder builder, string value)
    {
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (b is (byte)'*' or (byte)'-' or (byte)'.' or (byte)'_' or >= (byte)'0' and <= (byte)'9' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'a' and <= (byte)'z')
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }
    }
}
