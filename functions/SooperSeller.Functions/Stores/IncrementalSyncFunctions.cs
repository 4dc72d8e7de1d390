using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using SooperSeller.Core.Stores;
using SooperSeller.Core.Stores.Sync;
using SooperSeller.Core.Tenancy;
using SooperSeller.Infrastructure.Stores.Sync;

namespace SooperSeller.Functions.Stores;

/// <summary>
/// Runs a store's incremental (repair) sync from <c>store-sync</c>. Per-record failures are in the store's sync status;
/// a failure of the run propagates: retried, then <c>store-sync-poison</c> (the watermark keeps what was applied).
/// </summary>
public sealed partial class OnStoreSync(IncrementalSyncHandler handler, ILogger<OnStoreSync> logger)
{
    [Function(nameof(OnStoreSync))]
    public async Task Run([QueueTrigger(QueueStoreSync.QueueName)] StoreSyncMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var result = await handler.RunAsync(MerchantId.Parse(message.MerchantId), message.StoreId, cancellationToken);
        Log.Ran(logger, message.MerchantId, message.StoreId, result.Outcome, result.OrdersApplied, result.OrdersUnchanged, result.ProductsApplied, result.ProductsUnchanged, result.Failures);
    }

    private static partial class Log
    {
        [LoggerMessage(LogLevel.Information, "Incremental sync of store {StoreId} (merchant {MerchantId}): {Outcome}; orders {OrdersApplied} applied, {OrdersUnchanged} unchanged; products {ProductsApplied} applied, {ProductsUnchanged} unchanged; {Failures} failed")]
        public static partial void Ran(ILogger logger, string merchantId, string storeId, string outcome, int ordersApplied, int ordersUnchanged, int productsApplied, int productsUnchanged, int failures);
    }
}

/// <summary>
/// Every 15 minutes: queues the incremental sync of every connected store, which repairs whatever webhooks missed.
/// Only enqueues (the work runs from the queue, spread over instances); a past-due run enqueues once, like any other,
/// since one sync from the watermark covers every missed interval.
/// </summary>
public sealed partial class SyncStoresIncrementally(IShopDirectory shops, IStoreSyncWork work, ILogger<SyncStoresIncrementally> logger)
{
    [Function(nameof(SyncStoresIncrementally))]
    public async Task Run([TimerTrigger("0 */15 * * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        if (timer.IsPastDue)
        {
            Log.PastDue(logger);
        }

        var queued = 0;
        await foreach (var shop in shops.ListConnectedAcrossMerchantsAsync(cancellationToken))
        {
            await work.EnqueueSyncAsync(shop.MerchantId, shop.StoreId, cancellationToken);
            queued++;
        }

        Log.Queued(logger, queued);
    }

    private static partial class Log
    {
        [LoggerMessage(LogLevel.Information, "The incremental sync timer ran late; queueing one sync per store covers the missed runs")]
        public static partial void PastDue(ILogger logger);

        [LoggerMessage(LogLevel.Information, "Queued the incremental sync of {Stores} connected store(s)")]
        public static partial void Queued(ILogger logger, int stores);
    }
}
