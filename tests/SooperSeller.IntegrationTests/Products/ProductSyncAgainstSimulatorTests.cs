using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SooperSeller.Core.Products;
using SooperSeller.Core.Stores.Webhooks;
using SooperSeller.Core.Tenancy;
using SooperSeller.DevHost.Emulators;
using SooperSeller.Infrastructure.Products;
using SooperSeller.IntegrationTests.Orders;
using SooperSeller.IntegrationTests.Shopify;
using SooperSeller.Shopify;
using SooperSeller.Shopify.Operations;
using SooperSeller.Testing.Cosmos;
using SooperSeller.Testing.Emulators;

namespace SooperSeller.IntegrationTests.Products;

/// <summary>Product webhooks from the simulator, duplicated and released in reverse, converge in <c>inventory</c>.</summary>
public sealed class ProductSyncAgainstSimulatorTests(EmulatorsFixture fixture) : IClassFixture<EmulatorsFixture>, IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly MerchantId _merchant = MerchantId.New();
    private readonly string _storeId = "sto_" + Guid.NewGuid().ToString("N");
    private readonly string _secrets = AppInstance.NewSecretsDirectory();
    private TestTenantStore? _store;

    private ShopifySimulator Shopify => fixture.Emulators.Shopify;

    public async Task InitializeAsync() => _store = await TestTenantStore.CreateAsync(fixture.Emulators.Cosmos);

    public async Task DisposeAsync() => await _store!.DisposeAsync();

    [Fact]
    public async Task Webhooks_DuplicatedAndReversed_StoreTheLatestProductAndATombstone()
    {
        await using var app = AppInstance.Create(fixture.Emulators, _secrets);
        var shop = ShopDomain.Parse($"prd-{Guid.NewGuid():N}"[..16] + ".myshopify.com");
        await Shopify.CreateShopAsync(shop.Value);
        var issued = await Shopify.IssueAccessTokenAsync(shop.Value, ShopifyScopes.Required);
        await app.GetRequiredService<Infrastructure.Storage.StorageClients>().Tables.CreateTableIfNotExistsAsync(Infrastructure.Shopify.TableShopifyTokens.TableName);
        await app.GetRequiredService<IShopifyTokenStore>().SaveAsync(shop, new ShopifyTokenSet(issued.AccessToken, DateTimeOffset.UtcNow.AddMinutes(55), issued.RefreshToken, DateTimeOffset.UtcNow.AddDays(30), ShopifyScopes.Parse(issued.Scope)), None);
        using var capture = new WebhookCapture();
        foreach (var topic in new[] { "PRODUCTS_CREATE", "PRODUCTS_UPDATE", "PRODUCTS_DELETE" })
        {
            await app.GetRequiredService<ShopifyAdminClient>().ExecuteAsync(shop, ShopifyOperations.CreateWebhookSubscription, new CreateWebhookSubscriptionVariables(topic, new WebhookSubscriptionInput(capture.Url)), None);
        }

        await Shopify.SetDeliveryControlsAsync(shop.Value, duplicates: 1, hold: true);
        var kept = (await Shopify.CreateProductAsync(shop.Value, new SimProduct { Title = "Khaddar shawl", Variants = [new SimVariant("SHAWL-GRY", 3499.50m, "Grey", "8964000000017")] })).GetProperty("id").GetInt64();
        var gone = (await Shopify.CreateProductAsync(shop.Value, new SimProduct { Title = "Old stock" })).GetProperty("id").GetInt64();
        await Shopify.AdvanceShopClockAsync(shop.Value, TimeSpan.FromMinutes(1));
        await Shopify.UpdateProductAsync(shop.Value, kept, new SimProduct { Title = "Khaddar shawl, grey" });
        await Shopify.DeleteProductAsync(shop.Value, gone);
        await Shopify.AdvanceShopClockAsync(shop.Value, TimeSpan.FromMinutes(1));
        await Shopify.UpdateProductAsync(shop.Value, kept, new SimProduct { Title = "Khaddar shawl, winter" });
        var deliveries = await capture.WaitForAsync(await Shopify.ReleaseDeliveriesAsync(shop.Value, "reverse"));
        var handler = new ShopifyProductWebhooks(new SyncProduct(new CosmosProducts(_store!.Store)));

        foreach (var delivery in deliveries.Concat(deliveries.Reverse()))
        {
            var webhook = new ShopifyWebhook(_merchant, _storeId, shop.Value, delivery.Topic, delivery.Headers["X-Shopify-Event-Id"], delivery.Headers["X-Shopify-Webhook-Id"],
                DateTimeOffset.Parse(delivery.Headers["X-Shopify-Triggered-At"], CultureInfo.InvariantCulture), delivery.Headers["X-Shopify-API-Version"]);
            await handler.HandleAsync(webhook, delivery.Body, None);
        }

        var products = new CosmosProducts(_store.Store);
        var latest = deliveries.Where(d => d.Topic != "products/delete")
            .Select(d => ShopifyProductPayload.Parse(d.Body))
            .Where(p => p.ShopifyProductId == kept)
            .MaxBy(p => p.Product.UpdatedAt).Product;
        var stored = await products.FindAsync(_merchant, Product.IdOf(_storeId, kept), None);
        var tombstone = await products.FindAsync(_merchant, Product.IdOf(_storeId, gone), None);
        Assert.Equal("Khaddar shawl, winter", stored!.Shopify!.Title);
        Assert.Equal(latest.UpdatedAt, stored.Shopify.UpdatedAt);
        Assert.Equal(latest.Variants, stored.Shopify.Variants);
        Assert.Equal(349950, stored.Shopify.Variants.Single().Price);
        Assert.Equal("SHAWL-GRY", stored.Shopify.Variants.Single().Sku);
        Assert.NotNull(stored.Shopify.Variants.Single().InventoryItemId);
        Assert.Null(tombstone!.Shopify);
        Assert.NotNull(tombstone.DeletedAt);
    }
}
