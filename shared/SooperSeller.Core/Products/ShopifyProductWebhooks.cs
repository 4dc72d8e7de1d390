using SooperSeller.Core.Stores.Webhooks;

namespace SooperSeller.Core.Products;

/// <summary>products/create, products/update (full payloads) and products/delete (the id; time from the trigger).</summary>
public sealed class ShopifyProductWebhooks(SyncProduct sync) : IShopifyWebhookHandler
{
    public const string Delete = "products/delete";

    public IReadOnlyCollection<string> Topics { get; } = ["products/create", "products/update", Delete];

    public async Task HandleAsync(ShopifyWebhook webhook, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        if (string.Equals(webhook.Topic, Delete, StringComparison.Ordinal))
        {
            await sync.ApplyDeleteAsync(webhook.MerchantId, webhook.StoreId, ShopifyProductPayload.IdOf(payload), webhook.TriggeredAt, cancellationToken);
            return;
        }

        var (productId, content) = ShopifyProductPayload.Parse(payload);
        await sync.ApplyContentAsync(webhook.MerchantId, webhook.StoreId, productId, content, cancellationToken);
    }
}
