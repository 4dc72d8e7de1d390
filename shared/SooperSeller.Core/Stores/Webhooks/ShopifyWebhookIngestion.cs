using SooperSeller.Core.Tenancy;

namespace SooperSeller.Core.Stores.Webhooks;

/// <summary>
/// Takes a verified delivery from the HTTP function to the queue, quickly enough for Shopify's 5-second limit and so
/// that a crash at any point loses nothing (security-reliability B4). The steps, in this order:
/// <list type="number">
/// <item>resolve the shop (the global shop-domain lookup); unknown, or disconnected for a topic that does not outlive
/// the connection: acknowledged, nothing kept;</item>
/// <item>look the event up in the de-duplication log; seen: acknowledged, nothing queued;</item>
/// <item>keep the payload as a claim-check blob;</item>
/// <item>queue the ids;</item>
/// <item>record the de-duplication keys.</item>
/// </list>
/// A crash before step 5 leaves the event unrecorded, so Shopify's retry queues it again: a duplicate, which
/// processing absorbs (handlers are idempotent), never a loss. Recording before queueing would lose the event instead.
/// </summary>
public sealed class ShopifyWebhookIngestion(
    IShopDirectory shops,
    IWebhookEventLog events,
    IWebhookClaimChecks claimChecks,
    IShopifyWebhookInbox queue,
    TimeProvider time)
{
    /// <summary>
    /// How long de-duplication keys are kept: Shopify retries for 4 hours and delivers late by up to a day (B4); a week
    /// covers both with room, and rows are tiny.
    /// </summary>
    public static readonly TimeSpan DedupeWindow = TimeSpan.FromDays(7);

    public async Task<ShopifyWebhookOutcome> ReceiveAsync(IncomingShopifyWebhook delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var shop = await shops.FindAsync(delivery.ShopDomain, cancellationToken);
        if (shop is null)
        {
            return ShopifyWebhookOutcome.UnknownShop;
        }

        if (!shop.Connected && !ShopifyWebhookTopics.ProcessedWhenDisconnected(delivery.Topic))
        {
            return ShopifyWebhookOutcome.Disconnected;
        }

        if (await events.SeenAsync(shop.MerchantId, delivery.Topic, delivery.EventId, delivery.WebhookId, cancellationToken))
        {
            return ShopifyWebhookOutcome.Duplicate;
        }

        var blobName = BlobNameOf(shop.MerchantId, shop.StoreId, delivery.WebhookId);
        await claimChecks.SaveAsync(shop.MerchantId, blobName, delivery.Payload, cancellationToken);
        await queue.EnqueueAsync(
            new ShopifyWebhookMessage(shop.MerchantId.Value, shop.StoreId, shop.ShopDomain, delivery.Topic, delivery.EventId, delivery.WebhookId, delivery.TriggeredAt, delivery.ApiVersion, blobName),
            cancellationToken);
        await events.RecordAsync(shop.MerchantId, delivery.Topic, delivery.EventId, delivery.WebhookId, time.GetUtcNow() + DedupeWindow, cancellationToken);
        return ShopifyWebhookOutcome.Queued;
    }

    /// <summary>
    /// <c>{merchantId}/shopify/{storeId}/{webhookId}.json</c>: under the merchant's and the store's prefix (found and erased by them: redaction), one blob per
    /// delivery, so each queue message owns its blob and deletes only its own, even when two copies of one event slip
    /// past de-duplication together.
    /// </summary>
    public static string BlobNameOf(MerchantId merchantId, string storeId, string webhookId) => $"{merchantId.Value}/shopify/{storeId}/{webhookId}.json";
}
