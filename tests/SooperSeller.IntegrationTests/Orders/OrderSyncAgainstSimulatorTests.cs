using System.Globalization;
using System.Text.Json;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.DependencyInjection;
using SooperSeller.Core.Orders;
using SooperSeller.Core.Stores.Webhooks;
using SooperSeller.Core.Tenancy;
using SooperSeller.DevHost.Emulators;
using SooperSeller.Infrastructure.Cosmos;
using SooperSeller.Infrastructure.Orders;
using SooperSeller.IntegrationTests.Shopify;
using SooperSeller.Shopify;
using SooperSeller.Shopify.Operations;
using SooperSeller.Testing.Cosmos;
using SooperSeller.Testing.Emulators;
using Xunit.Abstractions;

namespace SooperSeller.IntegrationTests.Orders;

/// <summary>
/// Order webhooks the Shopify simulator really sends (signed REST payloads, duplicated, held and released in reverse,
/// then all fed again shuffled: stale and duplicate) applied by the order handler to Cosmos; the stored orders must equal
/// the simulator's state as our GraphQL client reads it, field for field. Redaction then erases the customer for good.
/// </summary>
public sealed class OrderSyncAgainstSimulatorTests(EmulatorsFixture fixture, ITestOutputHelper output) : IClassFixture<EmulatorsFixture>, IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly string[] Topics = ["ORDERS_CREATE", "ORDERS_UPDATED", "ORDERS_CANCELLED", "ORDERS_DELETE"];
    private readonly MerchantId _merchant = MerchantId.New();
    private readonly string _storeId = "sto_" + Guid.NewGuid().ToString("N");
    private readonly string _secrets = AppInstance.NewSecretsDirectory();
    private TestTenantStore? _store;

    private ShopifySimulator Shopify => fixture.Emulators.Shopify;

    public async Task InitializeAsync() => _store = await TestTenantStore.CreateAsync(fixture.Emulators.Cosmos);

    public async Task DisposeAsync() => await _store!.DisposeAsync();

    [Theory]
    [InlineData("reverse")]
    [InlineData("shuffle")]
    [InlineData("fifo")]
    public async Task Webhooks_DuplicatedReorderedAndStale_StoreExactlyTheOrdersShopifyHas(string releaseOrder)
    {
        await using var app = AppInstance.Create(fixture.Emulators, _secrets);
        var shop = await ConnectedShopAsync(app);
        using var capture = new WebhookCapture();
        var (ids, deliveries) = await PlayScenarioAsync(app, shop, capture, releaseOrder);
        var orders = new CountingOrders(new CosmosOrders(_store!.Store));
        var handler = new ShopifyOrderWebhooks(new SyncOrder(orders), new CosmosOrderSyncSettings(_store.Store, TimeProvider.System));

        var perDelivery = new List<int>();
        foreach (var delivery in deliveries.Concat(Shuffled(deliveries, seed: 7)))
        {
            var before = orders.Calls;
            await handler.HandleAsync(Webhook(shop, delivery), delivery.Body, None);
            perDelivery.Add(orders.Calls - before);
        }

        await AssertStoredEqualsShopifyAsync(app, shop, ids);
        Assert.True(deliveries.Count >= 2 * 9, $"{deliveries.Count} deliveries");
        Assert.All(perDelivery, calls => Assert.InRange(calls, 1, 2));
        output.WriteLine(
            "Cosmos round trips ({0}): {1} deliveries, {2} order reads and writes in all; {3} deliveries wrote (1 read + 1 write), {4} were stale or duplicate (1 read).",
            releaseOrder, perDelivery.Count, perDelivery.Sum(), perDelivery.Count(c => c == 2), perDelivery.Count(c => c == 1));
    }

    [Fact]
    public async Task Webhooks_AllProcessedAtOnce_RacingWritesRetryAndConverge()
    {
        await using var app = AppInstance.Create(fixture.Emulators, _secrets);
        var shop = await ConnectedShopAsync(app);
        using var capture = new WebhookCapture();
        var (ids, deliveries) = await PlayScenarioAsync(app, shop, capture, "shuffle");
        var orders = new CountingOrders(new CosmosOrders(_store!.Store));
        var handler = new ShopifyOrderWebhooks(new SyncOrder(orders), new CosmosOrderSyncSettings(_store.Store, TimeProvider.System));

        await Task.WhenAll(deliveries.Select(d => Task.Run(() => handler.HandleAsync(Webhook(shop, d), d.Body, None))));

        await AssertStoredEqualsShopifyAsync(app, shop, ids);
        output.WriteLine("Concurrent: {0} deliveries, {1} order reads and writes in all.", deliveries.Count, orders.Calls);
    }

    /// <summary>
    /// Four orders on a shop whose deliveries are duplicated and held: a COD order with a customer, updated twice (the
    /// second time with Urdu digits in the phone); a prepaid order, cancelled; an order, deleted; an order without
    /// customer data (protected data withheld), fulfilled. Then the deliveries are released in <paramref name="releaseOrder"/>.
    /// </summary>
    private async Task<(long[] Ids, IReadOnlyList<CapturedWebhook> Deliveries)> PlayScenarioAsync(ServiceProvider app, ShopDomain shop, WebhookCapture capture, string releaseOrder)
    {
        await SubscribeAsync(app, shop, capture.Url);
        await Shopify.SetDeliveryControlsAsync(shop.Value, duplicates: 1, hold: true);
        var a = await CreateAsync(shop, Customer("Zarmeena", "Qureshi", "0345-1112233"), [new SimLineItem(Title: "Lawn suit", Price: 2500.50m, Quantity: 2, Discount: 100m), new SimLineItem(Title: "Dupatta", Price: 800m)]);
        var b = await CreateAsync(shop, new SimOrder { PaymentGatewayNames = ["bogus"], Note = "prepaid", Tags = ["online"] });
        var c = await CreateAsync(shop, new SimOrder());
        var d = await CreateAsync(shop, new SimOrder { NoCustomer = true, NoShippingAddress = true });
        await Shopify.AdvanceShopClockAsync(shop.Value, TimeSpan.FromMinutes(1));
        await Shopify.UpdateOrderAsync(shop.Value, a, new SimOrderPatch { Note = "Leave with the guard", Tags = ["vip", "repeat"] });
        await Shopify.CancelOrderAsync(shop.Value, b);
        await Shopify.UpdateOrderAsync(shop.Value, d, new SimOrderPatch { FulfillmentStatus = "FULFILLED" });
        await Shopify.AdvanceShopClockAsync(shop.Value, TimeSpan.FromMinutes(1));
        await Shopify.UpdateOrderAsync(shop.Value, a, new SimOrderPatch { FinancialStatus = "PAID", ShippingAddress = Address("Zarmeena", "Qureshi", "۰۳۴۵-۱۱۱۲۲۳۳", "Lahore") });
        await Shopify.DeleteOrderAsync(shop.Value, c);
        var released = await Shopify.ReleaseDeliveriesAsync(shop.Value, releaseOrder);
        return ([a, b, c, d], await capture.WaitForAsync(released));
    }

    private async Task AssertStoredEqualsShopifyAsync(ServiceProvider app, ShopDomain shop, long[] ids)
    {
        var shopify = await app.GetRequiredService<ShopifyAdminClient>().ExecuteAsync(
            shop, ShopifyOperations.GetOrders, new GetOrdersVariables([.. ids.Select(Gid)]), None);
        var stored = new CosmosOrders(_store!.Store);
        foreach (var node in shopify.Nodes.OfType<OrderDetailNode>())
        {
            AssertSameOrder(node, await stored.FindAsync(_merchant, Order.IdOf(_storeId, long.Parse(node.LegacyResourceId, CultureInfo.InvariantCulture)), None));
        }

        Assert.Equal(3, shopify.Nodes.OfType<OrderDetailNode>().Count());
        Assert.Null(shopify.Nodes[2]);
        var deleted = await stored.FindAsync(_merchant, Order.IdOf(_storeId, ids[2]), None);
        Assert.NotNull(deleted?.DeletedAt);
        Assert.Null(deleted.Shopify);
        var first = await stored.FindAsync(_merchant, Order.IdOf(_storeId, ids[0]), None);
        Assert.Equal(new CustomerPhone("۰۳۴۵-۱۱۱۲۲۳۳", "+923451112233"), first!.Shopify!.Shipping!.Phone);
        Assert.Equal("Lahore", first.Shopify.Shipping.City);
        Assert.Equal("paid", first.Shopify.FinancialStatus);
        Assert.True(first.Shopify.IsCod);
        var withheld = await stored.FindAsync(_merchant, Order.IdOf(_storeId, ids[3]), None);
        Assert.Equal("fulfilled", withheld!.Shopify!.FulfillmentStatus);
    }

    [Fact]
    public async Task AnonymiseCustomer_ErasesThemFromTheContainer_AndALaterUpdateDoesNotBringThemBack()
    {
        await using var app = AppInstance.Create(fixture.Emulators, _secrets);
        var shop = await ConnectedShopAsync(app);
        using var capture = new WebhookCapture();
        await SubscribeAsync(app, shop, capture.Url);
        var handler = new ShopifyOrderWebhooks(new SyncOrder(new CosmosOrders(_store!.Store)), new CosmosOrderSyncSettings(_store.Store, TimeProvider.System));
        var mine = await CreateAsync(shop, Customer("Zarmeena", "Qureshi", "0345-1112233"), [new SimLineItem(Title: "Lawn suit", Price: 2500.50m, Quantity: 2)]);
        await CreateAsync(shop, Customer("Bilal", "Ahmed", "0321-9998877"), [new SimLineItem(Title: "Kurta", Price: 1500m)]);
        await FeedAsync(handler, shop, await capture.WaitForAsync(2));
        var before = await DumpAsync();
        var original = (await new CosmosOrders(_store.Store).FindAsync(_merchant, Order.IdOf(_storeId, mine), None))!.Shopify!;
        var data = new CustomerOrderData(new CosmosOrders(_store.Store), new SyncOrder(new CosmosOrders(_store.Store)), TimeProvider.System);

        var package = await data.ExportCustomerAsync(_merchant, _storeId, null, null, "+92 345 1112233", [], None);
        var changed = await data.AnonymiseCustomerAsync(_merchant, _storeId, null, "Zarmeena.Q@example.pk", null, [], None);
        var again = await data.AnonymiseCustomerAsync(_merchant, _storeId, null, "zarmeena.q@example.pk", "+92 345 1112233", [mine], None);
        await Shopify.AdvanceShopClockAsync(shop.Value, TimeSpan.FromMinutes(1));
        await Shopify.UpdateOrderAsync(shop.Value, mine, new SimOrderPatch { Note = "Call Zarmeena on 0345-1112233", ShippingAddress = Address("Zarmeena", "Qureshi", "0345-1112233", "Karachi") });
        await FeedAsync(handler, shop, (await capture.WaitForAsync(3)).Skip(2));
        var after = await DumpAsync();

        Assert.Equal(mine, Assert.Single(package.Orders).ShopifyOrderId);
        Assert.Equal(1, changed);
        Assert.Equal(0, again);
        Assert.Contains("Zarmeena", before, StringComparison.Ordinal);
        foreach (var personal in new[] { "Zarmeena", "Qureshi", "zarmeena.q", "1112233", "345111" })
        {
            Assert.DoesNotContain(personal, after, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("Bilal", after, StringComparison.Ordinal);
        var order = await new CosmosOrders(_store.Store).FindAsync(_merchant, Order.IdOf(_storeId, mine), None);
        Assert.Equal(520100, order!.Shopify!.Totals.Total); // 2 × 2500.50 + 200 shipping
        Assert.Equal(original.Totals, order.Shopify.Totals);
        Assert.Equal(original.LineItems, order.Shopify.LineItems);
        Assert.NotNull(order.RedactedAt);
        Assert.NotEqual(order.Shopify.CreatedAt, order.Shopify.UpdatedAt);
    }

    [Fact]
    public async Task AnonymiseStore_ErasesEveryCustomerOfTheStore_AndKeepsTheAmounts()
    {
        await using var app = AppInstance.Create(fixture.Emulators, _secrets);
        var shop = await ConnectedShopAsync(app);
        using var capture = new WebhookCapture();
        await SubscribeAsync(app, shop, capture.Url);
        var handler = new ShopifyOrderWebhooks(new SyncOrder(new CosmosOrders(_store!.Store)), new CosmosOrderSyncSettings(_store.Store, TimeProvider.System));
        await CreateAsync(shop, Customer("Zarmeena", "Qureshi", "0345-1112233"), [new SimLineItem(Title: "Lawn suit", Price: 2500.50m, Quantity: 2)]);
        await CreateAsync(shop, Customer("Bilal", "Ahmed", "0321-9998877"), [new SimLineItem(Title: "Kurta", Price: 1500m)]);
        await FeedAsync(handler, shop, await capture.WaitForAsync(2));
        var data = new CustomerOrderData(new CosmosOrders(_store.Store), new SyncOrder(new CosmosOrders(_store.Store)), TimeProvider.System);

        var changed = await data.AnonymiseStoreAsync(_merchant, _storeId, None);
        var again = await data.AnonymiseStoreAsync(_merchant, _storeId, None);

        var dump = await DumpAsync();
        Assert.Equal(2, changed);
        Assert.Equal(0, again);
        foreach (var personal in new[] { "Zarmeena", "Qureshi", "Bilal", "Ahmed", "@example.pk", "1112233", "9998877", "Plot 77" })
        {
            Assert.DoesNotContain(personal, dump, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("\"total\":520100", dump, StringComparison.Ordinal);
        Assert.Contains("Kurta", dump, StringComparison.Ordinal);
    }

    internal static void AssertSameOrder(OrderDetailNode expected, Order? stored)
    {
        Assert.NotNull(stored);
        var order = stored.Shopify!;
        Assert.Equal(expected.Name, order.Name);
        Assert.Equal(expected.Number, order.Number);
        Assert.Equal(expected.CreatedAt, order.CreatedAt);
        Assert.Equal(expected.UpdatedAt, order.UpdatedAt);
        Assert.Equal(expected.CancelledAt, order.CancelledAt);
        Assert.Equal(expected.CancelReason?.ToLowerInvariant(), order.CancelReason);
        Assert.Equal(expected.DisplayFinancialStatus?.ToLowerInvariant(), order.FinancialStatus);
        Assert.Equal(FulfillmentOf(expected.DisplayFulfillmentStatus), order.FulfillmentStatus);
        Assert.Equal(expected.Test, order.Test);
        Assert.Equal(expected.Tags, order.Tags);
        Assert.Equal(expected.Note, order.Note);
        Assert.Equal(expected.PaymentGatewayNames, order.PaymentGatewayNames);
        Assert.Equal(CodRule.IsCod(expected.PaymentGatewayNames, [.. CodRule.DefaultGatewayNames]), order.IsCod);
        Assert.Equal(
            new OrderTotals(
                expected.TotalPriceSet.ShopMoney.CurrencyCode,
                Minor(expected.TotalPriceSet),
                Minor(expected.CurrentTotalPriceSet),
                Minor(expected.TotalOutstandingSet),
                Minor(expected.SubtotalPriceSet),
                Minor(expected.TotalDiscountsSet),
                Minor(expected.TotalShippingPriceSet),
                Minor(expected.TotalTaxSet)),
            order.Totals);
        Assert.Equal(
            expected.LineItems.Nodes.Select(l => new OrderLineItem(
                Tail(l.Id), l.Sku, l.Variant is null ? null : Tail(l.Variant.Id), l.Product is null ? null : Tail(l.Product.Id), l.Title, l.VariantTitle,
                l.Quantity, l.CurrentQuantity, Minor(l.OriginalUnitPriceSet), Minor(l.TotalDiscountSet))),
            order.LineItems);
        var address = expected.ShippingAddress;
        var shipping = order.Shipping;
        if (address is null && expected.Email is null && expected.Phone is null)
        {
            Assert.Null(shipping);
            return;
        }

        Assert.NotNull(shipping);
        Assert.Equal(address?.Name, shipping.Name);
        Assert.Equal(address?.FirstName, shipping.FirstName);
        Assert.Equal(address?.LastName, shipping.LastName);
        Assert.Equal(address?.Address1, shipping.Address1);
        Assert.Equal(address?.Address2, shipping.Address2);
        Assert.Equal(address?.City, shipping.City);
        Assert.Equal(address?.Province, shipping.Province);
        Assert.Equal(address?.ProvinceCode, shipping.ProvinceCode);
        Assert.Equal(address?.Zip, shipping.PostalCode);
        Assert.Equal(address?.Country, shipping.Country);
        Assert.Equal(address?.CountryCodeV2, shipping.CountryCode);
        Assert.Equal(expected.Email, shipping.Email);
        Assert.Equal(CustomerPhones.Normalise(address?.Phone ?? expected.Phone), shipping.Phone);
    }

    private static string? FulfillmentOf(string? display) => display switch
    {
        null or "UNFULFILLED" => null,
        "PARTIALLY_FULFILLED" => "partial",
        _ => display.ToLowerInvariant(),
    };

    private static long Minor(MoneyBag money) =>
        MinorUnits.Parse(money.ShopMoney.Amount.ToString(CultureInfo.InvariantCulture), money.ShopMoney.CurrencyCode);

    private static long Tail(string gid) => long.Parse(gid.AsSpan(gid.LastIndexOf('/') + 1), CultureInfo.InvariantCulture);

    private static string Gid(long orderId) => $"gid://shopify/Order/{orderId}";

    internal static SimOrder Customer(string first, string last, string phone) => new()
    {
        Customer = new SimCustomer(first, last, $"{first.ToLowerInvariant()}.{last[0]}@example.pk".ToLowerInvariant(), phone),
        Email = $"{first.ToLowerInvariant()}.{last[0]}@example.pk".ToLowerInvariant(),
        ShippingAddress = Address(first, last, phone, "Karachi"),
    };

    internal static SimAddress Address(string first, string last, string phone, string city) => new()
    {
        FirstName = first,
        LastName = last,
        Address1 = $"Plot 77, {first}'s lane",
        Address2 = "Gulberg",
        City = city,
        Province = "Sindh",
        ProvinceCode = "SD",
        Zip = "75500",
        Country = "Pakistan",
        CountryCodeV2 = "PK",
        Phone = phone,
    };

    private async Task<long> CreateAsync(ShopDomain shop, SimOrder order, IReadOnlyList<SimLineItem>? lines = null) =>
        (await Shopify.CreateOrderAsync(shop.Value, lines is null ? order : order with { LineItems = lines })).GetProperty("id").GetInt64();

    private async Task FeedAsync(ShopifyOrderWebhooks handler, ShopDomain shop, IEnumerable<CapturedWebhook> deliveries)
    {
        foreach (var delivery in deliveries)
        {
            await handler.HandleAsync(Webhook(shop, delivery), delivery.Body, None);
        }
    }

    private ShopifyWebhook Webhook(ShopDomain shop, CapturedWebhook delivery) => new(
        _merchant,
        _storeId,
        shop.Value,
        delivery.Topic,
        delivery.Headers["X-Shopify-Event-Id"],
        delivery.Headers["X-Shopify-Webhook-Id"],
        DateTimeOffset.Parse(delivery.Headers["X-Shopify-Triggered-At"], CultureInfo.InvariantCulture),
        delivery.Headers["X-Shopify-API-Version"]);

    /// <summary>Every document of the merchant in <c>orders</c>, as raw JSON text.</summary>
    private async Task<string> DumpAsync()
    {
        var documents = new List<string>();
        await foreach (var document in _store!.Store.For(TenantContainers.Orders).QueryAsync<JsonElement>(_merchant, new QueryDefinition("SELECT * FROM c"), None))
        {
            documents.Add(document.GetRawText());
        }

        return string.Join('\n', documents);
    }

    private static List<T> Shuffled<T>(IReadOnlyList<T> items, int seed)
    {
        var random = new Random(seed);
        return [.. items.OrderBy(_ => random.Next())];
    }

    private async Task<ShopDomain> ConnectedShopAsync(ServiceProvider app)
    {
        var shop = ShopDomain.Parse($"ord-{Guid.NewGuid():N}"[..16] + ".myshopify.com");
        await Shopify.CreateShopAsync(shop.Value);
        var issued = await Shopify.IssueAccessTokenAsync(shop.Value, ShopifyScopes.Required);
        await app.GetRequiredService<Infrastructure.Storage.StorageClients>().Tables.CreateTableIfNotExistsAsync(Infrastructure.Shopify.TableShopifyTokens.TableName);
        await app.GetRequiredService<IShopifyTokenStore>().SaveAsync(shop, new ShopifyTokenSet(issued.AccessToken, DateTimeOffset.UtcNow.AddMinutes(55), issued.RefreshToken, DateTimeOffset.UtcNow.AddDays(30), ShopifyScopes.Parse(issued.Scope)), None);
        return shop;
    }

    private static async Task SubscribeAsync(ServiceProvider app, ShopDomain shop, string uri)
    {
        var client = app.GetRequiredService<ShopifyAdminClient>();
        foreach (var topic in Topics)
        {
            var created = await client.ExecuteAsync(shop, ShopifyOperations.CreateWebhookSubscription, new CreateWebhookSubscriptionVariables(topic, new WebhookSubscriptionInput(uri)), None);
            Assert.Empty(created.WebhookSubscriptionCreate.UserErrors);
        }
    }
}
