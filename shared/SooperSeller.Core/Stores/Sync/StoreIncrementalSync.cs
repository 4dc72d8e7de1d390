namespace SooperSeller.Core.Stores.Sync;

/// <summary>
/// What the store's incremental (repair) sync last did, shown with the store's sync status. <see cref="State"/> is
/// <c>ok</c> after a run that reached the end (even with <see cref="Failures"/>: the other records were applied),
/// <c>waiting</c> while the store's backfill has not finished, and <c>failed</c> when the run itself stopped
/// (Shopify unreachable, storage down), with <see cref="LastError"/> in plain words; the queue retries it.
/// </summary>
/// <param name="OrdersWatermark">The greatest Shopify <c>updated_at</c> of the orders applied so far.</param>
/// <param name="Failures">Records that could not be applied, newest first: ids and a plain message only, never personal data.</param>
public sealed record StoreIncrementalSync(
    string State,
    DateTimeOffset? LastRunAt,
    DateTimeOffset? OrdersWatermark,
    DateTimeOffset? ProductsWatermark,
    int OrdersApplied,
    int OrdersUnchanged,
    int ProductsApplied,
    int ProductsUnchanged,
    IReadOnlyList<StoreSyncFailure> Failures,
    string? LastError)
{
    public const string OkState = "ok";
    public const string WaitingState = "waiting";
    public const string FailedState = "failed";

    /// <summary>How many failures are kept: enough to act on, bounded so the store document stays small.</summary>
    public const int MaxFailures = 50;
}

/// <summary>A record the sync could not apply: <see cref="Kind"/> <c>order</c> or <c>product</c>, Shopify's id, why, when.</summary>
public sealed record StoreSyncFailure(string Kind, long ShopifyId, string Message, DateTimeOffset At)
{
    public const string OrderKind = "order";
    public const string ProductKind = "product";
}
