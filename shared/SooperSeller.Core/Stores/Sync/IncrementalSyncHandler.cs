using SooperSeller.Core.Accounts;
using SooperSeller.Core.Errors;
using SooperSeller.Core.Orders;
using SooperSeller.Core.Products;
using SooperSeller.Core.Tenancy;

namespace SooperSeller.Core.Stores.Sync;

/// <summary>
/// The incremental (repair) sync of one store: webhooks are hints, this is the truth. Orders, then products, changed
/// since each one's watermark (minus <see cref="SyncWindow.Overlap"/>) are read page by page from Shopify and applied
/// through <see cref="SyncOrder"/> / <see cref="SyncProduct"/>, whose convergence rules make it idempotent and keep
/// newer data from being overwritten by older; the watermark moves only after a page is applied, so a run killed
/// half-way resumes where it was. A record that cannot be mapped or stored is listed in the store's sync status and
/// the others go on; a failure of the run itself (Shopify, storage) is recorded and thrown so the queue retries.
/// Locations are refreshed too (written only when they differ). Disconnected stores, closed merchants and stores
/// whose backfill has not finished are skipped.
/// </summary>
public sealed class IncrementalSyncHandler(
    IShopifyChangeFeed shopify,
    IShopifyGateway gateway,
    IStores stores,
    IMerchantDirectory merchants,
    ISyncWatermarks watermarks,
    IOrderSyncSettingsStore orderSettings,
    SyncOrder orders,
    SyncProduct products,
    TimeProvider time)
{
    public async Task<IncrementalSyncResult> RunAsync(MerchantId merchantId, string storeId, CancellationToken cancellationToken)
    {
        var store = await stores.GetAsync(merchantId, storeId, cancellationToken);
        if (store is not { Status: StoreStatus.Connected } || await merchants.GetMerchantAsync(merchantId, cancellationToken) is null or { IsClosed: true })
        {
            return IncrementalSyncResult.Skipped;
        }

        if (!SyncBaseline.BackfillFinished(store))
        {
            await RecordAsync(merchantId, storeId, s => (s ?? Empty) with { State = StoreIncrementalSync.WaitingState, LastRunAt = time.GetUtcNow() }, cancellationToken);
            return IncrementalSyncResult.Waiting;
        }

        var run = new Run(time.GetUtcNow());
        try
        {
            var baseline = SyncBaseline.Of(store);
            await SyncOrdersAsync(store, baseline, run, cancellationToken);
            await SyncProductsAsync(store, baseline, run, cancellationToken);
            await SyncLocationsAsync(store, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await RecordAsync(merchantId, storeId, s => run.Apply(s, StoreIncrementalSync.FailedState, "The sync with Shopify stopped part-way (Shopify or our storage could not be reached); SooperSeller retries by itself."), cancellationToken);
            throw;
        }

        await RecordAsync(merchantId, storeId, s => run.Apply(s, StoreIncrementalSync.OkState, null), cancellationToken);
        return run.Result;
    }

    private static StoreIncrementalSync Empty { get; } = new(StoreIncrementalSync.OkState, null, null, null, 0, 0, 0, 0, [], null);

    private async Task SyncOrdersAsync(Store store, DateTimeOffset baseline, Run run, CancellationToken cancellationToken)
    {
        var merchantId = store.MerchantId;
        var watermark = await watermarks.GetAsync(merchantId, store.StoreId, SyncResource.Orders, cancellationToken);
        var settings = await orderSettings.GetAsync(merchantId, cancellationToken);
        await foreach (var page in shopify.OrdersChangedSinceAsync(store.ShopDomain, SyncWindow.StartOf(watermark, baseline), settings, cancellationToken))
        {
            foreach (var changed in page)
            {
                if (changed.Order is null)
                {
                    run.Fail(StoreSyncFailure.OrderKind, changed.ShopifyOrderId, changed.Failure ?? "The order could not be read.");
                    continue;
                }

                try
                {
                    run.Order(changed.ShopifyOrderId, await orders.ApplyContentAsync(merchantId, store.StoreId, changed.ShopifyOrderId, changed.Order, cancellationToken));
                }
                catch (PayloadTooLargeException)
                {
                    run.Fail(StoreSyncFailure.OrderKind, changed.ShopifyOrderId, "The order is too large to store.");
                }
            }

            watermark = await AdvanceAsync(store, SyncResource.Orders, watermark, page.Select(o => o.UpdatedAt), cancellationToken);
        }

        run.OrdersWatermark = watermark;
    }

    private async Task SyncProductsAsync(Store store, DateTimeOffset baseline, Run run, CancellationToken cancellationToken)
    {
        var merchantId = store.MerchantId;
        var watermark = await watermarks.GetAsync(merchantId, store.StoreId, SyncResource.Products, cancellationToken);
        await foreach (var page in shopify.ProductsChangedSinceAsync(store.ShopDomain, SyncWindow.StartOf(watermark, baseline), cancellationToken))
        {
            foreach (var changed in page)
            {
                if (changed.Product is null)
                {
                    run.Fail(StoreSyncFailure.ProductKind, changed.ShopifyProductId, changed.Failure ?? "The product could not be read.");
                    continue;
                }

                try
                {
                    run.Product(changed.ShopifyProductId, await products.ApplyContentAsync(merchantId, store.StoreId, changed.ShopifyProductId, changed.Product, cancellationToken));
                }
                catch (PayloadTooLargeException)
                {
                    run.Fail(StoreSyncFailure.ProductKind, changed.ShopifyProductId, "The product is too large to store.");
                }
            }

            watermark = await AdvanceAsync(store, SyncResource.Products, watermark, page.Select(p => p.UpdatedAt), cancellationToken);
        }

        run.ProductsWatermark = watermark;
    }

    private async Task<DateTimeOffset?> AdvanceAsync(Store store, SyncResource resource, DateTimeOffset? watermark, IEnumerable<DateTimeOffset?> updatedAts, CancellationToken cancellationToken)
    {
        var advanced = SyncWindow.Advance(watermark, updatedAts);
        if (advanced is { } value && advanced != watermark)
        {
            await watermarks.SaveAsync(store.MerchantId, store.StoreId, resource, value, cancellationToken);
        }

        return advanced;
    }

    private async Task SyncLocationsAsync(Store store, CancellationToken cancellationToken)
    {
        var current = await gateway.ListLocationsAsync(store.ShopDomain, cancellationToken);
        var stored = await stores.ListLocationsAsync(store.MerchantId, store.StoreId, cancellationToken);
        if (!current.OrderBy(l => l.LocationId, StringComparer.Ordinal).SequenceEqual(stored.OrderBy(l => l.LocationId, StringComparer.Ordinal)))
        {
            await stores.ReplaceLocationsAsync(store.MerchantId, store.StoreId, current, cancellationToken);
            await StoreUpdates.UpdateAsync(stores, store.MerchantId, store.StoreId, s => s with { Sync = s.Sync with { LocationsSyncedAt = time.GetUtcNow(), LocationCount = current.Count } }, cancellationToken);
        }
    }

    private async Task RecordAsync(MerchantId merchantId, string storeId, Func<StoreIncrementalSync?, StoreIncrementalSync> change, CancellationToken cancellationToken) =>
        await StoreUpdates.UpdateAsync(stores, merchantId, storeId, s => s with { Sync = s.Sync with { Incremental = change(s.Sync.Incremental) } }, cancellationToken);

    /// <summary>The counts and failures of one run, folded into the stored status at the end.</summary>
    private sealed class Run(DateTimeOffset startedAt)
    {
        private readonly List<StoreSyncFailure> _failures = [];
        private readonly HashSet<(string Kind, long Id)> _succeeded = [];

        public DateTimeOffset? OrdersWatermark { get; set; }

        public DateTimeOffset? ProductsWatermark { get; set; }

        public IncrementalSyncResult Result { get; private set; } = IncrementalSyncResult.Ran(0, 0, 0, 0, 0);

        public void Order(long id, bool written)
        {
            _succeeded.Add((StoreSyncFailure.OrderKind, id));
            Result = Result with { OrdersApplied = Result.OrdersApplied + (written ? 1 : 0), OrdersUnchanged = Result.OrdersUnchanged + (written ? 0 : 1) };
        }

        public void Product(long id, bool written)
        {
            _succeeded.Add((StoreSyncFailure.ProductKind, id));
            Result = Result with { ProductsApplied = Result.ProductsApplied + (written ? 1 : 0), ProductsUnchanged = Result.ProductsUnchanged + (written ? 0 : 1) };
        }

        public void Fail(string kind, long id, string message)
        {
            _failures.Add(new StoreSyncFailure(kind, id, message, startedAt));
            Result = Result with { Failures = Result.Failures + 1 };
        }

        /// <summary>
        /// This run's failures first, then earlier ones not repaired since (the watermark has passed them, so they
        /// stay listed until the record changes again and applies), at most <see cref="StoreIncrementalSync.MaxFailures"/>.
        /// </summary>
        public StoreIncrementalSync Apply(StoreIncrementalSync? stored, string state, string? error)
        {
            var failed = _failures.Select(f => (f.Kind, f.ShopifyId)).ToHashSet();
            var earlier = (stored?.Failures ?? []).Where(f => !_succeeded.Contains((f.Kind, f.ShopifyId)) && !failed.Contains((f.Kind, f.ShopifyId)));
            return new StoreIncrementalSync(
                state,
                startedAt,
                OrdersWatermark ?? stored?.OrdersWatermark,
                ProductsWatermark ?? stored?.ProductsWatermark,
                Result.OrdersApplied,
                Result.OrdersUnchanged,
                Result.ProductsApplied,
                Result.ProductsUnchanged,
                [.. _failures.Concat(earlier).Take(StoreIncrementalSync.MaxFailures)],
                error);
        }
    }
}

/// <summary>What one run did (for logs and tests): counts only.</summary>
public sealed record IncrementalSyncResult(string Outcome, int OrdersApplied, int OrdersUnchanged, int ProductsApplied, int ProductsUnchanged, int Failures)
{
    public static IncrementalSyncResult Skipped { get; } = new("skipped", 0, 0, 0, 0, 0);

    public static IncrementalSyncResult Waiting { get; } = new("waiting", 0, 0, 0, 0, 0);

    public static IncrementalSyncResult Ran(int ordersApplied, int ordersUnchanged, int productsApplied, int productsUnchanged, int failures) =>
        new("ran", ordersApplied, ordersUnchanged, productsApplied, productsUnchanged, failures);
}
