using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SooperSeller.Core.Orders;
using SooperSeller.Core.Products;
using SooperSeller.Core.Tenancy;
using SooperSeller.DevHost.Emulators;
using SooperSeller.IntegrationTests.Accounts;
using SooperSeller.IntegrationTests.Orders;
using SooperSeller.Shopify;
using SooperSeller.Shopify.Operations;
using SooperSeller.Testing;
using SooperSeller.Testing.DevHost;
using SooperSeller.Testing.Emulators;
using Xunit.Abstractions;

namespace SooperSeller.IntegrationTests.Stores;

/// <summary>
/// The incremental sync repairs what webhooks missed: a store with 1,000 orders connects and the backfill stores them;
/// 50 new orders arrive by webhook, then Shopify
/// holds every delivery while all 50 change (notes, tags, payments, cancellations) and one order arrives that our
/// mapping refuses; <c>POST /api/stores/{id}/sync</c> brings the 50 to Shopify's state field for field, lists the
/// refused order in the sync status, advances the watermark; a second run writes nothing.
/// </summary>
public sealed class IncrementalSyncTests(EmulatorsFixture fixture, PrivateAzuriteFixture storage, ITestOutputHelper output)
    : IClassFixture<EmulatorsFixture>, IClassFixture<PrivateAzuriteFixture>, IAsyncLifetime
{
    private const int OrderCount = 50;
    private const int BackfilledCount = 1000;
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly Notifications.CapturedLogs _logs = new();
    private TestDevHost? _devHost;
    private HttpClient? _client;

    private ShopifySimulator Shopify => fixture.Emulators.Shopify;

    public async Task InitializeAsync()
    {
        _devHost = await TestDevHost.StartAsync(
            fixture.Emulators,
            ownAzurite: storage.Azurite,
            settings: new Dictionary<string, string?> { ["DevHost:Sandbox"] = "true", ["Logging:LogLevel:Default"] = "Information" },
            services: services =>
            {
                services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(_logs);

                // The test DevHost's clock is frozen (for its timers); the Shopify client waits out its cost bucket on the
                // injected clock, and paging 50 orders needs real waits. No timer runs here, so real time is safe.
                services.AddSingleton(TimeProvider.System);
            },
            shopify: true);
        _client = LoopbackClient.Fresh(_devHost.Host.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        await _devHost!.DisposeAsync();
    }

    [Fact]
    public async Task MissedWebhooks_AreRepairedBySyncNow_ARefusedOrderIsListed_AndASecondRunWritesNothing()
    {
        var api = new AccountsApi(_client!);
        var owner = await api.SignUpAsync($"sync.{Guid.NewGuid():N}@example.pk", "Repair Sync Traders");
        // A yen shop: amounts must be whole, so one order with paisa-like decimals is one our mapping must refuse.
        var shop = await NewYenShopAsync();

        // The store's history before it connects: 1,000 orders last changed two days ago, which the backfill brings in
        // (and which the incremental sync's window, from the backfill's start, rightly leaves alone).
        await Shopify.SeedAsync(shop, new SimSeed(Orders: [.. Enumerable.Range(0, BackfilledCount).Select(i => new SimOrder { CreatedAt = DateTimeOffset.UtcNow.AddDays(-3), UpdatedAt = DateTimeOffset.UtcNow.AddDays(-2), PaymentGatewayNames = ["Cash on Delivery (COD)"], LineItems = [new SimLineItem(Title: "Lawn suit", Price: 3000m + i, Quantity: 1 + (i % 2))] })]));
        var storeId = await ConnectedStore.ConnectAsync(_client!, Shopify, owner, shop);
        var merchant = MerchantId.Parse(owner.MerchantId);
        var orders = _devHost!.Services.GetRequiredService<IOrders>();
        await BackfillFinishedAsync(api, owner, storeId);
        using (var status = await api.SendAsync(HttpMethod.Get, $"api/stores/{storeId}/sync", owner))
        {
            var backfill = (await status.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("backfill");
            Assert.Equal("completed", backfill.GetProperty("state").GetString());
            Assert.Equal(BackfilledCount, backfill.GetProperty("ordersStored").GetInt32());
        }

        var ids = new List<long>();
        for (var i = 0; i < OrderCount; i++)
        {
            var order = i % 2 == 0
                ? OrderSyncAgainstSimulatorTests.Customer("Customer" + i, "Khan", $"0300-{1000000 + i}") with { LineItems = [new SimLineItem(Title: "Kurta", Price: 1500m, Quantity: 1 + (i % 3))] }
                : new SimOrder { PaymentGatewayNames = ["JazzCash"], NoCustomer = true, LineItems = [new SimLineItem(Title: "Shawl", Price: 2200m), new SimLineItem(Title: "Cap", Price: 300m)] };
            ids.Add((await Shopify.CreateOrderAsync(shop, order)).GetProperty("id").GetInt64());
        }

        Assert.True(await Eventually.HoldsAsync(async () => await CountStoredAsync(orders, merchant, storeId, ids) == OrderCount, TimeSpan.FromSeconds(60)), "the webhooks of the created orders were not all applied");

        // Webhooks go missing from here on: Shopify holds every delivery.
        await Shopify.SetDeliveryControlsAsync(shop, hold: true);
        await Shopify.AdvanceShopClockAsync(shop, TimeSpan.FromMinutes(1));
        for (var i = 0; i < OrderCount; i++)
        {
            if (i % 10 == 3)
            {
                await Shopify.CancelOrderAsync(shop, ids[i]);
            }
            else
            {
                await Shopify.UpdateOrderAsync(shop, ids[i], new SimOrderPatch { Note = $"Changed {i}", Tags = ["repaired", $"batch-{i % 4}"], FinancialStatus = i % 3 == 0 ? "PAID" : null });
            }
        }

        var refused = (await Shopify.CreateOrderAsync(shop, new SimOrder { LineItems = [new SimLineItem(Title: "Half-yen suit", Price: 1234.5m)] })).GetProperty("id").GetInt64();
        var stale = await CountStaleAsync(orders, merchant, storeId, ids);

        var first = await SyncNowAsync(api, owner, storeId, s => s.GetProperty("ordersApplied").GetInt32() >= OrderCount);
        await AssertStoredEqualsShopifyAsync(orders, merchant, storeId, shop, ids);
        var second = await SyncNowAsync(api, owner, storeId, s => s.GetProperty("ordersUnchanged").GetInt32() >= OrderCount && s.GetProperty("ordersApplied").GetInt32() == 0);

        Assert.Equal(OrderCount, stale);
        Assert.Equal("ok", first.GetProperty("state").GetString());
        Assert.Equal(OrderCount, first.GetProperty("ordersApplied").GetInt32());
        var failure = Assert.Single(first.GetProperty("failures").EnumerateArray());
        Assert.Equal("order", failure.GetProperty("kind").GetString());
        Assert.Equal(refused.ToString(CultureInfo.InvariantCulture), failure.GetProperty("shopifyId").GetString());
        Assert.DoesNotContain("Half-yen", failure.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Null(await orders.FindAsync(merchant, Order.IdOf(storeId, refused), None));
        var latest = await LatestUpdateAsync(shop, ids.Append(refused));
        Assert.Equal(latest, first.GetProperty("ordersWatermark").GetDateTimeOffset());
        Assert.Equal(0, second.GetProperty("ordersApplied").GetInt32());
        Assert.Equal(OrderCount, second.GetProperty("ordersUnchanged").GetInt32());
        Assert.Single(second.GetProperty("failures").EnumerateArray());
        await AssertStoredEqualsShopifyAsync(orders, merchant, storeId, shop, ids);
        Assert.Empty(_logs.Containing("Khan", "0300-10", "@example.pk", "Half-yen"));
        output.WriteLine("first run: {0}", first);
        output.WriteLine("second run: {0}", second);
    }

    [Fact]
    public async Task MissedProductWebhooks_AreRepairedBySyncNow_AndASecondRunWritesNothing()
    {
        const int ProductCount = 6;
        var api = new AccountsApi(_client!);
        var owner = await api.SignUpAsync($"prodsync.{Guid.NewGuid():N}@example.pk", "Product Repair Traders");
        var shop = await ConnectedStore.NewShopAsync(Shopify, "prd");
        var storeId = await ConnectedStore.ConnectAsync(_client!, Shopify, owner, shop);
        var merchant = MerchantId.Parse(owner.MerchantId);
        var products = _devHost!.Services.GetRequiredService<IProducts>();
        await BackfillFinishedAsync(api, owner, storeId);
        var ids = new List<long>();
        for (var i = 0; i < ProductCount; i++)
        {
            var created = await Shopify.CreateProductAsync(shop, new SimProduct { Title = $"Lawn suit {i}", Variants = [new SimVariant($"LAWN-{i}-S", 2500m + i, "Small"), new SimVariant($"LAWN-{i}-M", 2600m + i, "Medium")] });
            ids.Add(created.GetProperty("id").GetInt64());
        }

        Assert.True(
            await Eventually.HoldsAsync(async () => (await Task.WhenAll(ids.Select(id => products.FindAsync(merchant, Product.IdOf(storeId, id), None)))).All(p => p?.Shopify is not null), TimeSpan.FromSeconds(60)),
            "the products' create webhooks were not all applied");

        // Webhooks go missing from here on: every product changes while Shopify holds the deliveries.
        await Shopify.SetDeliveryControlsAsync(shop, hold: true);
        await Shopify.AdvanceShopClockAsync(shop, TimeSpan.FromMinutes(1));
        for (var i = 0; i < ProductCount; i++)
        {
            await Shopify.UpdateProductAsync(shop, ids[i], new SimProduct { Title = $"Lawn suit {i}, summer", Tags = ["repaired"] });
        }

        var first = await SyncNowAsync(api, owner, storeId, s => s.GetProperty("productsApplied").GetInt32() >= ProductCount);
        var stored = await Task.WhenAll(ids.Select(id => products.FindAsync(merchant, Product.IdOf(storeId, id), None)));
        var second = await SyncNowAsync(api, owner, storeId, s => s.GetProperty("productsUnchanged").GetInt32() >= ProductCount && s.GetProperty("productsApplied").GetInt32() == 0);

        Assert.Equal(ProductCount, first.GetProperty("productsApplied").GetInt32());
        Assert.Empty(first.GetProperty("failures").EnumerateArray());
        for (var i = 0; i < ProductCount; i++)
        {
            var product = stored[i]!.Shopify!;
            Assert.Equal($"Lawn suit {i}, summer", product.Title);
            Assert.Equal(["repaired"], product.Tags);
            Assert.Equal([($"LAWN-{i}-S", 250000L + (i * 100)), ($"LAWN-{i}-M", 260000L + (i * 100))], product.Variants.OrderBy(v => v.Position).Select(v => (v.Sku, v.Price)));
            Assert.All(product.Variants, v => Assert.NotNull(v.InventoryItemId));
        }

        Assert.Equal(0, second.GetProperty("productsApplied").GetInt32());
        Assert.Equal(ProductCount, second.GetProperty("productsUnchanged").GetInt32());
    }

    /// <summary>The backfill runs after the set-up; the incremental sync waits for it, so the test does too (60 s at most).</summary>
    private static async Task BackfillFinishedAsync(AccountsApi api, SignedIn owner, string storeId) =>
        await Eventually.HoldsAsync(
            async () =>
            {
                using var status = await api.SendAsync(HttpMethod.Get, $"api/stores/{storeId}/sync", owner);
                var body = await status.Content.ReadFromJsonAsync<JsonElement>();
                return body.TryGetProperty("backfill", out var backfill) && backfill.ValueKind == JsonValueKind.Object
                    && backfill.GetProperty("state").GetString() is "completed" or "failed";
            },
            TimeSpan.FromSeconds(60));

    private async Task<string> NewYenShopAsync()
    {
        var shop = $"yen-{Guid.NewGuid():N}"[..17] + ".myshopify.com";
        using var http = new HttpClient { BaseAddress = Shopify.Endpoint };
        using var created = await http.PostAsJsonAsync("_sim/shops", new { domain = shop, name = "Yen Shop", currencyCode = "JPY" });
        created.EnsureSuccessStatusCode();
        return shop;
    }

    /// <summary>Asks for a sync now and waits until the status shows a run that satisfies <paramref name="done"/>.</summary>
    private async Task<JsonElement> SyncNowAsync(AccountsApi api, SignedIn owner, string storeId, Func<JsonElement, bool> done)
    {
        using (var queued = await api.SendAsync(HttpMethod.Post, $"api/stores/{storeId}/sync", owner))
        {
            Assert.Equal(System.Net.HttpStatusCode.Accepted, queued.StatusCode);
        }

        JsonElement incremental = default;
        var finished = await Eventually.HoldsAsync(
            async () =>
            {
                using var status = await api.SendAsync(HttpMethod.Get, $"api/stores/{storeId}/sync", owner);
                var body = await status.Content.ReadFromJsonAsync<JsonElement>();
                if (!body.TryGetProperty("incremental", out incremental) || incremental.ValueKind != JsonValueKind.Object)
                {
                    return false;
                }

                if (incremental.GetProperty("state").GetString() == "waiting")
                {
                    // The store's backfill had not finished when the sync ran: ask again, as the timer would.
                    using var again = await api.SendAsync(HttpMethod.Post, $"api/stores/{storeId}/sync", owner);
                    return false;
                }

                return incremental.GetProperty("state").GetString() == "ok" && done(incremental);
            },
            TimeSpan.FromSeconds(90));
        Assert.True(finished, $"the sync did not finish: {incremental}\n" + string.Join('\n', _logs.Records.Where(r => r.Contains("Sync", StringComparison.Ordinal) || r.Contains("Warning", StringComparison.Ordinal) || r.Contains("Error", StringComparison.Ordinal)).Take(40)));
        return incremental.Clone();
    }

    private async Task AssertStoredEqualsShopifyAsync(IOrders orders, MerchantId merchant, string storeId, string shop, IReadOnlyList<long> ids)
    {
        var client = _devHost!.Services.GetRequiredService<ShopifyAdminClient>();
        foreach (var chunk in ids.Chunk(5))
        {
            var shopify = await client.ExecuteAsync(ShopDomain.Parse(shop), ShopifyOperations.GetOrders, new GetOrdersVariables([.. chunk.Select(Gid)]), None);
            foreach (var node in shopify.Nodes)
            {
                Assert.NotNull(node);
                OrderSyncAgainstSimulatorTests.AssertSameOrder(node, await orders.FindAsync(merchant, Order.IdOf(storeId, long.Parse(node.LegacyResourceId, CultureInfo.InvariantCulture)), None));
            }
        }
    }

    private async Task<DateTimeOffset> LatestUpdateAsync(string shop, IEnumerable<long> ids)
    {
        var latest = DateTimeOffset.MinValue;
        foreach (var id in ids)
        {
            var order = await Shopify.GetOrderAsync(shop, id);
            var updatedAt = DateTimeOffset.Parse(order.GetProperty("updated_at").GetString()!, CultureInfo.InvariantCulture);
            latest = updatedAt > latest ? updatedAt : latest;
        }

        return latest;
    }

    private static async Task<int> CountStoredAsync(IOrders orders, MerchantId merchant, string storeId, IEnumerable<long> ids)
    {
        var count = 0;
        foreach (var id in ids)
        {
            count += await orders.FindAsync(merchant, Order.IdOf(storeId, id), None) is { Shopify: not null } ? 1 : 0;
        }

        return count;
    }

    private static async Task<int> CountStaleAsync(IOrders orders, MerchantId merchant, string storeId, IEnumerable<long> ids)
    {
        var count = 0;
        foreach (var id in ids)
        {
            var stored = await orders.FindAsync(merchant, Order.IdOf(storeId, id), None);
            count += stored?.Shopify is { CancelledAt: null } content && content.Note?.StartsWith("Changed", StringComparison.Ordinal) != true ? 1 : 0;
        }

        return count;
    }

    private static string Gid(long orderId) => $"gid://shopify/Order/{orderId}";
}
