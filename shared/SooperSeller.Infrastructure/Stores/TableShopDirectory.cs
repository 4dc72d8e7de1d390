using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Caching.Memory;
using SooperSeller.Core.Stores.Webhooks;
using SooperSeller.Core.Stores;
using SooperSeller.Core.Tenancy;
using SooperSeller.Infrastructure.Storage;

namespace SooperSeller.Infrastructure.Stores;

/// <summary>
/// The global shop-domain lookup (table <c>shopdomains</c>): partition = the shop's myshopify domain, one row. Claims
/// are create-only or ETag-guarded, so two merchants racing for one shop cannot both hold it. Webhook routing reads
/// connected shops through a small per-instance copy (<see cref="RouteAsync"/>), bounded to <see cref="RoutingCopies"/>
/// shops.
/// </summary>
public sealed class TableShopDirectory(StorageClients storage) : IShopDirectory, IDisposable
{
    public const string TableName = "shopdomains";
    public const int RoutingCopies = 20_000;
    private const string Row = "shop";

    private readonly MemoryCache _routes = new(new MemoryCacheOptions { SizeLimit = RoutingCopies });

    private TableClient Table => storage.Tables.GetTableClient(TableName);

    public async Task<ShopEntry?> RouteAsync(string shopDomain, CancellationToken cancellationToken)
    {
        if (_routes.TryGetValue(shopDomain, out ShopEntry? copy))
        {
            return copy;
        }

        var entry = await FindAsync(shopDomain, cancellationToken);
        if (entry is { Connected: true })
        {
            _routes.Set(shopDomain, entry, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = ShopifyWebhookIngestion.RoutingCopyMaxAge, Size = 1 });
        }

        return entry;
    }

    public async Task<ShopEntry?> FindAsync(string shopDomain, CancellationToken cancellationToken)
    {
        var read = await Table.GetEntityIfExistsAsync<TableEntity>(shopDomain, Row, cancellationToken: cancellationToken);
        return read.HasValue && read.Value is { } row ? ToEntry(row) : null;
    }

    public async Task<bool> TryClaimAsync(string shopDomain, MerchantId merchantId, string storeId, CancellationToken cancellationToken)
    {
        try
        {
            return await ClaimAsync(shopDomain, merchantId, storeId, cancellationToken);
        }
        finally
        {
            // after the write, so that a delivery routed meanwhile cannot leave the old entry behind
            _routes.Remove(shopDomain);
        }
    }

    public async Task MarkDisconnectedAsync(string shopDomain, MerchantId merchantId, CancellationToken cancellationToken)
    {
        try
        {
            await DisconnectAsync(shopDomain, merchantId, cancellationToken);
        }
        finally
        {
            _routes.Remove(shopDomain);
        }
    }

    private async Task<bool> ClaimAsync(string shopDomain, MerchantId merchantId, string storeId, CancellationToken cancellationToken)
    {
        var claimed = new TableEntity(shopDomain, Row) { ["MerchantId"] = merchantId.Value, ["StoreId"] = storeId, ["Connected"] = true };
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var current = await FindAsync(shopDomain, cancellationToken);
            try
            {
                if (current is null)
                {
                    await Table.AddEntityAsync(claimed, cancellationToken);
                    return true;
                }

                if (current.Connected && current.MerchantId != merchantId)
                {
                    return false;
                }

                await Table.UpdateEntityAsync(claimed, new ETag(current.Version!), TableUpdateMode.Replace, cancellationToken);
                return true;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // someone else wrote the row meanwhile: decide again on what it says now
            }
        }

        return false;
    }

    private async Task DisconnectAsync(string shopDomain, MerchantId merchantId, CancellationToken cancellationToken)
    {
        var current = await FindAsync(shopDomain, cancellationToken);
        if (current is null || current.MerchantId != merchantId)
        {
            return;
        }

        try
        {
            await Table.UpdateEntityAsync(new TableEntity(shopDomain, Row) { ["Connected"] = false }, new ETag(current.Version!), TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            // claimed again meanwhile (a re-connection): the newer state stands
        }
    }

    public async IAsyncEnumerable<ShopEntry> ListConnectedAcrossMerchantsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"Connected eq {true}"), cancellationToken: cancellationToken))
        {
            yield return ToEntry(row);
        }
    }

    private static ShopEntry ToEntry(TableEntity row) =>
        new(row.PartitionKey, MerchantId.Parse(row.GetString("MerchantId")), row.GetString("StoreId"), row.GetBoolean("Connected") ?? false) { Version = row.ETag.ToString() };

    public void Dispose() => _routes.Dispose();
}
