using SooperSeller.Core.Orders;
using SooperSeller.Core.Tenancy;

namespace SooperSeller.Benchmarks.Stores;

/// <summary>
/// Counts Cosmos round trips of the order repository: each call of <see cref="IOrders"/> but the streaming
/// <see cref="IOrders.ListByStoreAsync"/> is one request.
/// </summary>
internal sealed class CountingOrders(IOrders inner) : IOrders
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public Task<Order?> FindAsync(MerchantId merchantId, string orderId, CancellationToken cancellationToken) => Count(inner.FindAsync(merchantId, orderId, cancellationToken));

    public Task<bool> TryCreateAsync(MerchantId merchantId, Order order, CancellationToken cancellationToken) => Count(inner.TryCreateAsync(merchantId, order, cancellationToken));

    public Task<bool> TryReplaceAsync(MerchantId merchantId, Order order, CancellationToken cancellationToken) => Count(inner.TryReplaceAsync(merchantId, order, cancellationToken));

    public Task<IReadOnlyList<Order>> ListForCustomerAsync(MerchantId merchantId, string storeId, long? shopifyCustomerId, string? email, string? phoneDigits, CancellationToken cancellationToken) =>
        Count(inner.ListForCustomerAsync(merchantId, storeId, shopifyCustomerId, email, phoneDigits, cancellationToken));

    public IAsyncEnumerable<Order> ListByStoreAsync(MerchantId merchantId, string storeId, CancellationToken cancellationToken) => inner.ListByStoreAsync(merchantId, storeId, cancellationToken);

    private Task<T> Count<T>(Task<T> call)
    {
        Interlocked.Increment(ref _calls);
        return call;
    }
}
