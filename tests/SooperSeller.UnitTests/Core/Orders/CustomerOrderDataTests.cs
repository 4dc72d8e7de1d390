using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SooperSeller.Core.Orders;
using SooperSeller.Core.Tenancy;

namespace SooperSeller.UnitTests.Core.Orders;

public sealed class CustomerOrderDataTests
{
    private const string StoreId = "sto_00000000000000000000000000000001";
    private const string OtherStore = "sto_00000000000000000000000000000002";
    private static readonly MerchantId Merchant = MerchantId.New();
    private static readonly DateTimeOffset T0 = OrderPayloads.Created;

    private readonly InMemoryOrders _orders = new();
    private readonly FakeTimeProvider _time = new(T0.AddDays(30));

    private CustomerOrderData Data => new(_orders, new SyncOrder(_orders), _time);

    [Fact]
    public async Task AnonymiseCustomer_ByEmail_ErasesPersonalFieldsAndKeepsAmountsAndLines()
    {
        await SyncAsync(StoreId, 5001, T0, note: "Gate code 4411, call 0300-1234567");
        _orders.Put(_orders.All.Single() with { Internal = OrderInternal.Empty with { Notes = ["keep"], Corrections = new ShippingCorrections(Name: "Ayesha K.") } });
        var before = _orders.All.Single();

        var changed = await Data.AnonymiseCustomerAsync(Merchant, StoreId, null, "AYESHA@example.pk", null, [], CancellationToken.None);

        var after = _orders.All.Single();
        Assert.Equal(1, changed);
        Assert.Equal(_time.GetUtcNow(), after.RedactedAt);
        Assert.Equal(before.Shopify!.Totals, after.Shopify!.Totals);
        Assert.Equal(before.Shopify.LineItems, after.Shopify.LineItems);
        Assert.Equal(before.Shopify.CreatedAt, after.Shopify.CreatedAt);
        Assert.Equal(["keep"], after.Internal.Notes);
        AssertHoldsNoPersonalData(after);
    }

    [Fact]
    public async Task AnonymiseCustomer_ByTheCorrectedPhone_FindsTheOrderAndErasesBothPhones()
    {
        await SyncAsync(StoreId, 5001, T0);
        var order = _orders.All.Single();
        _orders.Put((order with { Internal = OrderInternal.Empty with { Corrections = new ShippingCorrections(Phone: CustomerPhones.Normalise("0333-7654321")) } }).WithSearchFields());

        var changed = await Data.AnonymiseCustomerAsync(Merchant, StoreId, null, null, "03337654321", [], CancellationToken.None);

        Assert.Equal(1, changed);
        AssertHoldsNoPersonalData(_orders.All.Single());
        Assert.DoesNotContain("7654321", JsonSerializer.Serialize(_orders.All.Single()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnonymiseCustomer_SecondTime_ChangesNothing()
    {
        await SyncAsync(StoreId, 5001, T0);
        await Data.AnonymiseCustomerAsync(Merchant, StoreId, 8001, null, null, [], CancellationToken.None);
        var first = _orders.All.Single();

        var changed = await Data.AnonymiseCustomerAsync(Merchant, StoreId, 8001, "ayesha@example.pk", "0300-1234567", [5001], CancellationToken.None);

        Assert.Equal(0, changed);
        Assert.Same(first, _orders.All.Single());
    }

    [Fact]
    public async Task AnonymiseCustomer_ThenNewerShopifyUpdate_DoesNotBringThePersonalDataBack()
    {
        await SyncAsync(StoreId, 5001, T0);
        await Data.AnonymiseCustomerAsync(Merchant, StoreId, null, null, "+92 300 1234567", [], CancellationToken.None);

        await SyncAsync(StoreId, 5001, T0.AddDays(1), note: "new note with 0300-1234567");

        var order = _orders.All.Single();
        Assert.Equal(T0.AddDays(1), order.Shopify!.UpdatedAt);
        AssertHoldsNoPersonalData(order);
    }

    [Fact]
    public async Task AnonymiseCustomer_ListedOrderNotSyncedYet_ArrivesAlreadyStripped()
    {
        var changed = await Data.AnonymiseCustomerAsync(Merchant, StoreId, 8001, null, null, [5009], CancellationToken.None);

        await SyncAsync(StoreId, 5009, T0);

        Assert.Equal(1, changed);
        var order = _orders.All.Single();
        Assert.Equal(500050, order.Shopify!.Totals.Total);
        AssertHoldsNoPersonalData(order);
    }

    [Fact]
    public async Task AnonymiseCustomer_OtherCustomersAndStores_AreUntouched()
    {
        await SyncAsync(StoreId, 5001, T0);
        await SyncAsync(OtherStore, 5001, T0);
        await SyncAsync(StoreId, 5002, T0, email: "bilal@example.pk", customerId: 8002, phone: "0321-7654321");

        var changed = await Data.AnonymiseCustomerAsync(Merchant, StoreId, 8001, "ayesha@example.pk", "03001234567", [], CancellationToken.None);

        Assert.Equal(1, changed);
        Assert.NotNull(_orders.All.Single(o => o.Id == Order.IdOf(OtherStore, 5001)).Shopify!.Shipping);
        Assert.NotNull(_orders.All.Single(o => o.Id == Order.IdOf(StoreId, 5002)).Shopify!.Shipping);
    }

    [Fact]
    public async Task AnonymiseStore_ErasesEveryOrderOfThatStoreOnly()
    {
        await SyncAsync(StoreId, 5001, T0);
        await SyncAsync(StoreId, 5002, T0, email: "bilal@example.pk", customerId: 8002, phone: "0321-7654321");
        await SyncAsync(OtherStore, 5001, T0);

        var changed = await Data.AnonymiseStoreAsync(Merchant, StoreId, CancellationToken.None);
        var again = await Data.AnonymiseStoreAsync(Merchant, StoreId, CancellationToken.None);

        Assert.Equal(2, changed);
        Assert.Equal(0, again);
        Assert.All(_orders.All.Where(o => o.StoreId == StoreId), AssertHoldsNoPersonalData);
        Assert.NotNull(_orders.All.Single(o => o.StoreId == OtherStore).Shopify!.Shipping);
    }

    [Fact]
    public async Task ExportCustomer_ListsTheirOrdersPersonalFields()
    {
        await SyncAsync(StoreId, 5001, T0);
        await SyncAsync(StoreId, 5002, T0, email: "bilal@example.pk", customerId: 8002, phone: "0321-7654321");

        var package = await Data.ExportCustomerAsync(Merchant, StoreId, 8001, null, null, [], CancellationToken.None);

        var entry = Assert.Single(package.Orders);
        Assert.Equal(5001, entry.ShopifyOrderId);
        Assert.Equal("Ayesha Khan", entry.Shipping!.Name);
        Assert.Contains("923001234567", JsonSerializer.Serialize(package), StringComparison.Ordinal);
    }

    private static void AssertHoldsNoPersonalData(Order order)
    {
        var json = JsonSerializer.Serialize(order);
        foreach (var personal in new[] { "Ayesha", "Khan", "ayesha@example.pk", "1234567", "House 12", "Gate code", "8001", "Ayesha K." })
        {
            Assert.DoesNotContain(personal, json, StringComparison.OrdinalIgnoreCase);
        }

        Assert.NotNull(order.RedactedAt);
    }

    private async Task SyncAsync(string storeId, long orderId, DateTimeOffset updatedAt, string? note = null, string? email = null, long? customerId = null, string? phone = null)
    {
        var payload = OrderPayloads.Order(orderId, updatedAt, note);
        if (email is not null)
        {
            payload["email"] = email;
            payload["customer"] = new System.Text.Json.Nodes.JsonObject { ["id"] = customerId, ["email"] = email };
            payload["shipping_address"]!["phone"] = phone;
            payload["shipping_address"]!["name"] = "Bilal Ahmed";
            payload["shipping_address"]!["first_name"] = "Bilal";
            payload["shipping_address"]!["last_name"] = "Ahmed";
        }

        var (id, content) = ShopifyOrderPayload.Parse(OrderPayloads.Bytes(payload), OrderSyncSettings.Default);
        await new SyncOrder(_orders).ApplyContentAsync(Merchant, storeId, id, content, CancellationToken.None);
    }
}
