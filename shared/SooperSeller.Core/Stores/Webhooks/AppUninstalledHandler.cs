namespace SooperSeller.Core.Stores.Webhooks;

/// <summary>
/// <c>app/uninstalled</c>: the merchant removed SooperSeller in Shopify. The token is dead already; it is forgotten, the
/// store marked disconnected (sync stops: the set-up and every sync skip disconnected stores) and the shop directory
/// keeps the shop so that <c>shop/redact</c>, 48 hours later, still finds the merchant. A redelivery changes nothing.
/// A stale uninstall (the store was re-installed since the event) is ignored.
/// </summary>
public sealed class AppUninstalledHandler(DisconnectStoreHandler disconnect, IStores stores) : IShopifyWebhookHandler
{
    public const string Topic = "app/uninstalled";

    public IReadOnlyCollection<string> Topics { get; } = [Topic];

    public async Task HandleAsync(ShopifyWebhook webhook, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        if (await stores.GetAsync(webhook.MerchantId, webhook.StoreId, cancellationToken) is not { Status: StoreStatus.Connected } store || store.ConnectedAt > webhook.TriggeredAt)
        {
            return;
        }

        await disconnect.HandleAsync(webhook.MerchantId, webhook.StoreId, uninstalled: true, cancellationToken);
    }
}
