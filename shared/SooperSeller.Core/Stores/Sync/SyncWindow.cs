namespace SooperSeller.Core.Stores.Sync;

/// <summary>
/// The watermark arithmetic of the incremental sync, kept pure so it can be tested on its own.
/// Shopify's search index trails writes by a little, and orders changed in the same second as the watermark may not
/// all have been seen, so every run asks again from a small <see cref="Overlap"/> before the watermark: re-reading a
/// few orders costs one Cosmos read each (applying is idempotent), missing one costs a wrong order.
/// </summary>
public static class SyncWindow
{
    /// <summary>How far before the watermark each run starts again.</summary>
    public static TimeSpan Overlap { get; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Where a run starts: the watermark minus <see cref="Overlap"/>; without a watermark, the time the backfill
    /// covered up to (else the store's connection) minus the overlap, since everything before it was copied whole.
    /// </summary>
    public static DateTimeOffset StartOf(DateTimeOffset? watermark, DateTimeOffset baseline) =>
        (watermark ?? baseline) - Overlap;

    /// <summary>
    /// The watermark after a page: the greatest <c>updated_at</c> among the page's records, never earlier than the
    /// current one (pages are sorted by <c>updated_at</c>, but the overlap re-reads older records).
    /// </summary>
    public static DateTimeOffset? Advance(DateTimeOffset? current, IEnumerable<DateTimeOffset?> updatedAts)
    {
        ArgumentNullException.ThrowIfNull(updatedAts);
        var result = current;
        foreach (var updatedAt in updatedAts)
        {
            if (updatedAt is { } value && (result is null || value > result))
            {
                result = value;
            }
        }

        return result;
    }

    /// <summary>Shopify search syntax for "changed at or after": <c>updated_at:&gt;='2026-11-28T10:00:00Z'</c>.</summary>
    public static string Query(DateTimeOffset since) =>
        $"updated_at:>='{since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)}'";
}
