using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;

namespace SooperSeller.Shopify;

/// <summary>The Shopify app's credentials and endpoints, bound from the configuration section <c>Shopify</c> (api-contract.md).</summary>
public sealed class ShopifyOptions
{
    public const string SectionName = "Shopify";

    /// <summary>The placeholder in <see cref="AdminBaseUrl"/> that is replaced by the shop domain.</summary>
    public const string ShopPlaceholder = "{shop}";

    /// <summary>The app's client id.</summary>
    [Required]
    public string ApiKey { get; set; } = "";

    /// <summary>The app's client secret: signs install/callback queries and webhooks, and authenticates token requests.</summary>
    [Required]
    public string ApiSecret { get; set; } = "";

    /// <summary>The secret before the last rotation: Shopify may keep signing with it for up to an hour.</summary>
    public string? PreviousApiSecret { get; set; }

    /// <summary>The Admin API version every request names, e.g. <c>2026-10</c>.</summary>
    [Required]
    [RegularExpression(@"^(\d{4}-\d{2}|unstable)$")]
    public string ApiVersion { get; set; } = "2026-10";

    /// <summary>Public base URL of this backend (OAuth redirect, webhook address).</summary>
    [Required]
    public Uri AppUrl { get; set; } = new("http://127.0.0.1:7071");

    /// <summary>
    /// Override of <c>https://{shop}</c> for the simulator, e.g. <c>http://127.0.0.1:7300/{shop}</c>; the literal
    /// <c>{shop}</c> is replaced by the shop domain. A string, not a <see cref="Uri"/>, because the placeholder is not a valid host.
    /// </summary>
    [SuppressMessage("Design", "CA1056:URI-like properties should not be strings", Justification = "A template holding {shop}, not a URI.")]
    public string? AdminBaseUrl { get; set; }

    /// <summary>How long one HTTP attempt to Shopify may take before it is abandoned and retried.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many times a transient failure (5xx, 429, network error, attempt timeout) is retried.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 4;

    /// <summary>
    /// How many THROTTLED answers one request waits out before giving up (<see cref="ShopifyThrottledException"/>).
    /// Our own requests never overrun the bucket; THROTTLED means another process shares it.
    /// </summary>
    [Range(1, 50)]
    public int MaxThrottledAttempts { get; set; } = 5;

    /// <summary>The first retry delay; later ones grow exponentially with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The current secret and, when set, the previous one: signatures made with either are accepted.</summary>
    public IReadOnlyList<string> Secrets =>
        string.IsNullOrEmpty(PreviousApiSecret) ? [ApiSecret] : [ApiSecret, PreviousApiSecret];

    /// <summary>The shop's admin origin: <c>https://{shop}</c>, or <see cref="AdminBaseUrl"/> with the shop filled in. No trailing slash.</summary>
    public Uri AdminBase(ShopDomain shop)
    {
        ArgumentNullException.ThrowIfNull(shop);
        var text = string.IsNullOrWhiteSpace(AdminBaseUrl)
            ? "https://" + shop.Value
            : AdminBaseUrl.Replace(ShopPlaceholder, shop.Value, StringComparison.Ordinal);
        return new Uri(text.TrimEnd('/'), UriKind.Absolute);
    }

    /// <summary><paramref name="relativePath"/> (starting with <c>/admin/</c>) under <see cref="AdminBase"/>.</summary>
    internal Uri AdminUri(ShopDomain shop, string relativePath) =>
        new(AdminBase(shop).AbsoluteUri.TrimEnd('/') + relativePath, UriKind.Absolute);

    /// <summary>True when <see cref="AdminBaseUrl"/> is unset or yields an absolute http(s) URL for any shop.</summary>
    internal bool HasValidAdminBaseUrl()
    {
        if (string.IsNullOrWhiteSpace(AdminBaseUrl))
        {
            return true;
        }

        var sample = AdminBaseUrl.Replace(ShopPlaceholder, "example.myshopify.com", StringComparison.Ordinal);
        return Uri.TryCreate(sample, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
    }
}
