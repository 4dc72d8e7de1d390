using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SooperSeller.Core.Orders;
using SooperSeller.Core.Stores.Backfill;
using SooperSeller.DevHost.Emulators;
using SooperSeller.IntegrationTests.Shopify;
using SooperSeller.Shopify;
using SooperSeller.Shopify.Orders;
using SooperSeller.Testing.Emulators;

namespace SooperSeller.IntegrationTests.Orders;

/// <summary>
/// The GraphQL order mapping (bulk JSONL lines, joined by <see cref="ShopifyBulkOrders"/>) must give exactly what the REST
/// webhook mapping gives for the same simulator order, or every sync would rewrite orders the webhooks stored.
/// </summary>
public sealed class ShopifyOrderNodesTests(EmulatorsFixture fixture) : IClassFixture<EmulatorsFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private ShopifySimulator Shopify => fixture.Emulators.Shopify;

    [Fact]
    public async Task BulkNodes_MapExactlyAsTheRestWebhookPayloads()
    {
        await using var app = AppInstance.Create(fixture.Emulators, AppInstance.NewSecretsDirectory());
        var shop = await ConnectedShopAsync(app);
        var cod = await CreateAsync(shop, OrderSyncAgainstSimulatorTests.Customer("Zarmeena", "Qureshi", "۰۳۴۵-۱۱۱۲۲۳۳") with { Tags = ["vip", " repeat "], Note = "Call first", Discount = 50m, ShippingPrice = 250m }, [new SimLineItem(Title: "Lawn suit", Price: 2500.50m, Quantity: 2, Discount: 100m), new SimLineItem(Title: "Dupatta", Price: 800m)]);
        var prepaid = await CreateAsync(shop, new SimOrder { PaymentGatewayNames = ["JazzCash"], FinancialStatus = "PAID", FulfillmentStatus = "FULFILLED" }, null);
        var withheld = await CreateAsync(shop, new SimOrder { NoCustomer = true, NoShippingAddress = true }, null);
        var cancelled = await CreateAsync(shop, OrderSyncAgainstSimulatorTests.Customer("Bilal", "Ahmed", "923219998877"), null);
        await Shopify.CancelOrderAsync(shop.Value, cancelled);
        var settings = new OrderSyncSettings(["cash on delivery (cod)", "JazzCash"]);

        var bulk = new ShopifyBulkOrders(app.GetRequiredService<ShopifyAdminClient>());
        var id = await bulk.StartAsync(shop.Value, new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero), None);
        Assert.True(await Testing.Eventually.HoldsAsync(async () => await bulk.GetStateAsync(shop.Value, id, None) == BulkOperationState.Completed, TimeSpan.FromSeconds(30)));
        var mapped = new List<BulkOrder>();
        await foreach (var order in bulk.ReadOrdersAsync(shop.Value, id, 0, settings, None))
        {
            mapped.Add(order);
        }

        Assert.Equal(new[] { cod, prepaid, withheld, cancelled }.Order(), mapped.Select(o => o.ShopifyOrderId));
        foreach (var order in mapped)
        {
            var rest = await Shopify.GetOrderAsync(shop.Value, order.ShopifyOrderId);
            var (restId, expected) = ShopifyOrderPayload.Parse(JsonSerializer.SerializeToUtf8Bytes(rest), settings);
            Assert.Equal(restId, order.ShopifyOrderId);
            Assert.Null(order.Failure);
            Assert.Equal(JsonSerializer.Serialize(expected, Json), JsonSerializer.Serialize(order.Order, Json));
        }

        var first = mapped.Single(o => o.ShopifyOrderId == cod).Order!;
        Assert.Equal(2, first.LineItems.Count);
        Assert.Equal("+923451112233", first.Shipping!.Phone!.E164);
        Assert.True(first.IsCod);
        Assert.True(mapped.Single(o => o.ShopifyOrderId == prepaid).Order!.IsCod); // JazzCash is this merchant's COD name
        Assert.Null(mapped.Single(o => o.ShopifyOrderId == withheld).Order!.Shipping);
        Assert.Equal(0, bulk.OutOfOrderLines);
    }

    private async Task<long> CreateAsync(ShopDomain shop, SimOrder order, IReadOnlyList<SimLineItem>? lines) =>
        (await Shopify.CreateOrderAsync(shop.Value, lines is null ? order : order with { LineItems = lines })).GetProperty("id").GetInt64();

    private async Task<ShopDomain> ConnectedShopAsync(ServiceProvider app)
    {
        var shop = ShopDomain.Parse($"map-{Guid.NewGuid():N}"[..16] + ".myshopify.com");
        await Shopify.CreateShopAsync(shop.Value);
        var issued = await Shopify.IssueAccessTokenAsync(shop.Value, ShopifyScopes.Required);
        await app.GetRequiredService<Infrastructure.Storage.StorageClients>().Tables.CreateTableIfNotExistsAsync(Infrastructure.Shopify.TableShopifyTokens.TableName);
        await app.GetRequiredService<IShopifyTokenStore>().SaveAsync(shop, new ShopifyTokenSet(issued.AccessToken, DateTimeOffset.UtcNow.AddMinutes(55), issued.RefreshToken, DateTimeOffset.UtcNow.AddDays(30), ShopifyScopes.Parse(issued.Scope)), None);
        return shop;
    }
}
