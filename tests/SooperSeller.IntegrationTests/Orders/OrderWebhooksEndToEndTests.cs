using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using SooperSeller.Core.Orders;
using SooperSeller.Core.Tenancy;
using SooperSeller.DevHost.Emulators;
using SooperSeller.IntegrationTests.Accounts;
using SooperSeller.IntegrationTests.Stores;
using SooperSeller.Shopify;
using SooperSeller.Shopify.Operations;
using SooperSeller.Testing;
using SooperSeller.Testing.DevHost;
using SooperSeller.Testing.Emulators;

namespace SooperSeller.IntegrationTests.Orders;

/// <summary>
/// Orders arriving the way they do in production: a store connected through OAuth, the simulator delivering its own
/// signed webhooks to the DevHost's endpoint (duplicated, held and released in reverse, so updates arrive before
/// creates and stale payloads after fresh ones), plus a forged delivery; the stored orders end equal to Shopify's,
/// read through its GraphQL API, field for field.
/// </summary>
public sealed class OrderWebhooksEndToEndTests(EmulatorsFixture fixture, PrivateAzuriteFixture storage) : IClassFixture<EmulatorsFixture>, IClassFixture<PrivateAzuriteFixture>, IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private TestDevHost? _devHost;
    private HttpClient? _client;

    private ShopifySimulator Shopify => fixture.Emulators.Shopify;

    public async Task InitializeAsync()
    {
        _devHost = await TestDevHost.StartAsync(fixture.Emulators, ownAzurite: storage.Azurite, settings: new Dictionary<string, string?> { ["DevHost:Sandbox"] = "true" }, shopify: true);
        _client = LoopbackClient.Fresh(_devHost.Host.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        await _devHost!.DisposeAsync();
    }

    [Fact]
    public async Task ShopifysOwnDeliveries_DuplicatedReorderedStaleAndForged_LeaveExactlyShopifysOrders()
    {
        var owner = await new AccountsApi(_client!).SignUpAsync($"e2e.{Guid.NewGuid():N}@example.pk", "End To End Emporium");
        var shop = await ConnectedStore.NewShopAsync(Shopify, "e2e");
        var storeId = await ConnectedStore.ConnectAsync(_client!, Shopify, owner, shop);
        var merchant = MerchantId.Parse(owner.MerchantId);
        await Shopify.SetDeliveryControlsAsync(shop, duplicates: 1, hold: true);

        var a = await CreateAsync(shop, OrderSyncAgainstSimulatorTests.Customer("Zarmeena", "Qureshi", "0345-1112233") with { LineItems = [new SimLineItem(Title: "Lawn suit", Price: 2500.50m, Quantity: 2, Discount: 100m)] });
        var b = await CreateAsync(shop, new SimOrder { PaymentGatewayNames = ["JazzCash"], Note = "prepaid" });
        var c = await CreateAsync(shop, new SimOrder());
        await Shopify.AdvanceShopClockAsync(shop, TimeSpan.FromMinutes(1));
        await Shopify.UpdateOrderAsync(shop, a, new SimOrderPatch { Note = "Leave with the guard", Tags = ["vip"] });
        await Shopify.CancelOrderAsync(shop, b);
        await Shopify.AdvanceShopClockAsync(shop, TimeSpan.FromMinutes(1));
        await Shopify.UpdateOrderAsync(shop, a, new SimOrderPatch { FinancialStatus = "PAID", ShippingAddress = OrderSyncAgainstSimulatorTests.Address("Zarmeena", "Qureshi", "۰۳۴۵-۱۱۱۲۲۳۳", "Lahore") });
        await Shopify.DeleteOrderAsync(shop, c);
        var released = await Shopify.ReleaseDeliveriesAsync(shop, "reverse");
        using var forged = await ForgedUpdateAsync(shop, a);

        var orders = _devHost!.Services.GetRequiredService<IOrders>();
        var settled = await Eventually.HoldsAsync(
            async () => await orders.FindAsync(merchant, Order.IdOf(storeId, a), None) is { Shopify: { FinancialStatus: "paid" } }
                && await orders.FindAsync(merchant, Order.IdOf(storeId, b), None) is { Shopify.CancelledAt: not null }
                && await orders.FindAsync(merchant, Order.IdOf(storeId, c), None) is { DeletedAt: not null },
            TimeSpan.FromSeconds(30));
        var shopify = await _devHost.Services.GetRequiredService<ShopifyAdminClient>().ExecuteAsync(
            ShopDomain.Parse(shop), ShopifyOperations.GetOrders, new GetOrdersVariables([Gid(a), Gid(b), Gid(c)]), None);

        Assert.True(released >= 10, $"{released} deliveries were released");
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.True(settled, "the stored orders never reached Shopify's state");
        foreach (var node in shopify.Nodes.OfType<OrderDetailNode>())
        {
            OrderSyncAgainstSimulatorTests.AssertSameOrder(node, await orders.FindAsync(merchant, Order.IdOf(storeId, long.Parse(node.LegacyResourceId, CultureInfo.InvariantCulture)), None));
        }

        Assert.Null(shopify.Nodes[2]);
        Assert.Null((await orders.FindAsync(merchant, Order.IdOf(storeId, c), None))!.Shopify);
        Assert.Equal("+923451112233", (await orders.FindAsync(merchant, Order.IdOf(storeId, a), None))!.Shopify!.Shipping!.Phone!.E164);
    }

    /// <summary>A newer-looking update of the order, signed with a key that is not the app's: it must change nothing.</summary>
    private async Task<HttpResponseMessage> ForgedUpdateAsync(string shop, long orderId)
    {
        var body = $$"""{"id":{{orderId}},"name":"#forged","updated_at":"2030-01-01T00:00:00Z","note":"forged","line_items":[]}""";
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/webhooks/shopify") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Shopify-Topic", "orders/updated");
        request.Headers.Add("X-Shopify-Shop-Domain", shop);
        request.Headers.Add("X-Shopify-Webhook-Id", Guid.NewGuid().ToString());
        request.Headers.Add("X-Shopify-Hmac-Sha256", Convert.ToBase64String(System.Security.Cryptography.HMACSHA256.HashData("not-the-app-secret"u8, System.Text.Encoding.UTF8.GetBytes(body))));
        return await _client!.SendAsync(request);
    }

    private async Task<long> CreateAsync(string shop, SimOrder order) => (await Shopify.CreateOrderAsync(shop, order)).GetProperty("id").GetInt64();

    private static string Gid(long orderId) => $"gid://shopify/Order/{orderId}";
}
