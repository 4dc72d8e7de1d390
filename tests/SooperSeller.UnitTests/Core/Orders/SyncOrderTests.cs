using System.Text.Json;
using SooperSeller.Core.Errors;
using SooperSeller.Core.Orders;
using SooperSeller.Core.Stores.Webhooks;
using SooperSeller.Core.Tenancy;

namespace SooperSeller.UnitTests.Core.Orders;

public sealed class SyncOrderTests
{
    private const string StoreId = "sto_00000000000000000000000000000001";
    private static readonly MerchantId Merchant = MerchantId.New();
    private static readonly DateTimeOffset T0 = OrderPayloads.Created;

    private readonly InMemoryOrders _orders = new();

    [Fact]
    public async Task Handle_EveryDeliveryOrderOfUpdatesWithEqualTimestamps_ConvergesToOneDocument()
    {
        Delivery[] events =
        [
            Content(OrderPayloads.Order(updatedAt: T0)),
            Content(OrderPayloads.Order(updatedAt: T0.AddMinutes(1), note: "a")),
            Content(OrderPayloads.Order(updatedAt: T0.AddMinutes(1), note: "b")),
            Content(OrderPayloads.Order(updatedAt: T0.AddMinutes(1), note: "a")),
            Content(OrderPayloads.Order(updatedAt: T0.AddMinutes(1), financial: "paid")),
        ];

        var results = await AllPermutationsAsync(events);

        Assert.Equal(120, results.Count);
        Assert.Single(results.Distinct(StringComparer.Ordinal));
        var order = Deserialize(results[0]);
        Assert.Equal(T0.AddMinutes(1), order.Shopify!.UpdatedAt);
    }

    [Fact]
    public async Task Handle_CreateUpdateCancelDeleteInAnyOrder_EndsAsTheDeleteTombstone()
    {
        Delivery[] events =
        [
            Content(OrderPayloads.Order(updatedAt: T0)),
            Content(OrderPayloads.Order(updatedAt: T0.AddMinutes(1), note: "a")),
            Content(OrderPayloads.Order(updatedAt: T0.AddMinutes(2), cancelled: true)),
            Delete(T0.AddMinutes(3)),
            Content(OrderPayloads.Order(updatedAt: T0.AddMinutes(3), note: "late, same time as the delete")),
            Delete(T0.AddMinutes(3)),
        ];

        var results = await AllPermutationsAsync(events);

        Assert.Single(results.Distinct(StringComparer.Ordinal));
        var order = Deserialize(results[0]);
        Assert.Null(order.Shopify);
        Assert.Equal(T0.AddMinutes(3), order.DeletedAt);
        Assert.Null(order.Search);
    }

    [Fact]
    public async Task Handle_CreateUpdateCancelInAnyOrder_EndsCancelled()
    {
        Delivery[] events =
        [
            Content(OrderPayloads.Order(updatedAt: T0)),
            Content(OrderPayloads.Order(updatedAt: T0.AddMinutes(1), note: "a")),
            Content(OrderPayloads.Order(updatedAt: T0.AddMinutes(2), cancelled: true)),
            Content(OrderPayloads.Order(updatedAt: T0.AddMinutes(2), cancelled: true)),
        ];

        var results = await AllPermutationsAsync(events);

        Assert.Single(results.Distinct(StringComparer.Ordinal));
        var order = Deserialize(results[0]);
        Assert.Equal(T0.AddMinutes(2), order.Shopify!.CancelledAt);
        Assert.Equal(0, order.Shopify.Totals.CurrentTotal);
    }

    [Fact]
    public async Task Handle_StalePayloadAfterNewer_ChangesNothing()
    {
        await HandleAsync(Content(OrderPayloads.Order(updatedAt: T0.AddMinutes(5), note: "new")));
        var before = _orders.All.Single();

        await HandleAsync(Content(OrderPayloads.Order(updatedAt: T0, note: "old")));

        Assert.Same(before, _orders.All.Single());
        Assert.Equal("new", before.Shopify!.Note);
    }

    [Fact]
    public async Task Handle_UpdateNewerThanStored_TakesOneReadAndOneWrite()
    {
        await HandleAsync(Content(OrderPayloads.Order(updatedAt: T0)));
        var afterCreate = _orders.Calls;

        await HandleAsync(Content(OrderPayloads.Order(updatedAt: T0.AddMinutes(1), note: "a")));

        Assert.Equal(2, afterCreate);
        Assert.Equal(4, _orders.Calls);
    }

    [Fact]
    public async Task Handle_RacingWriter_ReadsAgainAndConverges()
    {
        await HandleAsync(Content(OrderPayloads.Order(updatedAt: T0)));
        var newer = ShopifyOrderPayload.Parse(OrderPayloads.Bytes(OrderPayloads.Order(updatedAt: T0.AddMinutes(9), note: "racer")), OrderSyncSettings.Default).Order;
        _orders.BeforeNextWrite = store => store.Put(OrderSync.ApplyContent(store.All.Single(), StoreId, 5001, newer)!);

        await HandleAsync(Content(OrderPayloads.Order(updatedAt: T0.AddMinutes(1), note: "slow")));

        Assert.Equal("racer", _orders.All.Single().Shopify!.Note);
    }

    [Fact]
    public async Task Apply_EveryWriteLosesTheRace_ThrowsConflictSoTheMessageIsRetried()
    {
        await HandleAsync(Content(OrderPayloads.Order(updatedAt: T0)));
        var sync = new SyncOrder(new RacingOrders(_orders));

        await Assert.ThrowsAsync<ConflictException>(() => sync.ApplyDeleteAsync(Merchant, StoreId, 5001, T0.AddDays(1), CancellationToken.None));
    }

    [Fact]
    public async Task Handle_ShopifyUpdate_NeverTouchesSooperSellerFields()
    {
        await HandleAsync(Content(OrderPayloads.Order(updatedAt: T0)));
        var corrections = new ShippingCorrections(Phone: new CustomerPhone("0333 7654321", "+923337654321"), Address1: "House 14, Street 4");
        var edited = _orders.All.Single() with { Internal = new OrderInternal("confirmed", ["customer asked for evening"], ["priority"], corrections) };
        _orders.Put(edited.WithSearchFields());

        await HandleAsync(Content(OrderPayloads.Order(updatedAt: T0.AddMinutes(1), note: "changed in Shopify")));

        var order = _orders.All.Single();
        Assert.Equal("changed in Shopify", order.Shopify!.Note);
        Assert.Equal(edited.Internal, order.Internal);
        Assert.Equal("+923337654321", order.EffectiveShipping!.Phone!.E164);
        Assert.Equal("House 14, Street 4", order.EffectiveShipping.Address1);
        Assert.Equal("Karachi", order.EffectiveShipping.City);
        Assert.Equal(["923001234567", "923337654321"], order.Search!.Phones);
    }

    [Fact]
    public async Task Handle_OrdersOfTwoStoresWithTheSameShopifyId_AreTwoOrders()
    {
        var payload = OrderPayloads.Bytes(OrderPayloads.Order());
        var handler = Handler();

        await handler.HandleAsync(Webhook("orders/create", T0, StoreId), payload, CancellationToken.None);
        await handler.HandleAsync(Webhook("orders/create", T0, "sto_00000000000000000000000000000002"), payload, CancellationToken.None);

        Assert.Equal(2, _orders.All.Select(o => o.Id).Distinct().Count());
    }

    private async Task<List<string>> AllPermutationsAsync(IReadOnlyList<Delivery> events)
    {
        var results = new List<string>();
        foreach (var permutation in Permutations(events))
        {
            var orders = new InMemoryOrders();
            var handler = new ShopifyOrderWebhooks(new SyncOrder(orders), new FixedSettings());
            foreach (var delivery in permutation)
            {
                await handler.HandleAsync(delivery.Webhook, delivery.Payload, CancellationToken.None);
            }

            results.Add(JsonSerializer.Serialize(orders.All.Single() with { Version = null }));
        }

        return results;
    }

    private static IEnumerable<IReadOnlyList<T>> Permutations<T>(IReadOnlyList<T> items)
    {
        if (items.Count <= 1)
        {
            yield return items;
            yield break;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var rest = items.Where((_, j) => j != i).ToList();
            foreach (var tail in Permutations(rest))
            {
                yield return [items[i], .. tail];
            }
        }
    }

    private static Order Deserialize(string json) => JsonSerializer.Deserialize<Order>(json)!;

    private Task HandleAsync(Delivery delivery) => Handler().HandleAsync(delivery.Webhook, delivery.Payload, CancellationToken.None);

    private ShopifyOrderWebhooks Handler() => new(new SyncOrder(_orders), new FixedSettings());

    private static Delivery Content(System.Text.Json.Nodes.JsonObject payload) =>
        new(Webhook("orders/updated", T0.AddHours(1)), OrderPayloads.Bytes(payload));

    private static Delivery Delete(DateTimeOffset at) =>
        new(Webhook("orders/delete", at), OrderPayloads.Bytes(new System.Text.Json.Nodes.JsonObject { ["id"] = 5001 }));

    private static ShopifyWebhook Webhook(string topic, DateTimeOffset triggeredAt, string storeId = StoreId) =>
        new(Merchant, storeId, "shop.myshopify.com", topic, Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), triggeredAt, "2026-10");

    private sealed record Delivery(ShopifyWebhook Webhook, ReadOnlyMemory<byte> Payload);

    private sealed class FixedSettings : IOrderSyncSettingsStore
    {
        public Task<OrderSyncSettings> GetAsync(MerchantId merchantId, CancellationToken cancellationToken) => Task.FromResult(OrderSyncSettings.Default);

        public Task SaveAsync(MerchantId merchantId, OrderSyncSettings settings, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>Another writer changes the order before every write.</summary>
    private sealed class RacingOrders(InMemoryOrders inner) : IOrders
    {
        public Task<Order?> FindAsync(MerchantId merchantId, string orderId, CancellationToken cancellationToken) => inner.FindAsync(merchantId, orderId, cancellationToken);

        public Task<bool> TryCreateAsync(MerchantId merchantId, Order order, CancellationToken cancellationToken) => Task.FromResult(false);

        public Task<bool> TryReplaceAsync(MerchantId merchantId, Order order, CancellationToken cancellationToken) => Task.FromResult(false);

        public Task<IReadOnlyList<Order>> ListForCustomerAsync(MerchantId merchantId, string storeId, long? shopifyCustomerId, string? email, string? phoneDigits, CancellationToken cancellationToken) =>
            inner.ListForCustomerAsync(merchantId, storeId, shopifyCustomerId, email, phoneDigits, cancellationToken);

        public IAsyncEnumerable<Order> ListByStoreAsync(MerchantId merchantId, string storeId, CancellationToken cancellationToken) => inner.ListByStoreAsync(merchantId, storeId, cancellationToken);
    }
}
