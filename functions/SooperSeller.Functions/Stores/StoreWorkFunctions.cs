using Microsoft.Azure.Functions.Worker;
using SooperSeller.Core.Stores;
using SooperSeller.Core.Tenancy;
using SooperSeller.Infrastructure.Stores;

namespace SooperSeller.Functions.Stores;

/// <summary>Runs a store's set-up (shop details, webhook subscriptions, locations). Failures propagate: retried, then <c>store-setup-poison</c>.</summary>
public sealed class OnStoreSetup(StoreSetupHandler handler)
{
    [Function(nameof(OnStoreSetup))]
    public Task Run([QueueTrigger(QueueStoreWork.QueueName)] StoreSetupMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return handler.RunAsync(MerchantId.Parse(message.MerchantId), message.StoreId, cancellationToken);
    }
}

/// <summary>
/// Daily at 03:15 UTC: queues the set-up of every connected store, which re-creates webhook subscriptions Shopify
/// deleted after repeated failed deliveries and refreshes locations. Only enqueues; a past-due run is the same.
/// </summary>
public sealed class CheckStoreWebhooks(IShopDirectory shops, IStoreWork work)
{
    [Function(nameof(CheckStoreWebhooks))]
    public async Task Run([TimerTrigger("0 15 3 * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        await foreach (var shop in shops.ListConnectedAcrossMerchantsAsync(cancellationToken))
        {
            await work.EnqueueSetupAsync(shop.MerchantId, shop.StoreId, cancellationToken);
        }
    }
}
