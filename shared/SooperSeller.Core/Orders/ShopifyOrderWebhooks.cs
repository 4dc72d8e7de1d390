using SooperSeller.Core.Stores.Webhooks;

namespace SooperSeller.Core.Orders;

/// <summary>
/// orders/create, orders/updated, orders/cancelled (full order payloads) and orders/delete (only the id; the time is
/// the webhook's trigger time). Every topic goes through the same convergence, so their arrival order does not matter.
/// </summary>
public sealed class ShopifyOrderWebhooks(SyncOrder sync, IOrderSyncSettingsStore settings) : IShopifyWebhookHandler
{
    public const string Delete = "orders/delete";

    public IReadOnlyCollection<string> Topics { get; } = ["orders/create", "orders/updated", "orders/cancelled", Delete];

    public async Task HandleAsync(ShopifyWebhook webhook, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        if (string.Equals(webhook.Topic, Delete, StringComparison.Ordinal))
        {
            await sync.ApplyDeleteAsync(webhook.MerchantId, webhook.StoreId, ShopifyOrderPayload.IdOf(payload), webhook.TriggeredAt, cancellationToken);
            return;
        }

        var merchantSettings = await settings.GetAsync(webhook.MerchantId, cancellationToken);
        var (orderId, content) = ShopifyOrderPayload.Parse(payload, merchantSettings);
        await sync.ApplyContentAsync(webhook.MerchantId, webhook.StoreId, orderId, content, cancellationToken);
    }
}
