using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using SooperSeller.Core.Stores;
using SooperSeller.Core.Tenancy;
using SooperSeller.Infrastructure.Stores;

namespace SooperSeller.Functions.Stores;

/// <summary>
/// Runs a store's set-up (shop details, webhook subscriptions, locations), then schedules its backfill if this connection
/// has not had one (<see cref="Backfill.BackfillStarter"/>). Failures propagate: retried, then <c>store-setup-poison</c>.
/// </summary>
public sealed class OnStoreSetup(StoreSetupHandler handler, IStores stores, SooperSeller.Core.Stores.Backfill.BackfillHandler backfill)
{
    [Function(nameof(OnStoreSetup))]
    public async Task Run([QueueTrigger(QueueStoreWork.QueueName)] StoreSetupMessage message, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var merchantId = MerchantId.Parse(message.MerchantId);
        await handler.RunAsync(merchantId, message.StoreId, cancellationToken);
        await Backfill.BackfillStarter.StartIfNeededAsync(client, stores, backfill, merchantId, message.StoreId, cancellationToken);
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
