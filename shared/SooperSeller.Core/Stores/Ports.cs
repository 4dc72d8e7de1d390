using SooperSeller.Core.Tenancy;

namespace SooperSeller.Core.Stores;

/// <summary>Stores and their locations, in the merchant's partition.</summary>
public interface IStores
{
    Task<Store?> GetAsync(MerchantId merchantId, string storeId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Store>> ListAsync(MerchantId merchantId, CancellationToken cancellationToken);

    /// <summary>Writes the store; with a <see cref="Store.Version"/> only if unchanged since read (else 409).</summary>
    Task<Store> SaveAsync(Store store, CancellationToken cancellationToken);

    /// <summary>Makes the store's stored locations exactly these.</summary>
    Task ReplaceLocationsAsync(MerchantId merchantId, string storeId, IReadOnlyList<StoreLocation> locations, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoreLocation>> ListLocationsAsync(MerchantId merchantId, string storeId, CancellationToken cancellationToken);
}

/// <summary>The global shop-domain lookup (one of the two cross-merchant reads on the request path).</summary>
public interface IShopDirectory
{
    Task<ShopEntry?> FindAsync(string shopDomain, CancellationToken cancellationToken);

    /// <summary>
    /// The shop as webhook ingestion routes a delivery, on the path of every one of them: a connected shop may come from
    /// this instance's copy, at most <see cref="Webhooks.ShopifyWebhookIngestion.RoutingCopyMaxAge"/> old (a claim or disconnection made through this
    /// instance drops the copy at once); an unknown or disconnected shop is always read fresh, so a new or re-connected
    /// store is routed from its first delivery. Everything that decides (connecting, claiming) uses
    /// <see cref="FindAsync"/>.
    /// </summary>
    Task<ShopEntry?> RouteAsync(string shopDomain, CancellationToken cancellationToken);

    /// <summary>
    /// Records that the merchant's store holds the shop, connected. Succeeds when the shop is unknown, already this
    /// merchant's, or disconnected elsewhere; false when another merchant holds it connected (nothing changes then).
    /// </summary>
    Task<bool> TryClaimAsync(string shopDomain, MerchantId merchantId, string storeId, CancellationToken cancellationToken);

    /// <summary>Marks the shop disconnected, keeping its merchant and store (compliance webhooks still resolve).</summary>
    Task MarkDisconnectedAsync(string shopDomain, MerchantId merchantId, CancellationToken cancellationToken);

    /// <summary>Every connected shop, for maintenance timers only.</summary>
    IAsyncEnumerable<ShopEntry> ListConnectedAcrossMerchantsAsync(CancellationToken cancellationToken);
}

public interface IOAuthStates
{
    Task AddAsync(OAuthState state, CancellationToken cancellationToken);

    /// <summary>Takes the state for a nonce hash, once: a second take, or one after expiry, is null.</summary>
    Task<OAuthState?> TakeAsync(string stateHash, CancellationToken cancellationToken);
}

/// <summary>Background work on stores: the set-up (webhooks, shop details, locations) runs from a queue.</summary>
public interface IStoreWork
{
    Task EnqueueSetupAsync(MerchantId merchantId, string storeId, CancellationToken cancellationToken);
}

/// <summary>What a signed query said: valid with its shop, or which parameter is wrong and why.</summary>
public sealed record SignedQueryVerdict(bool Valid, string? ShopDomain, string? Field, string? Problem)
{
    public static SignedQueryVerdict Ok(string shopDomain) => new(true, shopDomain, null, null);

    public static SignedQueryVerdict Refused(string field, string problem) => new(false, null, field, problem);
}

/// <summary>The shop as Shopify describes it.</summary>
public sealed record ShopProfile(string Name, string? CurrencyCode, string? TimeZone);

/// <summary>The outcome of a code exchange: the scopes granted, and those requested but not granted.</summary>
public sealed record ShopifyGrant(IReadOnlyList<string> GrantedScopes, IReadOnlyList<string> MissingScopes);

/// <summary>
/// What the stores feature needs from Shopify (implemented in SooperSeller.Shopify over the Admin GraphQL API and
/// OAuth). Tokens never pass through Core: the gateway keeps them in the token store itself.
/// </summary>
public interface IShopifyGateway
{
    /// <summary>A well-formed <c>name.myshopify.com</c> domain, lower-cased; false for anything else.</summary>
    bool TryNormaliseShopDomain(string? input, out string shopDomain);

    /// <summary>Checks a query Shopify signed (install, callback): HMAC, timestamp window and shop domain.</summary>
    SignedQueryVerdict VerifySignedQuery(IEnumerable<KeyValuePair<string, string?>> query);

    /// <summary>Where to send the merchant's browser to approve our app with every scope we need.</summary>
    Uri AuthorizeUrl(string shopDomain, string state);

    /// <summary>Exchanges the code; when every required scope was granted, keeps the tokens; otherwise keeps nothing.</summary>
    Task<ShopifyGrant> ExchangeCodeAsync(string shopDomain, string code, CancellationToken cancellationToken);

    Task<ShopProfile> GetShopAsync(string shopDomain, CancellationToken cancellationToken);

    /// <summary>Creates the webhook subscriptions that are missing (idempotent); returns the topics subscribed.</summary>
    Task<IReadOnlyList<string>> EnsureWebhooksAsync(string shopDomain, CancellationToken cancellationToken);

    /// <summary>Deletes our webhook subscriptions on the shop (best effort is the caller's choice).</summary>
    Task RemoveWebhooksAsync(string shopDomain, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoreLocation>> ListLocationsAsync(string shopDomain, CancellationToken cancellationToken);

    /// <summary>Forgets the shop's tokens (disconnect, uninstall).</summary>
    Task ForgetTokensAsync(string shopDomain, CancellationToken cancellationToken);
}
