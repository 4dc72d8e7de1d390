using SooperSeller.Testing;
using SooperSeller.Testing.Emulators;

namespace SooperSeller.IntegrationTests.DevHost;

public sealed class TimerSemanticsTests(EmulatorsFixture fixture) : IClassFixture<EmulatorsFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task FakeClockPastTheNextOccurrence_RunsTheTimerOnce_NotPastDue()
    {
        await using var devHost = await TestFunctionsDevHost.StartAsync(fixture.Emulators); // clock at 10:00:30

        await Task.Yield();
        Assert.Empty(devHost.Sink.Ticks);
        devHost.Clock.Advance(TimeSpan.FromSeconds(31)); // past 10:01:00

        Assert.True(await Eventually.HoldsAsync(() => !devHost.Sink.Ticks.IsEmpty, Deadline), "the timer did not run");
        var tick = Assert.Single(devHost.Sink.Ticks);
        Assert.False(tick.IsPastDue);
        Assert.Equal(new DateTime(2026, 11, 28, 10, 2, 0, DateTimeKind.Utc), tick.Next);
    }

    [Fact]
    public async Task FakeClockPastSeveralOccurrences_RunsOnceMarkedPastDue()
    {
        await using var devHost = await TestFunctionsDevHost.StartAsync(fixture.Emulators);

        devHost.Clock.Advance(TimeSpan.FromMinutes(5));

        Assert.True(await Eventually.HoldsAsync(() => !devHost.Sink.Ticks.IsEmpty, Deadline), "the timer did not run");
        Assert.True(await Eventually.HoldsAsync(() => devHost.Invocations.Of("EveryMinute").Total >= 1, Deadline));
        var tick = devHost.Sink.Ticks.First();
        Assert.True(tick.IsPastDue);
        Assert.Equal(1, devHost.Invocations.Of("EveryMinute").Total);
    }
}
