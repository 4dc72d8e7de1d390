using Microsoft.Azure.Cosmos;
using SooperSeller.Core.Orders;
using SooperSeller.Core.Stores.Backfill;
using SooperSeller.Core.Tenancy;
using SooperSeller.Infrastructure.Cosmos;

namespace SooperSeller.Infrastructure.Stores.Backfill;

/// <summary>
/// The store's orders in <c>orders</c> (ids <c>order_{storeId}_…</c>), tombstones excluded: one COUNT query in the
/// merchant's partition (an aggregate, not a GROUP BY, which the stand-in and decision D2 rule out).
/// </summary>
public sealed class CosmosStoreOrderCounts(TenantStore store) : IStoreOrderCounts
{
    public async Task<long> CountAsync(MerchantId merchantId, string storeId, CancellationToken cancellationToken)
    {
        var query = new QueryDefinition("SELECT VALUE COUNT(1) FROM c WHERE STARTSWITH(c.id, @prefix) AND IS_DEFINED(c.shopify) AND NOT IS_NULL(c.shopify)")
            .WithParameter("@prefix", Order.IdOf(storeId, 0)[..^1]);
        long total = 0;
        await foreach (var count in store.For(TenantContainers.Orders).QueryAsync<long>(merchantId, query, cancellationToken))
        {
            total += count;
        }

        return total;
    }
}
