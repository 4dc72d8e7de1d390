using SooperSeller.Core.Stores.Backfill;

namespace SooperSeller.Functions.Stores.Backfill;

/// <summary>
/// The store's backfill (its orders of the last 2 years, copied once per connection): <c>state</c> pending, running,
/// completed or failed; when it started and finished; the window's start; orders applied so far and unreadable ones;
/// and, once completed, how many of the store's orders SooperSeller holds.
/// </summary>
public sealed record BackfillView(
    string State,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    DateTimeOffset? Since,
    long OrdersApplied,
    long OrdersFailed,
    long? OrdersStored,
    string? LastError)
{
    public static BackfillView Of(StoreBackfill backfill)
    {
        ArgumentNullException.ThrowIfNull(backfill);
        return new(backfill.State, backfill.StartedAt, backfill.FinishedAt, backfill.Since, backfill.OrdersApplied, backfill.OrdersFailed, backfill.OrdersStored, backfill.LastError);
    }
}
