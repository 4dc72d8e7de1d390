namespace SooperSeller.Shopify;

/// <summary>Why a Shopify-signed query (install or OAuth callback) was refused.</summary>
public enum SignedQueryFailure
{
    /// <summary>The query is authentic, fresh and names a valid shop.</summary>
    None,

    /// <summary>There is no <c>hmac</c> parameter.</summary>
    MissingHmac,

    /// <summary>The <c>hmac</c> matches neither the current nor the previous secret (or a parameter repeats).</summary>
    BadSignature,

    /// <summary>The <c>timestamp</c> is missing, unreadable, or more than 90 seconds away from now (replay).</summary>
    StaleTimestamp,

    /// <summary>The <c>shop</c> parameter is missing or not a <c>*.myshopify.com</c> domain.</summary>
    InvalidShop,
}

/// <summary>The outcome of <see cref="ShopifyOAuth.VerifySignedQuery"/>: the verified shop, or the failure to name in a ProblemDetails.</summary>
public sealed record SignedQueryCheck(SignedQueryFailure Failure, ShopDomain? Shop)
{
    public bool IsValid => Failure == SignedQueryFailure.None && Shop is not null;

    internal static SignedQueryCheck Valid(ShopDomain shop) => new(SignedQueryFailure.None, shop);

    internal static SignedQueryCheck Failed(SignedQueryFailure failure) => new(failure, null);
}
