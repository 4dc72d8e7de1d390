using SooperSeller.Core.Orders;
using SooperSeller.Core.Tenancy;

namespace SooperSeller.IntegrationTests.Orders;

/// <summary>Counts the calls to the Cosmos repositories: each is one Cosmos round trip (no call pages here).</summary>
internal sealed class CountingOrders(IOrders inner) : IOrders
{
    private int _calls;
    public int Calls => _calls;

    public Task<Order?> FindAsync(MerchantId merchantId, string orderId, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        return inner.FindAsync(merchantId, orderId, cancellationToken);
    }

    public Task<bool> TryCreateAsync(MerchantId merchantId, Order order, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        return inner.TryCreateAsync(merchantId, order, cancellationToken);
    }

    public Task<bool> TryReplaceAsync(MerchantId merchantId, Order order, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        return inner.TryReplaceAsync(merchantId, order, cancellationToken);
    }

    public Task<IReadOnlyList<Order>> ListForCustomerAsync(
        MerchantId merchantId, string storeId, long? shopifyCustomerId, string? email, string? phoneDigits, CancellationToken cancellationToken) =>
        inner.ListForCustomerAsync(merchantId, storeId, shopifyCustomerId, email, phoneDigits, cancellationToken);

    public IAsyncEnumerable<Order> ListByStoreAsync(MerchantId merchantId, string storeId, CancellationToken cancellationToken) =>
        inner.ListByStoreAsync(merchantId, storeId, cancellationToken);
}
