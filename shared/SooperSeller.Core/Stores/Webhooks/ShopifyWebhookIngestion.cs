using SooperSeller.Core.Tenancy;

namespace SooperSeller.Core.Stores.Webhooks;

/// <summary>
/// Takes a verified delivery from the HTTP function to the queue, quickly enough for Shopify's 5-second limit and so
/// that a crash at any point loses nothing (security-reliability B4). The steps, in this order:
/// <list type="number">
/// <item>resolve the shop (the global shop-domain lookup, <see cref="IShopDirectory.RouteAsync"/>); unknown, or
/// disconnected for a topic that does not outlive the connection: acknowledged, nothing kept;</item>
/// <item>at the same time, since neither needs the other: look the event up in the de-duplication log (one point read)
/// and keep the payload as a claim-check blob named for this delivery alone; seen: the blob is deleted again,
/// acknowledged, nothing queued;</item>
/// <item>queue the ids;</item>
/// <item>record the de-duplication key.</item>
/// </list>
/// A crash before step 4 leaves the event unrecorded, so Shopify's retry queues it again: a duplicate, which
/// processing absorbs (handlers are idempotent), never a loss. Recording before queueing would lose the event instead.
/// A failure before the message is queued deletes this attempt's blob before Shopify is answered with an error (a
/// crash instead leaves it to the claim-check sweep). Running the read and the write together saves one storage round
/// trip on every delivery and costs a wasted write on each duplicate, which are rare.
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

    /// <summary>
    /// How old an instance's copy of a connected shop's directory entry may be when it routes a delivery. Reading the
    /// directory afresh for every delivery was a sixth of ingestion's storage work, for an answer that changes a few times
    /// in a store's life. The price: for up to this long after a disconnection made through another instance, a delivery
    /// for the shop is still queued for the store it left (that merchant's own store and data). A shop passes to another
    /// merchant only after that disconnection and a new OAuth install, which take longer than this.
    /// </summary>
    public static readonly TimeSpan RoutingCopyMaxAge = TimeSpan.FromSeconds(5);

    public async Task<ShopifyWebhookOutcome> ReceiveAsync(IncomingShopifyWebhook delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var shop = await shops.RouteAsync(delivery.ShopDomain, cancellationToken);
        if (shop is null)
        {
            return ShopifyWebhookOutcome.UnknownShop;
        }

        if (!shop.Connected && !ShopifyWebhookTopics.ProcessedWhenDisconnected(delivery.Topic))
        {
            return ShopifyWebhookOutcome.Disconnected;
        }

        var blobName = BlobNameOf(shop.MerchantId, shop.StoreId, delivery.WebhookId, Guid.NewGuid());
        var seen = events.SeenAsync(shop.MerchantId, delivery.Topic, delivery.EventId, cancellationToken);
        var kept = claimChecks.SaveAsync(shop.MerchantId, blobName, delivery.Payload, cancellationToken);
        try
        {
            await Task.WhenAll(seen, kept);
            if (await seen)
            {
                await claimChecks.DeleteAsync(shop.MerchantId, blobName, CancellationToken.None);
                return ShopifyWebhookOutcome.Duplicate;
            }

            await queue.EnqueueAsync(
                new ShopifyWebhookMessage(shop.MerchantId.Value, shop.StoreId, shop.ShopDomain, delivery.Topic, delivery.EventId, delivery.WebhookId, delivery.TriggeredAt, delivery.ApiVersion, blobName),
                cancellationToken);
        }
        catch (Exception) when (kept.IsCompletedSuccessfully)
        {
            // Not queued: Shopify gets an error and retries, with a blob of its own; this attempt's copy goes now.
            await DiscardAsync(shop.MerchantId, blobName);
            throw;
        }

        await events.RecordAsync(shop.MerchantId, delivery.Topic, delivery.EventId, delivery.WebhookId, time.GetUtcNow() + DedupeWindow, cancellationToken);
        return ShopifyWebhookOutcome.Queued;
    }

    /// <summary>
    /// <c>{merchantId}/shopify/{storeId}/{webhookId}.{delivery}.json</c>: under the merchant's and the store's prefix
    /// (found and erased by them: redaction), one blob per delivery attempt (<paramref name="delivery"/> is new for each),
    /// so each queue message owns its blob and a duplicate's copy can be deleted without touching the one a queued
    /// message still needs.
    /// </summary>
    public static string BlobNameOf(MerchantId merchantId, string storeId, string webhookId, Guid delivery) =>
        $"{BlobPrefixOf(merchantId, storeId, webhookId)}{delivery:N}.json";

    /// <summary>What the names of every kept attempt of one webhook delivery start with.</summary>
    public static string BlobPrefixOf(MerchantId merchantId, string storeId, string webhookId) => $"{StorePrefixOf(merchantId, storeId)}{webhookId}.";

    /// <summary>What the names of all of a store's kept deliveries start with (redaction purges by it).</summary>
    public static string StorePrefixOf(MerchantId merchantId, string storeId) => $"{merchantId.Value}/shopify/{storeId}/";

    private async Task DiscardAsync(MerchantId merchantId, string blobName)
    {
        try
        {
            await claimChecks.DeleteAsync(merchantId, blobName, CancellationToken.None);
        }
#pragma warning disable CA1031 // the delivery's own failure is what propagates; a copy left behind is swept (BlobRetentionSweep)
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
