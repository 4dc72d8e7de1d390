using SooperSeller.Core.Stores;

namespace SooperSeller.Functions.Stores;

/// <summary>A store as the stores page lists it; <c>status</c> is connected or disconnected.</summary>
public sealed record StoreView(string Id, string ShopDomain, string? Name, string Status, string? CurrencyCode, string? TimeZone, DateTimeOffset ConnectedAt, DateTimeOffset? DisconnectedAt, IReadOnlyList<StoreLocationView> Locations, StoreSyncView Sync)
{
    public static StoreView Of(Store store, IReadOnlyList<StoreLocation> locations)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(locations);
        return new(store.StoreId, store.ShopDomain, store.Name, store.Status == StoreStatus.Connected ? "connected" : "disconnected", store.CurrencyCode, store.TimeZone, store.ConnectedAt, store.DisconnectedAt, [.. locations.Select(l => new StoreLocationView(l.LocationId, l.Name, l.IsActive, l.City, l.CountryCode))], StoreSyncView.Of(store.Sync));
    }
}

public sealed record StoreLocationView(string Id, string Name, bool IsActive, string? City, string? CountryCode);

/// <summary>The store's background work: <c>state</c> pending, ok or failed; what was checked and when; the last error.</summary>
public sealed record StoreSyncView(string State, DateTimeOffset? LastRunAt, DateTimeOffset? WebhooksCheckedAt, IReadOnlyList<string> WebhookTopics, DateTimeOffset? LocationsSyncedAt, int LocationCount, string? LastError)
{
    public static StoreSyncView Of(StoreSync sync)
    {
        ArgumentNullException.ThrowIfNull(sync);
        return new(sync.State, sync.LastRunAt, sync.WebhooksCheckedAt, sync.WebhookTopics, sync.LocationsSyncedAt, sync.LocationCount, sync.LastError)
        {
            Incremental = sync.Incremental is { } incremental ? IncrementalSyncView.Of(incremental) : null,
            Backfill = sync.Backfill is { } backfill ? SooperSeller.Functions.Stores.Backfill.BackfillView.Of(backfill) : null,
        };
    }

    /// <summary>The incremental (repair) sync's last run; null before its first.</summary>
    public IncrementalSyncView? Incremental { get; init; }

    /// <summary>The store's backfill; null until it is scheduled after the store's set-up.</summary>
    public SooperSeller.Functions.Stores.Backfill.BackfillView? Backfill { get; init; }
}

/// <summary>
/// The incremental sync: <c>state</c> ok, waiting (for the backfill) or failed; when it last ran; how far it got
/// (watermarks: the latest Shopify change applied); what it wrote; and the records it could not apply (ids and a
/// plain reason, never customer data).
/// </summary>
public sealed record IncrementalSyncView(
    string State,
    DateTimeOffset? LastRunAt,
    DateTimeOffset? OrdersWatermark,
    DateTimeOffset? ProductsWatermark,
    int OrdersApplied,
    int OrdersUnchanged,
    int ProductsApplied,
    int ProductsUnchanged,
    IReadOnlyList<SyncFailureView> Failures,
    string? LastError)
{
    public static IncrementalSyncView Of(SooperSeller.Core.Stores.Sync.StoreIncrementalSync sync)
    {
        ArgumentNullException.ThrowIfNull(sync);
        return new(sync.State, sync.LastRunAt, sync.OrdersWatermark, sync.ProductsWatermark, sync.OrdersApplied, sync.OrdersUnchanged, sync.ProductsApplied, sync.ProductsUnchanged, [.. sync.Failures.Select(f => new SyncFailureView(f.Kind, f.ShopifyId.ToString(System.Globalization.CultureInfo.InvariantCulture), f.Message, f.At))], sync.LastError);
    }
}

/// <summary>A record the sync could not apply: <c>kind</c> order or product, Shopify's id (a string, as ids are), why, when.</summary>
public sealed record SyncFailureView(string Kind, string ShopifyId, string Message, DateTimeOffset At);

public sealed record StoreList(IReadOnlyList<StoreView> Items);

public sealed record AuthorizeUrlResponse(Uri AuthorizeUrl);
