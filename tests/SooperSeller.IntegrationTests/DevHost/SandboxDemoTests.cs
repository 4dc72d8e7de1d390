using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SooperSeller.DevHost.Emulators;
using SooperSeller.DevHost.Sandbox;
using SooperSeller.IntegrationTests.Accounts;
using SooperSeller.Testing.DevHost;
using SooperSeller.Testing.Emulators;
using Xunit;

namespace SooperSeller.IntegrationTests.DevHost;

/// <summary>
/// Issue 9, "tried as a new user would": a DevHost in sandbox mode that starts its own simulator (no
/// <c>Shopify:AdminBaseUrl</c>) brings up the contract's demo merchant with its demo store connected, and a second start
/// on the same storage does nothing twice. Its own Azurite: the shop directory and the queues are the test's alone.
/// </summary>
public sealed class SandboxDemoTests(EmulatorsFixture fixture, PrivateAzuriteFixture storage) : IClassFixture<EmulatorsFixture>, IClassFixture<PrivateAzuriteFixture>
{
    private static readonly Dictionary<string, string?> SandboxWithOwnSimulator = new()
    {
        ["DevHost:Sandbox"] = "true",
        ["Shopify:AdminBaseUrl"] = null, // the DevHost starts a simulator of its own, as `dotnet run` does
    };

    [Fact]
    public async Task A_new_user_signs_in_as_the_demo_merchant_and_sees_the_demo_store_connected()
    {
        await using var host = await TestDevHost.StartAsync(fixture.Emulators, storage.Azurite, SandboxWithOwnSimulator, shopify: true, sandboxDemo: true);
        var simulator = Assert.IsType<ShopifySimulator>(host.Host.Simulator);
        var storeId = await host.Services.GetRequiredService<SandboxDemo>().Ready.WaitAsync(TimeSpan.FromMinutes(2));

        using var login = await host.Client.PostAsJsonAsync("api/auth/login", new { email = "demo@sooperseller.test", password = "sandbox-demo-passphrase-2026" });
        login.EnsureSuccessStatusCode();
        var session = new SignedIn(AccountsApi.SessionCookieOf(login), (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("csrfToken").GetString()!, string.Empty, string.Empty);
        // The demo store's backfill runs after its set-up: 300 orders, of which 5 are older than the 2-year window.
        JsonElement store = default;
        Assert.True(await SooperSeller.Testing.Eventually.HoldsAsync(
            async () =>
            {
                using var list = await new AccountsApi(host.Client).SendAsync(HttpMethod.Get, "api/stores", session);
                list.EnsureSuccessStatusCode();
                store = Assert.Single((await list.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray()).Clone();
                return store.GetProperty("sync").TryGetProperty("backfill", out var backfill) && backfill.GetProperty("state").GetString() == "completed";
            },
            TimeSpan.FromMinutes(2)));

        Assert.Equal(storeId, store.GetProperty("id").GetString());
        Assert.Equal("sooperseller-demo.myshopify.com", store.GetProperty("shopDomain").GetString());
        Assert.Equal("connected", store.GetProperty("status").GetString());
        Assert.Equal("ok", store.GetProperty("sync").GetProperty("state").GetString());
        Assert.Equal(2, store.GetProperty("sync").GetProperty("locationCount").GetInt32());
        Assert.Equal(["Karachi Warehouse", "Lahore Store"], store.GetProperty("locations").EnumerateArray().Select(l => l.GetProperty("name").GetString()).Order());
        var shop = await simulator.GetShopAsync(SandboxDemo.ShopDomain);
        Assert.True(shop.Installed);
        Assert.Equal(DemoShopData.DefaultOrderCount, shop.Counts!.Orders);
        var backfilled = store.GetProperty("sync").GetProperty("backfill");
        Assert.Equal(295, backfilled.GetProperty("ordersStored").GetInt64());
        Assert.Equal(295, backfilled.GetProperty("ordersApplied").GetInt64());
        Assert.True(backfilled.TryGetProperty("finishedAt", out _));
    }

    [Fact]
    public async Task Starting_again_on_the_same_storage_does_nothing_twice()
    {
        // Persisted storage: the account and the store survive, the Cosmos database is the same, the simulator is new.
        // An Azurite of this test's own: the class's one holds the other test's demo account, whose merchant lives in
        // that test's Cosmos database.
        await using var azurite = await Azurite.StartAsync(location: null, NullLogger.Instance, CancellationToken.None);
        var database = new Dictionary<string, string?>(SandboxWithOwnSimulator) { ["Cosmos:Database"] = "devhost-demo-" + Guid.NewGuid().ToString("N")[..8] };
        string firstStoreId;
        await using (var first = await TestDevHost.StartAsync(fixture.Emulators, azurite, database, shopify: true, sandboxDemo: true))
        {
            firstStoreId = await first.Services.GetRequiredService<SandboxDemo>().Ready.WaitAsync(TimeSpan.FromMinutes(2));
        }

        await using var second = await TestDevHost.StartAsync(fixture.Emulators, azurite, database, shopify: true, sandboxDemo: true);
        var secondStoreId = await second.Services.GetRequiredService<SandboxDemo>().Ready.WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(firstStoreId, secondStoreId);
        var outbox = await second.Client.GetFromJsonAsync<JsonElement>("dev/outbox");
        Assert.Single(outbox.GetProperty("items").EnumerateArray(), item => item.GetProperty("to").GetString() == SandboxDemo.Email);
    }

    [Fact]
    public async Task Never_runs_against_a_shopify_it_did_not_start()
    {
        // Shopify:AdminBaseUrl given (here the run's shared simulator; in real life Shopify itself): no demo at all.
        await using var host = await TestDevHost.StartAsync(fixture.Emulators, settings: new Dictionary<string, string?> { ["DevHost:Sandbox"] = "true" }, sandboxDemo: true);

        Assert.Null(host.Host.Simulator);
        Assert.Null(host.Services.GetService<SandboxDemo>());
    }
}
