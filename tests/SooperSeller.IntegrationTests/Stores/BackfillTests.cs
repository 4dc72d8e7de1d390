using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SooperSeller.Core.Orders;
using SooperSeller.Core.Stores;
using SooperSeller.Core.Stores.Backfill;
using SooperSeller.Core.Tenancy;
using SooperSeller.DevHost.Emulators;
using SooperSeller.IntegrationTests.Accounts;
using SooperSeller.Testing;
using SooperSeller.Testing.DevHost;
using SooperSeller.Testing.Emulators;
using Xunit.Abstractions;

namespace SooperSeller.IntegrationTests.Stores;

/// <summary>
/// Issue 9, item 1: connecting a store backfills its orders of the last 2 years through a bulk operation, and a process
/// killed mid-stream resumes from its checkpoint on the next start, without a second bulk operation, duplicates or gaps.
/// Each test has an Azurite of its own (a DevHost restarts on the same storage).
/// </summary>
public sealed class BackfillTests(EmulatorsFixture fixture, ITestOutputHelper output) : IClassFixture<EmulatorsFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private ShopifySimulator Shopify => fixture.Emulators.Shopify;

    [Fact]
    public async Task Connect_BackfillsTheLastTwoYears_AndTheStoredOrdersEqualShopifys()
    {
        await using var azurite = await Azurite.StartAsync(location: null, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, None);
        await using var host = await StartAsync(azurite, database: null);
        var (shop, inWindow) = await SeededShopAsync(1_000, older: 12);
        var api = new AccountsApi(host.Client);
        var owner = await api.SignUpAsync($"backfill.{Guid.NewGuid():N}@example.pk", "Backfill Owner");
        var started = DateTimeOffset.UtcNow;

        var storeId = await ConnectedStore.ConnectAsync(host.Client, Shopify, owner, shop);
        var backfill = await WaitForBackfillAsync(api, owner, storeId, b => b.GetProperty("state").GetString() == "completed", TimeSpan.FromMinutes(3));
        output.WriteLine("1,000 orders backfilled {0:F1} s after connecting.", (DateTimeOffset.UtcNow - started).TotalSeconds);

        Assert.Equal(1_000, backfill.GetProperty("ordersStored").GetInt64());
        Assert.Equal(1_000, backfill.GetProperty("ordersApplied").GetInt64());
        Assert.Equal(0, backfill.GetProperty("ordersFailed").GetInt64());
        Assert.True(backfill.TryGetProperty("finishedAt", out _));
        await AssertStoredEqualsShopifyAsync(host, shop, MerchantId.Parse(owner.MerchantId), storeId, inWindow);
    }

    [Fact]
    public async Task KilledMidStream_ResumesFromTheCheckpoint_WithoutDuplicatesOrGaps()
    {
        await using var azurite = await Azurite.StartAsync(location: null, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, None);
        var (shop, inWindow) = await SeededShopAsync(6_000, older: 0);
        string storeId, database;
        SignedIn owner;
        await using (var first = await StartAsync(azurite, database: null))
        {
            database = first.Database;
            var api = new AccountsApi(first.Client);
            owner = await api.SignUpAsync($"backfill.{Guid.NewGuid():N}@example.pk", "Backfill Owner");
            storeId = await ConnectedStore.ConnectAsync(first.Client, Shopify, owner, shop);
            await WaitForBackfillAsync(api, owner, storeId, b => b.GetProperty("ordersApplied").GetInt64() >= BackfillHandler.CheckpointEvery, TimeSpan.FromMinutes(2));
        } // the process dies mid-stream: its in-memory orchestration and the activity with it

        var merchant = MerchantId.Parse(owner.MerchantId);
        await using var second = await StartAsync(azurite, database);
        var checkpoint = await second.Services.GetRequiredService<IBackfillCheckpoints>().GetAsync(merchant, storeId, None);
        Assert.NotNull(checkpoint);
        Assert.False(checkpoint.Completed);
        Assert.InRange(checkpoint.OrdersApplied, BackfillHandler.CheckpointEvery, inWindow.Count - 1);
        output.WriteLine("Killed after the checkpoint at {0} of {1} orders.", checkpoint.OrdersApplied, inWindow.Count);

        // The daily set-up (or any set-up) schedules the unfinished backfill again.
        await second.Services.GetRequiredService<IStoreWork>().EnqueueSetupAsync(merchant, storeId, None);
        var backfill = await WaitForBackfillAsync(new AccountsApi(second.Client), owner, storeId, b => b.GetProperty("state").GetString() == "completed", TimeSpan.FromMinutes(3));

        Assert.Equal(inWindow.Count, backfill.GetProperty("ordersStored").GetInt64());
        Assert.Equal(inWindow.Count, backfill.GetProperty("ordersApplied").GetInt64());
        Assert.Equal(1, (await Shopify.GetCountersAsync(shop)).BulkOperations); // the resumed run reused the bulk operation
        await AssertStoredEqualsShopifyAsync(second, shop, merchant, storeId, inWindow, sample: 50);
    }

    private async Task<TestDevHost> StartAsync(Azurite azurite, string? database)
    {
        var settings = new Dictionary<string, string?> { ["DevHost:Sandbox"] = "true" };
        if (database is not null)
        {
            settings["Cosmos:Database"] = database;
            settings["Secrets:LocalDirectory"] = Path.Combine(Path.GetTempPath(), "sooperseller-tests", database, "secrets");
        }

        return await TestDevHost.StartAsync(fixture.Emulators, ownAzurite: azurite, settings: settings, shopify: true);
    }

    /// <summary>A shop with <paramref name="count"/> orders created over the last 2 years and <paramref name="older"/> before them.</summary>
    private async Task<(string Shop, IReadOnlyList<long> InWindow)> SeededShopAsync(int count, int older)
    {
        var shop = await ConnectedStore.NewShopAsync(Shopify, "bf");
        var now = DateTimeOffset.UtcNow;
        var orders = Enumerable.Range(0, count).Select(i => new SimOrder { CreatedAt = now.AddDays(-1).AddMinutes(-i * 100) })
            .Concat(Enumerable.Range(0, older).Select(i => new SimOrder { CreatedAt = now.AddYears(-2).AddDays(-3 - i) }))
            .ToList();
        var seeded = await Shopify.SeedAsync(shop, new SimSeed(Orders: orders));
        return (shop, [.. seeded.Orders.Take(count).Select(o => o.LegacyId)]);
    }

    private static async Task<JsonElement> WaitForBackfillAsync(AccountsApi api, SignedIn owner, string storeId, Func<JsonElement, bool> condition, TimeSpan timeout)
    {
        JsonElement last = default;
        var held = await Eventually.HoldsAsync(
            async () =>
            {
                using var sync = await api.SendAsync(HttpMethod.Get, $"api/stores/{storeId}/sync", owner);
                var body = await sync.Content.ReadFromJsonAsync<JsonElement>();
                if (!body.TryGetProperty("backfill", out var backfill) || backfill.ValueKind != JsonValueKind.Object)
                {
                    return false;
                }

                last = backfill.Clone();
                return condition(last);
            },
            timeout);
        return held ? last : throw new InvalidOperationException($"The backfill did not get there: {last}");
    }

    /// <summary>Exactly the window's orders are stored, and a sample equals the REST webhook mapping of Shopify's order field by field.</summary>
    private async Task AssertStoredEqualsShopifyAsync(TestDevHost host, string shop, MerchantId merchant, string storeId, IReadOnlyList<long> inWindow, int sample = 25)
    {
        var orders = host.Services.GetRequiredService<IOrders>();
        var stored = new List<Order>();
        await foreach (var order in orders.ListByStoreAsync(merchant, storeId, None))
        {
            stored.Add(order);
        }

        Assert.Equal(inWindow.Order(), stored.Select(o => o.ShopifyOrderId).Order());
        Assert.All(stored, o => Assert.NotNull(o.Shopify));
        var byId = stored.ToDictionary(o => o.ShopifyOrderId);
        foreach (var id in inWindow.Where((_, i) => i % Math.Max(1, inWindow.Count / sample) == 0))
        {
            var rest = await Shopify.GetOrderAsync(shop, id);
            var (_, expected) = ShopifyOrderPayload.Parse(JsonSerializer.SerializeToUtf8Bytes(rest), OrderSyncSettings.Default);
            Assert.Equal(JsonSerializer.Serialize(expected, Json), JsonSerializer.Serialize(byId[id].Shopify, Json));
        }
    }
}
