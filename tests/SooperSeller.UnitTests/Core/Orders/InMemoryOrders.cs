using System.Runtime.CompilerServices;
using SooperSeller.Core.Orders;
using SooperSeller.Core.Tenancy;

namespace SooperSeller.UnitTests.Core.Orders;

/// <summary>An in-memory <see cref="IOrders"/> with ETags and a count of calls (each one a Cosmos round trip in the real one).</summary>
internal sealed class InMemoryOrders : IOrders
{
    private readonly Dictionary<string, Order> _orders = new(StringComparer.Ordinal);
    private int _etag;

    public int Calls { get; private set; }

    /// <summary>Runs once before the next conditional write: a racing writer.</summary>
    public Action<InMemoryOrders>? BeforeNextWrite { get; set; }

    public IReadOnlyCollection<Order> All => _orders.Values;

    public Task<Order?> FindAsync(MerchantId merchantId, string orderId, CancellationToken cancellationToken)
    {
        Calls++;
        return Task.FromResult(_orders.GetValueOrDefault(orderId));
    }

    public Task<bool> TryCreateAsync(MerchantId merchantId, Order order, CancellationToken cancellationToken)
    {
        Calls++;
        Race();
        if (_orders.ContainsKey(order.Id))
        {
            return Task.FromResult(false);
        }

        Put(order);
        return Task.FromResult(true);
    }

    public Task<bool> TryReplaceAsync(MerchantId merchantId, Order order, CancellationToken cancellationToken)
    {
        Calls++;
        Race();
        if (!_orders.TryGetValue(order.Id, out var stored) || stored.Version != order.Version)
        {
            return Task.FromResult(false);
        }

        Put(order);
        return Task.FromResult(true);
    }

    public Task<IReadOnlyList<Order>> ListForCustomerAsync(
        MerchantId merchantId, string storeId, long? shopifyCustomerId, string? email, string? phoneDigits, CancellationToken cancellationToken)
    {
        Calls++;
        return Task.FromResult<IReadOnlyList<Order>>([.. _orders.Values.Where(o => o.StoreId == storeId && (
            (shopifyCustomerId is not null && o.Shopify?.CustomerId == shopifyCustomerId)
            || (email is not null && o.Search?.Emails.Contains(email) == true)
            || (phoneDigits is not null && o.Search?.Phones.Contains(phoneDigits) == true)))]);
    }

    public async IAsyncEnumerable<Order> ListByStoreAsync(MerchantId merchantId, string storeId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Calls++;
        await Task.Yield();
        foreach (var order in _orders.Values.Where(o => o.StoreId == storeId).ToList())
        {
            yield return order;
        }
    }

    /// <summary>Writes directly (a SooperSeller use case editing its own fields).</summary>
    public void Put(Order order) => _orders[order.Id] = order with { Version = $"\"{++_etag}\"" };

    private void Race()
    {
        var race = BeforeNextWrite;
        BeforeNextWrite = null;
        race?.Invoke(this);
    }
}
