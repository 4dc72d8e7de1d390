namespace SooperSeller.Core.Accounts.Throttling;

/// <summary>
/// How one kind of counter admits attempts: a fixed window that opens with the first attempt counted and admits at most
/// <see cref="MaxAttempts"/>; and, once <see cref="FreeAttempts"/> are counted in it, a wait after each further attempt
/// that starts at <see cref="FirstDelay"/> and doubles up to <see cref="MaxDelay"/>. Pure, so every store applies it alike.
/// </summary>
public sealed record ThrottleRule(TimeSpan Window, int MaxAttempts, int FreeAttempts, TimeSpan FirstDelay, TimeSpan MaxDelay)
{
    /// <summary>A plain ceiling: at most <paramref name="maxAttempts"/> per window, no waits before it.</summary>
    public static ThrottleRule Ceiling(TimeSpan window, int maxAttempts) => new(window, maxAttempts, maxAttempts, TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>The wait after the attempt that brought the window's count to <paramref name="attempts"/>.</summary>
    public TimeSpan DelayAfter(int attempts)
    {
        if (attempts < FreeAttempts || FirstDelay <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        var delay = FirstDelay;
        for (var doubling = FreeAttempts; doubling < attempts && delay < MaxDelay; doubling++)
        {
            delay *= 2;
        }

        return delay < MaxDelay ? delay : MaxDelay;
    }

    /// <summary>
    /// One more attempt at <paramref name="now"/> against the stored counter (null: none yet): admitted with the counter
    /// that counts it, or refused (nothing counted) with the time until the wait or the window ends, whichever is first.
    /// </summary>
    public (ThrottleDecision Decision, ThrottleState? Counted) Decide(ThrottleState? state, DateTimeOffset now)
    {
        var windowEnd = state is null ? now : state.WindowStart + Window;
        if (state is null || now >= windowEnd)
        {
            return (ThrottleDecision.Allow, new ThrottleState(1, now, now));
        }

        var delay = DelayAfter(state.Attempts);
        var readyAt = state.Attempts >= MaxAttempts ? windowEnd : delay > TimeSpan.Zero ? state.LastAttemptAt + delay : now;
        if (now < readyAt)
        {
            return (ThrottleDecision.Refuse((readyAt < windowEnd ? readyAt : windowEnd) - now), null);
        }

        // Instances' clocks differ a little: an attempt that seems to come before the last one is no reason to wait,
        // and never moves the last attempt back in time.
        return (ThrottleDecision.Allow, state with { Attempts = state.Attempts + 1, LastAttemptAt = now > state.LastAttemptAt ? now : state.LastAttemptAt });
    }

    /// <summary>The counter without one admitted attempt, which succeeded and so is no failure.</summary>
    public static ThrottleState Release(ThrottleState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state with { Attempts = Math.Max(0, state.Attempts - 1) };
    }
}
