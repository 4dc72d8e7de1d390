namespace SooperSeller.Core.Stores.Backfill;

/// <summary>
/// How far back the backfill reaches: orders created in the last 2 years. Older orders would have their personal data
/// anonymised at once under the retention policy (orders: 2 years from the order date), so copying them buys nothing.
/// </summary>
public static class BackfillWindow
{
    public const int Years = 2;

    /// <summary>The window's start for a backfill starting at <paramref name="now"/>, to the second (Shopify's search granularity).</summary>
    public static DateTimeOffset Since(DateTimeOffset now)
    {
        var start = now.ToUniversalTime().AddYears(-Years);
        return new DateTimeOffset(start.Year, start.Month, start.Day, start.Hour, start.Minute, start.Second, TimeSpan.Zero);
    }
}
