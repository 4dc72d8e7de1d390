using SooperSeller.Core.Tenancy;

namespace SooperSeller.Core.Stores;

public enum StoreStatus
{
    Connected,

    /// <summary>Disconnected by the merchant or uninstalled on Shopify: no token, no sync; kept for compliance requests.</summary>
    Disconnected,
}

/// <summary>
/// A Shopify store connected to a merchant. One shop belongs to one merchant at a time (the shop directory decides);
/// the store keeps its id across disconnection and re-connection, so data synced before stays attached to it.
/// </summary>
public sealed record Store(
    string StoreId,
    MerchantId MerchantId,
    string ShopDomain,
    StoreStatus Status,
    IReadOnlyList<string> Scopes,
    DateTimeOffset ConnectedAt,
    string ConnectedBy)
{
    /// <summary>The shop's name, currency and time zone, as Shopify says (filled by the set-up after connection).</summary>
    public string? Name { get; init; }

    public string? CurrencyCode { get; init; }

    public string? TimeZone { get; init; }

    public DateTimeOffset? DisconnectedAt { get; init; }

    public StoreSync Sync { get; init; } = StoreSync.Pending;

    /// <summary>The stored version (ETag) for optimistic concurrency; null before it is stored.</summary>
    public string? Version { get; init; }

    public static string NewId() => "sto_" + Guid.NewGuid().ToString("N");
}

/// <summary>
/// What the store's background work last did: the set-up (webhook subscriptions, locations) after connection, daily,
/// and on demand. <see cref="State"/> is <c>pending</c> until the first run, <c>ok</c> after a clean run, and
/// <c>failed</c> with <see cref="LastError"/> (a message for the merchant, never Shopify's raw answer) after a failed one.
/// </summary>
public sealed record StoreSync(string State, DateTimeOffset? LastRunAt, DateTimeOffset? WebhooksCheckedAt, IReadOnlyList<string> WebhookTopics, DateTimeOffset? LocationsSyncedAt, int LocationCount, string? LastError)
{
    public const string PendingState = "pending";
    public const string OkState = "ok";
    public const string FailedState = "failed";

    public static StoreSync Pending { get; } = new(PendingState, null, null, [], null, 0, null);

    /// <summary>The incremental (repair) sync's last run; null before its first. Kept apart from the set-up's fields.</summary>
    public Sync.StoreIncrementalSync? Incremental { get; init; }

    /// <summary>The store's backfill (the last 2 years of orders, once per connection); null until it is scheduled.</summary>
    public Backfill.StoreBackfill? Backfill { get; init; }
}

/// <summary>A Shopify location of a store (stock is kept per location by the inventory work).</summary>
public sealed record StoreLocation(string LocationId, string Name, bool IsActive, string? City, string? CountryCode);

/// <summary>Who holds a shop domain: the global lookup from a shop to its merchant and store (architecture section 4).</summary>
public sealed record ShopEntry(string ShopDomain, MerchantId MerchantId, string StoreId, bool Connected)
{
    public string? Version { get; init; }
}

/// <summary>
/// A pending OAuth authorization: the state nonce (stored as its hash) is bound to the session that started it and
/// to the shop, lives 10 minutes and is used once.
/// </summary>
public sealed record OAuthState(string StateHash, MerchantId MerchantId, string UserId, string SessionId, string ShopDomain, DateTimeOffset ExpiresAt);
