using SooperSeller.Core.Tenancy;

namespace SooperSeller.Core.Stores.Webhooks;

/// <summary>
/// The queue message of a kept delivery: ids only, never the payload or personal data (queue messages end up in poison
/// queues and logs). <see cref="BlobName"/> names the claim-check blob that holds the payload.
/// </summary>
public sealed record ShopifyWebhookMessage(
    string MerchantId,
    string StoreId,
    string ShopDomain,
    string Topic,
    string EventId,
    string WebhookId,
    DateTimeOffset TriggeredAt,
    string ApiVersion,
    string BlobName)
{
    public ShopifyWebhook ToWebhook() =>
        new(Tenancy.MerchantId.Parse(MerchantId), StoreId, ShopDomain, Topic, EventId, WebhookId, TriggeredAt, ApiVersion);
}

/// <summary>
/// Claim-check storage of webhook payloads (architecture section 4: a place personal data rests transiently). Names
/// always start with <c>{merchantId}/</c>, so a merchant's copies can be found and erased by prefix.
/// </summary>
public interface IWebhookClaimChecks
{
    /// <summary>Writes (or overwrites with the same bytes) the payload under <paramref name="name"/>.</summary>
    Task SaveAsync(MerchantId merchantId, string name, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken);

    /// <summary>The payload, or null when it is gone (already processed and deleted).</summary>
    Task<ReadOnlyMemory<byte>?> ReadAsync(MerchantId merchantId, string name, CancellationToken cancellationToken);

    /// <summary>Deletes the payload; deleting one that is gone is not an error.</summary>
    Task DeleteAsync(MerchantId merchantId, string name, CancellationToken cancellationToken);
}

/// <summary>
/// De-duplication keys of deliveries already queued, per merchant, kept for <see cref="ShopifyWebhookIngestion.DedupeWindow"/>
/// and then swept. The key is the topic and the event id (<see cref="IncomingShopifyWebhook.EventId"/>, which is the
/// webhook id when a delivery carries no event id). Shopify's retry of a delivery repeats its webhook id and its event
/// id; a duplicate delivery of one event (Shopify's own repeat, or one per subscription to the topic) repeats the event
/// id under a new webhook id; so the event id alone catches both, in one read. The webhook id is kept with the key, so
/// each delivery stays traceable.
/// </summary>
public interface IWebhookEventLog
{
    /// <summary>True when a delivery of this event (for this topic) was recorded already.</summary>
    Task<bool> SeenAsync(MerchantId merchantId, string topic, string eventId, CancellationToken cancellationToken);

    /// <summary>Records the delivery's key, expiring at <paramref name="expiresAt"/> (idempotent).</summary>
    Task RecordAsync(MerchantId merchantId, string topic, string eventId, string webhookId, DateTimeOffset expiresAt, CancellationToken cancellationToken);
}

/// <summary>Where kept deliveries wait for processing: the <c>shopify-webhooks</c> queue.</summary>
public interface IShopifyWebhookInbox
{
    Task EnqueueAsync(ShopifyWebhookMessage message, CancellationToken cancellationToken);
}
