using SooperSeller.Core.Tenancy;

namespace SooperSeller.Core.Stores.Webhooks;

/// <summary>
/// A verified Shopify webhook delivery, resolved to its merchant and store, as the queue hands it to processing. The
/// payload itself stays in its claim-check blob until processing succeeds (architecture section 4).
/// </summary>
/// <param name="Topic">Shopify's topic, lower-case with a slash: <c>orders/create</c>, <c>app/uninstalled</c>, <c>shop/redact</c>.</param>
/// <param name="EventId">Same across duplicate deliveries of one event (<c>X-Shopify-Event-Id</c>); falls back to the webhook id.</param>
/// <param name="TriggeredAt">When Shopify says the event happened (<c>X-Shopify-Triggered-At</c>); orders/delete carries no other time.</param>
public sealed record ShopifyWebhook(
    MerchantId MerchantId,
    string StoreId,
    string ShopDomain,
    string Topic,
    string EventId,
    string WebhookId,
    DateTimeOffset TriggeredAt,
    string ApiVersion);

/// <summary>
/// Processes the webhooks of some topics. Handlers must be idempotent and order-insensitive: Shopify delivers
/// duplicates, late and out of order (security-reliability B4). An exception fails the queue message, which is retried
/// and finally parked in the poison queue with its payload blob kept for replay.
/// </summary>
public interface IShopifyWebhookHandler
{
    /// <summary>The topics this handler takes, e.g. <c>orders/create</c>.</summary>
    IReadOnlyCollection<string> Topics { get; }

    /// <param name="payload">The raw JSON body Shopify sent (REST webhook shape).</param>
    Task HandleAsync(ShopifyWebhook webhook, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken);
}
