using SooperSeller.Core.Accounts;
using SooperSeller.Core.Orders;
using SooperSeller.Core.Tenancy;

namespace SooperSeller.Core.Stores.Backfill;

/// <summary>
/// The steps of a store's backfill, each one an activity of the backfill orchestration (which carries ids only):
/// <see cref="StartAsync"/> starts the bulk operation (or finds the one a killed run started), <see cref="CheckAsync"/>
/// asks Shopify where it stands, and <see cref="FinishAsync"/> streams its result into <see cref="SyncOrder"/> from the
/// checkpoint on (<see cref="ApplyAsync"/>) or records a failure (<see cref="FailAsync"/>). Progress lives in <see cref="IBackfillCheckpoints"/>, not
/// in the durable history, so a process killed mid-stream resumes at the last checkpoint: the orders after it are applied
/// again, which sync's convergence makes harmless. Disconnected stores and closed merchants are skipped.
/// </summary>
public sealed class BackfillHandler(
    IShopifyBulkOrders shopify,
    IStores stores,
    IMerchantDirectory merchants,
    IBackfillCheckpoints checkpoints,
    IOrderSyncSettingsStore orderSettings,
    SyncOrder sync,
    IStoreOrderCounts counts,
    TimeProvider time)
{
    /// <summary>Orders applied between checkpoints: at most this many are applied twice after a kill.</summary>
    public const int CheckpointEvery = 500;

    /// <summary>Orders applied concurrently: Cosmos round trips overlap, and a batch is small enough to keep memory flat.</summary>
    public const int BatchSize = 16;

    /// <summary>Whether the store's backfill should be scheduled: connected, set up, and not yet completed for this connection.</summary>
    public static bool ShouldRun(Store store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store is { Status: StoreStatus.Connected, Sync.State: StoreSync.OkState } && store.Sync.Backfill?.State != StoreBackfill.CompletedState;
    }

    /// <summary>Marks the backfill pending when it is scheduled, so the merchant sees it coming.</summary>
    public async Task MarkScheduledAsync(MerchantId merchantId, string storeId, CancellationToken cancellationToken) =>
        await StoreUpdates.UpdateAsync(stores, merchantId, storeId, s => s.Sync.Backfill is null ? s with { Sync = s.Sync with { Backfill = StoreBackfill.Pending } } : s, cancellationToken);

    /// <summary>Starts the bulk operation unless this connection's backfill already has a live one; false when there is nothing to do.</summary>
    public async Task<bool> StartAsync(MerchantId merchantId, string storeId, CancellationToken cancellationToken)
    {
        if (await ActiveStoreAsync(merchantId, storeId, cancellationToken) is not { } store)
        {
            return false;
        }

        var checkpoint = await checkpoints.GetAsync(merchantId, storeId, cancellationToken);
        if (checkpoint is null || checkpoint.ConnectedAt != store.ConnectedAt)
        {
            var now = time.GetUtcNow();
            checkpoint = new BackfillCheckpoint(null, store.ConnectedAt, now, BackfillWindow.Since(now), 0, 0, Completed: false);
        }

        if (checkpoint.Completed)
        {
            return false;
        }

        if (checkpoint.BulkOperationId is { } existing
            && await shopify.GetStateAsync(store.ShopDomain, existing, cancellationToken) == BulkOperationState.Failed)
        {
            checkpoint = checkpoint with { BulkOperationId = null };
        }

        if (checkpoint.BulkOperationId is null)
        {
            var bulkOperationId = await shopify.StartAsync(store.ShopDomain, checkpoint.Since, cancellationToken);
            checkpoint = checkpoint with { BulkOperationId = bulkOperationId };
            await checkpoints.SaveAsync(merchantId, storeId, checkpoint, cancellationToken);
        }

        await RecordAsync(merchantId, storeId, b => new StoreBackfill(StoreBackfill.RunningState, checkpoint.StartedAt, null, checkpoint.Since, checkpoint.OrdersApplied, null, null) { OrdersFailed = b?.OrdersFailed ?? 0 }, cancellationToken);
        return true;
    }

    /// <summary>Where this backfill's bulk operation stands (a skipped store counts as failed, so the orchestration ends).</summary>
    public async Task<BulkOperationState> CheckAsync(MerchantId merchantId, string storeId, CancellationToken cancellationToken)
    {
        if (await ActiveStoreAsync(merchantId, storeId, cancellationToken) is not { } store
            || await checkpoints.GetAsync(merchantId, storeId, cancellationToken) is not { BulkOperationId: { } bulkOperationId })
        {
            return BulkOperationState.Failed;
        }

        return await shopify.GetStateAsync(store.ShopDomain, bulkOperationId, cancellationToken);
    }

    /// <summary>
    /// Streams the completed bulk result from the checkpoint on and applies every order; checkpoints every
    /// <see cref="CheckpointEvery"/> orders; at the end counts the store's orders and marks the backfill completed.
    /// An order that cannot be mapped is counted in the status (<see cref="StoreBackfill.OrdersFailed"/>) and skipped; a storage or Shopify failure propagates (the activity is
    /// retried, and resumes from the checkpoint).
    /// </summary>
    public async Task<long> ApplyAsync(MerchantId merchantId, string storeId, CancellationToken cancellationToken)
    {
        if (await ActiveStoreAsync(merchantId, storeId, cancellationToken) is not { } store
            || await checkpoints.GetAsync(merchantId, storeId, cancellationToken) is not { BulkOperationId: { } bulkOperationId, Completed: false } checkpoint)
        {
            return 0;
        }

        var settings = await orderSettings.GetAsync(merchantId, cancellationToken);
        var progress = new Progress(checkpoint);
        var batch = new List<BulkOrder>(BatchSize);
        await foreach (var order in shopify.ReadOrdersAsync(store.ShopDomain, bulkOperationId, checkpoint.LastOrderId, settings, cancellationToken))
        {
            batch.Add(order);
            if (batch.Count == BatchSize)
            {
                await ApplyBatchAsync(merchantId, storeId, batch, progress, cancellationToken);
            }
        }

        await ApplyBatchAsync(merchantId, storeId, batch, progress, cancellationToken);
        var stored = await counts.CountAsync(merchantId, storeId, cancellationToken);
        await checkpoints.SaveAsync(merchantId, storeId, progress.Checkpoint with { Completed = true }, cancellationToken);
        var finished = time.GetUtcNow();
        await RecordAsync(merchantId, storeId, b => new StoreBackfill(StoreBackfill.CompletedState, progress.Checkpoint.StartedAt, finished, progress.Checkpoint.Since, progress.Checkpoint.OrdersApplied, stored, null) { OrdersFailed = progress.Failed + (b?.OrdersFailed ?? 0) }, cancellationToken);
        return progress.Checkpoint.OrdersApplied;
    }

    /// <summary>
    /// The last step: applies the completed result (<see cref="ApplyAsync"/>), or records the failure when the bulk
    /// operation failed. True when the backfill completed. A store with nothing to do (disconnected, unknown) records nothing.
    /// </summary>
    public async Task<bool> FinishAsync(MerchantId merchantId, string storeId, CancellationToken cancellationToken)
    {
        if (await ActiveStoreAsync(merchantId, storeId, cancellationToken) is null)
        {
            return false;
        }

        if (await CheckAsync(merchantId, storeId, cancellationToken) == BulkOperationState.Completed)
        {
            await ApplyAsync(merchantId, storeId, cancellationToken);
            return true;
        }

        await FailAsync(merchantId, storeId, cancellationToken);
        return false;
    }

    /// <summary>Records that the backfill stopped (the bulk operation failed or the retries ran out); a later set-up schedules it again.</summary>
    public async Task FailAsync(MerchantId merchantId, string storeId, CancellationToken cancellationToken)
    {
        await RecordAsync(merchantId, storeId, b => (b ?? StoreBackfill.Pending) with
        {
            State = StoreBackfill.FailedState,
            FinishedAt = time.GetUtcNow(),
            LastError = "Shopify could not prepare the orders for copying; SooperSeller tries again at the store's next daily check.",
        }, cancellationToken);
    }

    private async Task ApplyBatchAsync(MerchantId merchantId, string storeId, List<BulkOrder> batch, Progress progress, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        await Task.WhenAll(batch.Select(async order =>
        {
            if (order.Order is { } content)
            {
                await sync.ApplyContentAsync(merchantId, storeId, order.ShopifyOrderId, content, cancellationToken);
            }
            else
            {
                Interlocked.Increment(ref progress.Failed);
            }
        }));

        progress.Checkpoint = progress.Checkpoint with
        {
            OrdersApplied = progress.Checkpoint.OrdersApplied + batch.Count,
            LastOrderId = batch[^1].ShopifyOrderId,
        };
        batch.Clear();
        if (progress.Checkpoint.OrdersApplied - progress.SavedAt >= CheckpointEvery)
        {
            await checkpoints.SaveAsync(merchantId, storeId, progress.Checkpoint, cancellationToken);
            progress.SavedAt = progress.Checkpoint.OrdersApplied;
            var applied = progress.Checkpoint.OrdersApplied;
            await RecordAsync(merchantId, storeId, b => (b ?? StoreBackfill.Pending) with { State = StoreBackfill.RunningState, OrdersApplied = applied }, cancellationToken);
        }
    }

    private async Task<Store?> ActiveStoreAsync(MerchantId merchantId, string storeId, CancellationToken cancellationToken)
    {
        var store = await stores.GetAsync(merchantId, storeId, cancellationToken);
        return store is { Status: StoreStatus.Connected } && await merchants.GetMerchantAsync(merchantId, cancellationToken) is { IsClosed: false }
            ? store
            : null;
    }

    private async Task RecordAsync(MerchantId merchantId, string storeId, Func<StoreBackfill?, StoreBackfill> change, CancellationToken cancellationToken) =>
        await StoreUpdates.UpdateAsync(stores, merchantId, storeId, s => s with { Sync = s.Sync with { Backfill = change(s.Sync.Backfill) } }, cancellationToken);

    private sealed class Progress(BackfillCheckpoint checkpoint)
    {
        public BackfillCheckpoint Checkpoint { get; set; } = checkpoint;

        public long SavedAt { get; set; } = checkpoint.OrdersApplied;

#pragma warning disable CA1051 // Interlocked needs a field.
        public int Failed;
#pragma warning restore CA1051
    }
}
