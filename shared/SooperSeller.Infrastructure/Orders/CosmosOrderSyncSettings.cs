using System.Collections.Concurrent;
using SooperSeller.Core.Orders;
using SooperSeller.Core.Tenancy;
using SooperSeller.Infrastructure.Cosmos;

namespace SooperSeller.Infrastructure.Orders;

/// <summary>
/// A merchant's order sync settings, <c>settings_order-sync</c> in <c>merchants</c>. Read on every order webhook, so a
/// copy is kept in process for <see cref="CacheFor"/>: an order then costs one read and one write, and a changed COD
/// list takes effect within a minute on every instance.
/// </summary>
public sealed class CosmosOrderSyncSettings(TenantStore store, TimeProvider time) : IOrderSyncSettingsStore
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);

    private const string DocumentId = "settings_order-sync";

    private readonly ConcurrentDictionary<MerchantId, (OrderSyncSettings Settings, DateTimeOffset Until)> _cache = new();

    private TenantContainer Container => store.For(TenantContainers.Merchants);

    public async Task<OrderSyncSettings> GetAsync(MerchantId merchantId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(merchantId, out var cached) && cached.Until > now)
        {
            return cached.Settings;
        }

        var document = await Container.ReadAsync<SettingsDocument>(merchantId, DocumentId, cancellationToken);
        var settings = document?.CodGatewayNames is { Count: > 0 } names ? new OrderSyncSettings(names) : OrderSyncSettings.Default;
        _cache[merchantId] = (settings, now + CacheFor);
        return settings;
    }

    public async Task SaveAsync(MerchantId merchantId, OrderSyncSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await Container.UpsertAsync(merchantId, new SettingsDocument { Id = DocumentId, CodGatewayNames = [.. settings.CodGatewayNames] }, cancellationToken);
        _cache.TryRemove(merchantId, out _);
    }

    private sealed record SettingsDocument : TenantDocument
    {
        public IReadOnlyList<string>? CodGatewayNames { get; init; }
    }
}
