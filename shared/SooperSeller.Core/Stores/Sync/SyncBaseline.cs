using SooperSeller.Core.Stores.Backfill;

namespace SooperSeller.Core.Stores.Sync;

/// <summary>
/// Where a store's incremental sync may begin. The backfill copies every order as it stood when its bulk operation
/// started; the incremental sync takes over from that moment, and must not run before the backfill has finished (it
/// would page years of orders one small page at a time, the slow way the bulk operation exists to avoid). A store the
/// backfill never ran for (connected before it existed) starts from its connection time.
/// </summary>
public static class SyncBaseline
{
    /// <summary>True unless a backfill is scheduled or running; a failed one is finished too (its own retry repairs it).</summary>
    public static bool BackfillFinished(Store store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.Sync.Backfill is null or { State: StoreBackfill.CompletedState or StoreBackfill.FailedState };
    }

    /// <summary>The backfill's start when it ran, else the store's connection time.</summary>
    public static DateTimeOffset Of(Store store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.Sync.Backfill is { State: StoreBackfill.CompletedState, StartedAt: { } started } ? started : store.ConnectedAt;
    }
}
