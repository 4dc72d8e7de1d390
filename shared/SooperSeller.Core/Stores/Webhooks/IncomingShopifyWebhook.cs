namespace SooperSeller.Core.Stores.Webhooks;

/// <summary>
/// A delivery whose signature has been verified, as the HTTP layer read it from Shopify's headers: not yet resolved to
/// a merchant. <paramref name="Payload"/> is the exact body that was signed; nothing re-reads or re-serialises it.
/// </summary>
/// <param name="EventId">Shopify's event id, or the webhook id when the delivery carries none.</param>
/// <param name="TriggeredAt">Shopify's time, or the receipt time when the header is absent or unreadable.</param>
public sealed record IncomingShopifyWebhook(
    string Topic,
    string ShopDomain,
    string WebhookId,
    string EventId,
    DateTimeOffset TriggeredAt,
    string ApiVersion,
    ReadOnlyMemory<byte> Payload);

/// <summary>What ingestion did with a delivery. Every outcome is a 200 to Shopify: only a bad signature or a malformed request is not.</summary>
public enum ShopifyWebhookOutcome
{
    /// <summary>Kept (claim check) and queued for processing.</summary>
    Queued,

    /// <summary>The event was seen before (same event or webhook id): nothing queued.</summary>
    Duplicate,

    /// <summary>No store of ours holds this shop: nothing kept.</summary>
    UnknownShop,

    /// <summary>The store is disconnected and the topic is not one that outlives the connection: nothing kept.</summary>
    Disconnected,
}
