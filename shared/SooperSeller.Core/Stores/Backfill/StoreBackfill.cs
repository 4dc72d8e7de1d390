namespace SooperSeller.Core.Stores.Backfill;

/// <summary>
/// The store's backfill as the merchant sees it (part of the store's sync status): the orders of the last
/// <see cref="BackfillWindow.Years"/> years copied once per connection through a Shopify bulk operation.
/// <see cref="State"/> is <c>pending</c> until the set-up has run and the backfill is scheduled, <c>running</c> from the
/// bulk operation's start to the last order applied, <c>completed</c> or <c>failed</c> (with <see cref="LastError"/> in
/// plain words, never Shopify's answer or an order's data).
/// </summary>
/// <param name="Since">The start of the window: orders created at or after it are copied.</param>
/// <param name="OrdersApplied">Orders read from the bulk result and applied so far (a resumed run counts on from its checkpoint).</param>
/// <param name="OrdersStored">The store's orders held by SooperSeller when the backfill finished (tombstones excluded).</param>
public sealed record StoreBackfill(
    string State,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    DateTimeOffset? Since,
    long OrdersApplied,
    long? OrdersStored,
    string? LastError)
{
    public const string PendingState = "pending";
    public const string RunningState = "running";
    public const string CompletedState = "completed";
    public const string FailedState = "failed";

    public static StoreBackfill Pending { get; } = new(PendingState, null, null, null, 0, null, null);

    /// <summary>Orders in the bulk result that could not be mapped (listed in the logs by id only).</summary>
    public long OrdersFailed { get; init; }
}
