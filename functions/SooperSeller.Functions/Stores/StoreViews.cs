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
        return new(sync.State, sync.LastRunAt, sync.WebhooksCheckedAt, sync.WebhookTopics, sync.LocationsSyncedAt, sync.LocationCount, sync.LastError);
    }
}

public sealed record StoreList(IReadOnlyList<StoreView> Items);

public sealed record AuthorizeUrlResponse(Uri AuthorizeUrl);
