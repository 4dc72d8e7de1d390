using SooperSeller.Core.Tenancy;

namespace SooperSeller.Core.Stores.Backfill;

/// <summary>
/// A backfill's progress, kept outside the durable history (a Table row per store) so that a process killed mid-stream
/// resumes where it was: the bulk operation it started (never a second one), the window, and the last order applied in
/// the result file's order (ascending ids). Orders after <see cref="LastOrderId"/> are applied again on resume; sync is
/// idempotent and ids are deterministic, so that costs a few writes, never a duplicate. Holds ids and counts only.
/// </summary>
/// <param name="BulkOperationId">Shopify's GID of the bulk operation; null until it was started.</param>
/// <param name="ConnectedAt">The connection this backfill belongs to: a re-connection starts a new backfill.</param>
public sealed record BackfillCheckpoint(
    string? BulkOperationId,
    DateTimeOffset ConnectedAt,
    DateTimeOffset StartedAt,
    DateTimeOffset Since,
    long OrdersApplied,
    long LastOrderId,
    bool Completed)
{
    /// <summary>The stored version (ETag); null before it is stored.</summary>
    public string? Version { get; init; }
}

/// <summary>Backfill checkpoints, one per store in the merchant's partition.</summary>
public interface IBackfillCheckpoints
{
    Task<BackfillCheckpoint?> GetAsync(MerchantId merchantId, string storeId, CancellationToken cancellationToken);

    /// <summary>Writes the checkpoint (an upsert: one backfill per store runs at a time, its orchestration's instance id sees to that).</summary>
    Task SaveAsync(MerchantId merchantId, string storeId, BackfillCheckpoint checkpoint, CancellationToken cancellationToken);
}
