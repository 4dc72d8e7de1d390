using Microsoft.Azure.Cosmos;
using SooperSeller.Core.Stores;
using SooperSeller.Core.Tenancy;
using SooperSeller.Infrastructure.Cosmos;

namespace SooperSeller.Infrastructure.Stores;

/// <summary>
/// Stores as <c>store_&lt;storeId&gt;</c> and their locations as <c>location_&lt;storeId&gt;_&lt;n&gt;</c> (n: the
/// numeric tail of Shopify's GID) in the merchant's partition of <c>merchants</c>.
/// </summary>
public sealed class CosmosStores(TenantStore store) : IStores
{
    private const string StorePrefix = "store_";
    private const string LocationPrefix = "location_";
    private static readonly System.Buffers.SearchValues<char> Hex = System.Buffers.SearchValues.Create("0123456789abcdef");

    private TenantContainer Container => store.For(TenantContainers.Merchants);

    public async Task<Store?> GetAsync(MerchantId merchantId, string storeId, CancellationToken cancellationToken) =>
        IsStoreId(storeId) && await Container.ReadAsync<StoreDocument>(merchantId, StorePrefix + storeId, cancellationToken) is { } document
            ? document.ToStore(merchantId)
            : null;

    public async Task<IReadOnlyList<Store>> ListAsync(MerchantId merchantId, CancellationToken cancellationToken)
    {
        var stores = new List<Store>();
        var query = new QueryDefinition("SELECT * FROM c WHERE STARTSWITH(c.id, @prefix)").WithParameter("@prefix", StorePrefix);
        await foreach (var document in Container.QueryAsync<StoreDocument>(merchantId, query, cancellationToken))
        {
            stores.Add(document.ToStore(merchantId));
        }

        return [.. stores.OrderBy(s => s.ConnectedAt)];
    }

    public async Task<Store> SaveAsync(Store store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var document = StoreDocument.Of(store);
        var saved = store.Version is { } version
            ? await Container.ReplaceAsync(store.MerchantId, document, version, cancellationToken)
            : await Container.UpsertAsync(store.MerchantId, document, cancellationToken);
        return saved.ToStore(store.MerchantId);
    }

    public async Task ReplaceLocationsAsync(MerchantId merchantId, string storeId, IReadOnlyList<StoreLocation> locations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(locations);
        var kept = new HashSet<string>(StringComparer.Ordinal);
        foreach (var location in locations)
        {
            var document = LocationDocument.Of(storeId, location);
            kept.Add(document.Id);
            await Container.UpsertAsync(merchantId, document, cancellationToken);
        }

        foreach (var stale in (await ReadLocationsAsync(merchantId, storeId, cancellationToken)).Where(d => !kept.Contains(d.Id)))
        {
            await Container.DeleteAsync<LocationDocument>(merchantId, stale.Id, ifMatch: null, cancellationToken);
        }
    }

    public async Task<IReadOnlyList<StoreLocation>> ListLocationsAsync(MerchantId merchantId, string storeId, CancellationToken cancellationToken) =>
        [.. (await ReadLocationsAsync(merchantId, storeId, cancellationToken)).Select(d => new StoreLocation(d.LocationId, d.Name, d.IsActive, d.City, d.CountryCode)).OrderBy(l => l.Name, StringComparer.Ordinal)];

    private async Task<List<LocationDocument>> ReadLocationsAsync(MerchantId merchantId, string storeId, CancellationToken cancellationToken)
    {
        var documents = new List<LocationDocument>();
        var query = new QueryDefinition("SELECT * FROM c WHERE STARTSWITH(c.id, @prefix)").WithParameter("@prefix", LocationPrefix + storeId + "_");
        await foreach (var document in Container.QueryAsync<LocationDocument>(merchantId, query, cancellationToken))
        {
            documents.Add(document);
        }

        return documents;
    }

    // Ids come from URLs: only ours (sto_ and 32 hex digits) are looked up.
    private static bool IsStoreId(string storeId) =>
        storeId is { Length: 36 } && storeId.StartsWith("sto_", StringComparison.Ordinal) && !storeId.AsSpan(4).ContainsAnyExcept(Hex);

    private sealed record StoreDocument : TenantDocument
    {
        public string StoreId { get; init; } = string.Empty;

        public string ShopDomain { get; init; } = string.Empty;

        public StoreStatus Status { get; init; }

        public IReadOnlyList<string> Scopes { get; init; } = [];

        public DateTimeOffset ConnectedAt { get; init; }

        public string ConnectedBy { get; init; } = string.Empty;

        public DateTimeOffset? DisconnectedAt { get; init; }

        public string? Name { get; init; }

        public string? CurrencyCode { get; init; }

        public string? TimeZone { get; init; }

        public StoreSync Sync { get; init; } = StoreSync.Pending;

        public static StoreDocument Of(Store store) => new()
        {
            Id = StorePrefix + store.StoreId,
            StoreId = store.StoreId,
            ShopDomain = store.ShopDomain,
            Status = store.Status,
            Scopes = store.Scopes,
            ConnectedAt = store.ConnectedAt,
            ConnectedBy = store.ConnectedBy,
            DisconnectedAt = store.DisconnectedAt,
            Name = store.Name,
            CurrencyCode = store.CurrencyCode,
            TimeZone = store.TimeZone,
            Sync = store.Sync,
        };

        public Store ToStore(MerchantId merchantId) => new(StoreId, merchantId, ShopDomain, Status, Scopes, ConnectedAt, ConnectedBy)
        {
            DisconnectedAt = DisconnectedAt,
            Name = Name,
            CurrencyCode = CurrencyCode,
            TimeZone = TimeZone,
            Sync = Sync,
            Version = ETag,
        };
    }

    private sealed record LocationDocument : TenantDocument
    {
        public string StoreId { get; init; } = string.Empty;

        public string LocationId { get; init; } = string.Empty;

        public string Name { get; init; } = string.Empty;

        public bool IsActive { get; init; }

        public string? City { get; init; }

        public string? CountryCode { get; init; }

        public static LocationDocument Of(string storeId, StoreLocation location) => new()
        {
            Id = $"{LocationPrefix}{storeId}_{location.LocationId[(location.LocationId.LastIndexOf('/') + 1)..]}",
            StoreId = storeId,
            LocationId = location.LocationId,
            Name = location.Name,
            IsActive = location.IsActive,
            City = location.City,
            CountryCode = location.CountryCode,
        };
    }
}
