using SooperSeller.Core.Tenancy;

namespace SooperSeller.Core.Orders;

/// <summary>Orders in the merchant's partition of <c>orders</c>. Each method is one Cosmos round trip (lists: one per page).</summary>
public interface IOrders
{
    Task<Order?> FindAsync(MerchantId merchantId, string orderId, CancellationToken cancellationToken);

    /// <summary>Creates the order; false when one with its id exists (someone raced us: read again).</summary>
    Task<bool> TryCreateAsync(MerchantId merchantId, Order order, CancellationToken cancellationToken);

    /// <summary>Replaces the order if it is unchanged since read (<see cref="Order.Version"/>); false when it changed.</summary>
    Task<bool> TryReplaceAsync(MerchantId merchantId, Order order, CancellationToken cancellationToken);

    /// <summary>The store's orders of a customer: by Shopify customer id, or one of <see cref="OrderSearchFields"/>' emails or phones (any may be null).</summary>
    Task<IReadOnlyList<Order>> ListForCustomerAsync(
        MerchantId merchantId, string storeId, long? shopifyCustomerId, string? email, string? phoneDigits, CancellationToken cancellationToken);

    /// <summary>Every order of the store (shop redaction).</summary>
    IAsyncEnumerable<Order> ListByStoreAsync(MerchantId merchantId, string storeId, CancellationToken cancellationToken);
}
