using System.Runtime.CompilerServices;
using Microsoft.Azure.Cosmos;
using SooperSeller.Core.Errors;
using SooperSeller.Core.Orders;
using SooperSeller.Core.Tenancy;
using SooperSeller.Infrastructure.Cosmos;

namespace SooperSeller.Infrastructure.Orders;

/// <summary>
/// Orders as <c>order_{storeId}_{shopifyOrderId}</c> in the merchant's partition of <c>orders</c>. Every method is one
/// Cosmos round trip (queries: one per page); writes are conditional (create-only, or replace on the ETag read).
/// </summary>
public sealed class CosmosOrders(TenantStore store) : IOrders
{
    private TenantContainer Container => store.For(TenantContainers.Orders);

    public async Task<Order?> FindAsync(MerchantId merchantId, string orderId, CancellationToken cancellationToken) =>
        (await Container.ReadAsync<OrderDocument>(merchantId, orderId, cancellationToken))?.ToOrder();

    public async Task<bool> TryCreateAsync(MerchantId merchantId, Order order, CancellationToken cancellationToken) =>
        await Container.TryCreateAsync(merchantId, OrderDocument.Of(order), cancellationToken) is not null;

    public async Task<bool> TryReplaceAsync(MerchantId merchantId, Order order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentException.ThrowIfNullOrEmpty(order.Version);
        return await Container.TryReplaceAsync(merchantId, OrderDocument.Of(order), order.Version, cancellationToken) is not null;
    }

    public async Task<IReadOnlyList<Order>> ListForCustomerAsync(
        MerchantId merchantId, string storeId, long? shopifyCustomerId, string? email, string? phoneDigits, CancellationToken cancellationToken)
    {
        var conditions = new List<string>();
        if (shopifyCustomerId is not null)
        {
            conditions.Add("c.shopify.customerId = @customerId");
        }

        if (email is not null)
        {
            conditions.Add("ARRAY_CONTAINS(c.search.emails, @email)");
        }

        if (phoneDigits is not null)
        {
            conditions.Add("ARRAY_CONTAINS(c.search.phones, @phone)");
        }

        if (conditions.Count == 0)
        {
            return [];
        }

        var query = new QueryDefinition($"SELECT * FROM c WHERE STARTSWITH(c.id, @prefix) AND ({string.Join(" OR ", conditions)})")
            .WithParameter("@prefix", Prefix(storeId))
            .WithParameter("@customerId", shopifyCustomerId)
            .WithParameter("@email", email)
            .WithParameter("@phone", phoneDigits);
        var orders = new List<Order>();
        await foreach (var document in Container.QueryAsync<OrderDocument>(merchantId, query, cancellationToken))
        {
            orders.Add(document.ToOrder());
        }

        return orders;
    }

    public async IAsyncEnumerable<Order> ListByStoreAsync(MerchantId merchantId, string storeId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE STARTSWITH(c.id, @prefix)").WithParameter("@prefix", Prefix(storeId));
        await foreach (var document in Container.QueryAsync<OrderDocument>(merchantId, query, cancellationToken))
        {
            yield return document.ToOrder();
        }
    }

    // order_{storeId}_ : the id of order 0 without its 0.
    private static string Prefix(string storeId) => Order.IdOf(storeId, 0)[..^1];

    private sealed record OrderDocument : TenantDocument
    {
        public string StoreId { get; init; } = string.Empty;

        public long ShopifyOrderId { get; init; }

        public ShopifyOrder? Shopify { get; init; }

        public DateTimeOffset? DeletedAt { get; init; }

        public DateTimeOffset? RedactedAt { get; init; }

        public OrderInternal? Internal { get; init; }

        public OrderSearchFields? Search { get; init; }

        public static OrderDocument Of(Order order) => new()
        {
            Id = order.Id,
            StoreId = order.StoreId,
            ShopifyOrderId = order.ShopifyOrderId,
            Shopify = order.Shopify,
            DeletedAt = order.DeletedAt,
            RedactedAt = order.RedactedAt,
            Internal = order.Internal,
            Search = order.Search,
        };

        public Order ToOrder() => new()
        {
            Id = Id,
            StoreId = StoreId,
            ShopifyOrderId = ShopifyOrderId,
            Shopify = Shopify,
            DeletedAt = DeletedAt,
            RedactedAt = RedactedAt,
            Internal = Internal ?? OrderInternal.Empty,
            Search = Search,
            Version = ETag,
        };
    }
}
