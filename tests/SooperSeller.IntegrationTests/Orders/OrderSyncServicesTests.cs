using Microsoft.Extensions.DependencyInjection;
using SooperSeller.Core.Orders;
using SooperSeller.Core.Stores.Webhooks;
using SooperSeller.IntegrationTests.Shopify;
using SooperSeller.Testing.Emulators;

namespace SooperSeller.IntegrationTests.Orders;

public sealed class OrderSyncServicesTests(EmulatorsFixture fixture) : IClassFixture<EmulatorsFixture>
{
    [Fact]
    public async Task AddInfrastructure_RegistersAHandlerForEveryOrderAndProductTopic_AndTheRedactionPrimitives()
    {
        await using var app = AppInstance.Create(fixture.Emulators, AppInstance.NewSecretsDirectory());

        var topics = app.GetServices<IShopifyWebhookHandler>().SelectMany(h => h.Topics).ToList();

        foreach (var topic in new[] { "orders/create", "orders/updated", "orders/cancelled", "orders/delete", "products/create", "products/update", "products/delete" })
        {
            Assert.Single(topics, t => t == topic);
        }

        Assert.NotNull(app.GetRequiredService<CustomerOrderData>());
    }
}
