using Microsoft.AspNetCore.Http;

namespace SooperSeller.Functions.Http.Auth;

/// <summary>
/// Shopify's headers, read case-insensitively and with or without the <c>X-</c> prefix (shopify.md 2.2: the newer
/// "Events" surfaces drop it).
/// </summary>
public static class ShopifyHeaders
{
    /// <param name="name">The classic name, with the prefix: <c>X-Shopify-Topic</c>.</param>
    public static string? Get(IHeaderDictionary headers, string name)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(name);
        // IHeaderDictionary compares names case-insensitively already.
        var value = headers[name].ToString();
        if (value.Length == 0 && name.StartsWith("X-", StringComparison.OrdinalIgnoreCase))
        {
            value = headers[name[2..]].ToString();
        }

        return value.Length == 0 ? null : value;
    }
}
