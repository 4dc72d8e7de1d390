using SooperSeller.Core.Stores.Sync;

namespace SooperSeller.UnitTests.Core.Stores;

public sealed class SyncWindowTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void StartOf_WithAWatermark_StartsTheOverlapBeforeIt()
    {
        Assert.Equal(T0 - SyncWindow.Overlap, SyncWindow.StartOf(T0, baseline: T0.AddDays(-3)));
    }

    [Fact]
    public void StartOf_WithoutAWatermark_StartsTheOverlapBeforeTheBaseline()
    {
        Assert.Equal(T0.AddDays(-3) - SyncWindow.Overlap, SyncWindow.StartOf(null, baseline: T0.AddDays(-3)));
    }

    [Fact]
    public void Advance_TakesTheLatestChange_AndNeverMovesBack()
    {
        Assert.Equal(T0.AddMinutes(7), SyncWindow.Advance(T0, [T0.AddMinutes(3), null, T0.AddMinutes(7), T0.AddMinutes(1)]));
        Assert.Equal(T0, SyncWindow.Advance(T0, [T0.AddMinutes(-4), T0.AddMinutes(-1)]));
        Assert.Equal(T0, SyncWindow.Advance(T0, []));
        Assert.Null(SyncWindow.Advance(null, [null]));
        Assert.Equal(T0, SyncWindow.Advance(null, [T0]));
    }

    [Fact]
    public void Query_IsShopifySearchSyntaxInUtc_RoundedDownToTheSecond()
    {
        var since = new DateTimeOffset(2026, 11, 28, 15, 4, 5, 900, TimeSpan.FromHours(5));
        Assert.Equal("updated_at:>='2026-11-28T10:04:05Z'", SyncWindow.Query(since));
    }
}
