using System.Runtime.CompilerServices;
using SooperSeller.Core.Errors;
using SooperSeller.Core.Orders;
using SooperSeller.Core.Stores;
using SooperSeller.Core.Stores.Sync;
using SooperSeller.Core.Tenancy;

namespace SooperSeller.UnitTests.Core.Stores;

/// <summary>Shopify's changed orders as fixed pages; records each <c>since</c> asked for; may fail after some pages.</summary>
internal sealed class FakeChangeFeed : IShopifyChangeFeed
{
    public List<IReadOnlyList<ChangedOrder>> OrderPages { get; } = [];

    public List<IReadOnlyList<ChangedProduct>> ProductPages { get; } = [];

    public List<DateTimeOffset> OrdersAskedSince { get; } = [];

    /// <summary>Throws (Shopify unreachable) instead of serving the page at this index.</summary>
    public int? FailAtOrderPage { get; set; }

    public async IAsyncEnumerable<IReadOnlyList<ChangedOrder>> OrdersChangedSinceAsync(string shopDomain, DateTimeOffset since, OrderSyncSettings settings, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        OrdersAskedSince.Add(since);
        for (var i = 0; i < OrderPages.Count; i++)
        {
            await Task.Yield();
            if (i == FailAtOrderPage)
            {
                throw new HttpRequestException("Shopify is unreachable.");
            }

            // Shopify answers "updated_at >= since": the fake does too.
            yield return [.. OrderPages[i].Where(o => o.UpdatedAt is null || o.UpdatedAt >= since)];
        }
    }

    public async IAsyncEnumerable<IReadOnlyList<ChangedProduct>> ProductsChangedSinceAsync(string shopDomain, DateTimeOffset since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var page in ProductPages)
        {
            await Task.Yield();
            yield return [.. page.Where(p => p.UpdatedAt is null || p.UpdatedAt >= since)];
        }
    }
}

internal sealed class InMemoryWatermarks : ISyncWatermarks
{
    public Dictionary<(string StoreId, SyncResource Resource), DateTimeOffset> Rows { get; } = [];

    public List<DateTimeOffset> Saved { get; } = [];

    public Task<DateTimeOffset?> GetAsync(MerchantId merchantId, string storeId, SyncResource resource, CancellationToken cancellationToken) =>
        Task.FromResult<DateTimeOffset?>(Rows.TryGetValue((storeId, resource), out var value) ? value : null);

    public Task SaveAsync(MerchantId merchantId, string storeId, SyncResource resource, DateTimeOffset watermark, CancellationToken cancellationToken)
    {
        Rows[(storeId, resource)] = watermark;
        if (resource == SyncResource.Orders)
        {
            Saved.Add(watermark);
        }

        return Task.CompletedTask;
    }
}

/// <summary>Stores with ETag semantics (a stale version is a 409) and their locations.</summary>
internal sealed class InMemoryStores : IStores
{
    private readonly Dictionary<string, Store> _stores = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<StoreLocation>> _locations = new(StringComparer.Ordinal);
    private int _version;

    public int LocationReplacements { get; private set; }

    public Task<Store?> GetAsync(MerchantId merchantId, string storeId, CancellationToken cancellationToken) =>
        Task.FromResult(_stores.TryGetValue(storeId, out var store) && store.MerchantId == merchantId ? store : null);

    public Task<IReadOnlyList<Store>> ListAsync(MerchantId merchantId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Store>>([.. _stores.Values.Where(s => s.MerchantId == merchantId)]);

    public Task<Store> SaveAsync(Store store, CancellationToken cancellationToken)
    {
        if (store.Version is { } version && (!_stores.TryGetValue(store.StoreId, out var current) || current.Version != version))
        {
            throw new ConflictException("changed");
        }

        var saved = store with { Version = (++_version).ToString(System.Globalization.CultureInfo.InvariantCulture) };
        _stores[store.StoreId] = saved;
        return Task.FromResult(saved);
    }

    public Task ReplaceLocationsAsync(MerchantId merchantId, string storeId, IReadOnlyList<StoreLocation> locations, CancellationToken cancellationToken)
    {
        LocationReplacements++;
        _locations[storeId] = locations;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<StoreLocation>> ListLocationsAsync(MerchantId merchantId, string storeId, CancellationToken cancellationToken) =>
        Task.FromResult(_locations.GetValueOrDefault(storeId) ?? []);
}
