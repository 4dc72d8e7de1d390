using System.Text;
using Microsoft.Extensions.Time.Testing;
using SooperSeller.Core.Stores;
using SooperSeller.Core.Stores.Webhooks;
using SooperSeller.Core.Tenancy;

namespace SooperSeller.UnitTests.Core.Webhooks;

public sealed class ShopifyWebhookIngestionTests
{
    private const string Shop = "alpha-apparel.myshopify.com";
    private static readonly MerchantId Merchant = MerchantId.New();
    private static readonly byte[] Payload = Encoding.UTF8.GetBytes("""{"id":1}""");
    private readonly WebhookFakes _fakes = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero));

    private ShopifyWebhookIngestion Ingestion => new(_fakes.Directory, _fakes.Events, _fakes.ClaimChecks, _fakes.Inbox, _time);

    [Fact]
    public async Task Receive_ConnectedShop_KeepsThePayloadThenQueuesIdsThenRecordsTheKeys()
    {
        _fakes.Shops[Shop] = new ShopEntry(Shop, Merchant, "sto_1", Connected: true);

        var outcome = await Ingestion.ReceiveAsync(Delivery("orders/create", "evt-1", "wh-1"), CancellationToken.None);

        var message = Assert.Single(_fakes.Queued);
        Assert.Equal(ShopifyWebhookOutcome.Queued, outcome);
        Assert.Equal(["blob", "enqueue", "record"], _fakes.Journal);
        Assert.StartsWith($"{Merchant}/shopify/sto_1/wh-1.", message.BlobName, StringComparison.Ordinal);
        Assert.Equal(Payload, _fakes.Blobs[message.BlobName]);
        Assert.Equal((Merchant.Value, "sto_1", Shop, "orders/create", "evt-1", "wh-1"), (message.MerchantId, message.StoreId, message.ShopDomain, message.Topic, message.EventId, message.WebhookId));
    }

    [Theory]
    [InlineData("evt-1", "wh-1")] // Shopify's retry of the delivery
    [InlineData("evt-1", "wh-2")] // another delivery of the same event (a repeat, or a second subscription to the topic)
    public async Task Receive_SameEventAgain_IsADuplicateAndQueuesNothing(string eventId, string webhookId)
    {
        _fakes.Shops[Shop] = new ShopEntry(Shop, Merchant, "sto_1", Connected: true);
        await Ingestion.ReceiveAsync(Delivery("orders/create", "evt-1", "wh-1"), CancellationToken.None);

        var again = await Ingestion.ReceiveAsync(Delivery("orders/create", eventId, webhookId), CancellationToken.None);

        Assert.Equal(ShopifyWebhookOutcome.Duplicate, again);
        var queued = Assert.Single(_fakes.Queued);
        Assert.Equal([queued.BlobName], _fakes.Blobs.Keys); // the duplicate's own copy is gone, the queued one's kept
    }

    [Fact]
    public async Task Receive_QueueFails_DeletesThisAttemptsBlob_RecordsNothing_AndThrows()
    {
        _fakes.Shops[Shop] = new ShopEntry(Shop, Merchant, "sto_1", Connected: true);
        _fakes.FailEnqueue = true;

        await Assert.ThrowsAsync<IOException>(() => Ingestion.ReceiveAsync(Delivery("orders/create", "evt-1", "wh-1"), CancellationToken.None));

        Assert.Empty(_fakes.Blobs);
        Assert.Empty(_fakes.Keys);
        _fakes.FailEnqueue = false;
        Assert.Equal(ShopifyWebhookOutcome.Queued, await Ingestion.ReceiveAsync(Delivery("orders/create", "evt-1", "wh-1"), CancellationToken.None)); // Shopify's retry
    }

    [Fact]
    public async Task Receive_SameEventIdUnderAnotherTopic_IsQueued()
    {
        _fakes.Shops[Shop] = new ShopEntry(Shop, Merchant, "sto_1", Connected: true);
        await Ingestion.ReceiveAsync(Delivery("orders/create", "evt-1", "wh-1"), CancellationToken.None);

        var other = await Ingestion.ReceiveAsync(Delivery("orders/paid", "evt-1", "wh-2"), CancellationToken.None);

        Assert.Equal(ShopifyWebhookOutcome.Queued, other);
        Assert.Equal(2, _fakes.Queued.Count);
    }

    [Fact]
    public async Task Receive_UnknownShop_KeepsAndQueuesNothing()
    {
        var outcome = await Ingestion.ReceiveAsync(Delivery("orders/create", "evt-1", "wh-1"), CancellationToken.None);

        Assert.Equal(ShopifyWebhookOutcome.UnknownShop, outcome);
        Assert.Empty(_fakes.Journal);
    }

    [Theory]
    [InlineData("orders/create", ShopifyWebhookOutcome.Disconnected)]
    [InlineData("products/update", ShopifyWebhookOutcome.Disconnected)]
    [InlineData("app/uninstalled", ShopifyWebhookOutcome.Queued)]
    [InlineData("customers/data_request", ShopifyWebhookOutcome.Queued)]
    [InlineData("customers/redact", ShopifyWebhookOutcome.Queued)]
    [InlineData("shop/redact", ShopifyWebhookOutcome.Queued)]
    public async Task Receive_DisconnectedStore_OnlyUninstallAndComplianceTopicsGoThrough(string topic, ShopifyWebhookOutcome expected)
    {
        _fakes.Shops[Shop] = new ShopEntry(Shop, Merchant, "sto_1", Connected: false);

        var outcome = await Ingestion.ReceiveAsync(Delivery(topic, "evt-1", "wh-1"), CancellationToken.None);

        Assert.Equal(expected, outcome);
        Assert.Equal(expected == ShopifyWebhookOutcome.Queued ? 1 : 0, _fakes.Queued.Count);
    }

    private IncomingShopifyWebhook Delivery(string topic, string eventId, string webhookId) =>
        new(topic, Shop, webhookId, eventId, _time.GetUtcNow(), "2026-10", Payload);
}
