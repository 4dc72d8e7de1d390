using System.Text;
using SooperSeller.Core.Stores.Webhooks;
using SooperSeller.Core.Tenancy;

namespace SooperSeller.UnitTests.Core.Webhooks;

public sealed class ShopifyWebhookProcessorTests
{
    private static readonly MerchantId Merchant = MerchantId.New();
    private static readonly byte[] Payload = Encoding.UTF8.GetBytes("""{"id":1}""");
    private readonly WebhookFakes _fakes = new();

    [Fact]
    public async Task Process_DispatchesToEveryHandlerOfTheTopicWithThePayload_ThenDeletesIt()
    {
        var orders = new Recorder("orders/create", "orders/updated");
        var audit = new Recorder("orders/create");
        var products = new Recorder("products/update");
        var message = Keep("orders/create");

        var result = await new ShopifyWebhookProcessor([orders, audit, products], _fakes.ClaimChecks).ProcessAsync(message, CancellationToken.None);

        Assert.Equal(ShopifyWebhookProcessing.Handled, result);
        Assert.Equal([Payload], orders.Payloads);
        Assert.Equal([Payload], audit.Payloads);
        Assert.Empty(products.Payloads);
        Assert.Equal((Merchant, "evt-1", "orders/create"), (orders.Webhooks[0].MerchantId, orders.Webhooks[0].EventId, orders.Webhooks[0].Topic));
        Assert.Empty(_fakes.Blobs);
    }

    [Fact]
    public async Task Process_TopicNoHandlerTakes_DeletesThePayload()
    {
        var message = Keep("locations/create");

        var result = await new ShopifyWebhookProcessor([new Recorder("orders/create")], _fakes.ClaimChecks).ProcessAsync(message, CancellationToken.None);

        Assert.Equal(ShopifyWebhookProcessing.NoHandler, result);
        Assert.Empty(_fakes.Blobs);
    }

    [Fact]
    public async Task Process_HandlerFails_ThrowsAndKeepsThePayloadForTheRetry()
    {
        var message = Keep("orders/create");
        var failing = new Recorder("orders/create") { Fail = true };

        await Assert.ThrowsAsync<InvalidOperationException>(() => new ShopifyWebhookProcessor([failing], _fakes.ClaimChecks).ProcessAsync(message, CancellationToken.None));

        Assert.Equal(Payload, _fakes.Blobs[message.BlobName]);
    }

    [Fact]
    public async Task Process_PayloadAlreadyGone_IsAlreadyProcessedAndRunsNoHandler()
    {
        var message = Keep("orders/create");
        _fakes.Blobs.Clear();
        var orders = new Recorder("orders/create");

        var result = await new ShopifyWebhookProcessor([orders], _fakes.ClaimChecks).ProcessAsync(message, CancellationToken.None);

        Assert.Equal(ShopifyWebhookProcessing.AlreadyProcessed, result);
        Assert.Empty(orders.Payloads);
    }

    [Fact]
    public async Task Process_MessageNamingAnotherMerchantsBlob_IsRefused()
    {
        var message = Keep("orders/create") with { BlobName = $"{MerchantId.New()}/shopify/wh-1.json" };
        var orders = new Recorder("orders/create");

        await Assert.ThrowsAsync<InvalidOperationException>(() => new ShopifyWebhookProcessor([orders], _fakes.ClaimChecks).ProcessAsync(message, CancellationToken.None));
        Assert.Empty(orders.Payloads);
    }

    private ShopifyWebhookMessage Keep(string topic)
    {
        var name = ShopifyWebhookIngestion.BlobNameOf(Merchant, "sto_1", "wh-1", Guid.NewGuid());
        _fakes.Blobs[name] = Payload;
        return new ShopifyWebhookMessage(Merchant.Value, "sto_1", "alpha.myshopify.com", topic, "evt-1", "wh-1", DateTimeOffset.UnixEpoch, "2026-10", name);
    }

    private sealed class Recorder(params string[] topics) : IShopifyWebhookHandler
    {
        public bool Fail { get; init; }

        public List<byte[]> Payloads { get; } = [];

        public List<ShopifyWebhook> Webhooks { get; } = [];

        public IReadOnlyCollection<string> Topics => topics;

        public Task HandleAsync(ShopifyWebhook webhook, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
        {
            if (Fail)
            {
                throw new InvalidOperationException("the handler fails");
            }

            Webhooks.Add(webhook);
            Payloads.Add(payload.ToArray());
            return Task.CompletedTask;
        }
    }
}
