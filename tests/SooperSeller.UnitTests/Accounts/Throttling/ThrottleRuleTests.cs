using SooperSeller.Core.Accounts.Throttling;

namespace SooperSeller.UnitTests.Accounts.Throttling;

public class ThrottleRuleTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void DelayAfter_SignInAccount_FiveFreeThenOneSecondDoublingUpToFifteenMinutes()
    {
        var rule = ThrottlePolicy.SignInAccount;

        var delays = Enumerable.Range(1, 17).Select(n => rule.DelayAfter(n).TotalSeconds).ToArray();

        Assert.Equal([0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900], delays);
    }

    [Fact]
    public void Decide_SignInAccountAfterFiveFailures_RefusesForOneSecondThenAdmits()
    {
        var rule = ThrottlePolicy.SignInAccount;
        var state = Attempts(rule, 5, Start);

        var (refused, notCounted) = rule.Decide(state, Start);
        var (admitted, counted) = rule.Decide(state, Start.AddSeconds(1));

        Assert.Equal(ThrottleDecision.Refuse(TimeSpan.FromSeconds(1)), refused);
        Assert.Null(notCounted);
        Assert.True(admitted.Allowed);
        Assert.Equal(6, counted!.Attempts);
    }

    [Fact]
    public void Decide_AttackerRetryingAsSoonAsAllowedForFiveHours_GetsFarUnder100InAnyHourAndNeverWaitsOver15Minutes()
    {
        var rule = ThrottlePolicy.SignInAccount;
        var now = Start;
        ThrottleState? state = null;
        var admitted = new List<DateTimeOffset>();
        var longestWait = TimeSpan.Zero;

        while (now < Start.AddHours(5))
        {
            var (decision, counted) = rule.Decide(state, now);
            if (decision.Allowed)
            {
                admitted.Add(now);
                state = counted;
            }
            else
            {
                longestWait = decision.RetryAfter > longestWait ? decision.RetryAfter : longestWait;
                now += decision.RetryAfter;
            }
        }

        // ASVS 4.0.3 2.2.1 allows 100; ThrottlePolicy documents 17.
        var mostInAnyHour = admitted.Max(from => admitted.Count(t => t >= from && t < from.AddHours(1)));
        Assert.Equal(17, mostInAnyHour);
        Assert.Equal(TimeSpan.FromMinutes(15), longestWait);
    }

    [Fact]
    public void Decide_CeilingReached_RefusesUntilTheWindowEnds()
    {
        var rule = ThrottlePolicy.RegisterIp;
        var state = Attempts(rule, 30, Start);

        var (refused, _) = rule.Decide(state, Start.AddMinutes(20));
        var (admitted, counted) = rule.Decide(state, Start.AddHours(1));

        Assert.Equal(ThrottleDecision.Refuse(TimeSpan.FromMinutes(40)), refused);
        Assert.True(admitted.Allowed);
        Assert.Equal(new ThrottleState(1, Start.AddHours(1), Start.AddHours(1)), counted);
    }

    [Fact]
    public void Decide_WaitLongerThanTheWindowsRest_RefusesOnlyUntilTheWindowEnds()
    {
        var rule = ThrottlePolicy.SignInAccount;
        var state = new ThrottleState(15, Start, Start.AddMinutes(55));

        var (refused, _) = rule.Decide(state, Start.AddMinutes(55));

        Assert.Equal(ThrottleDecision.Refuse(TimeSpan.FromMinutes(5)), refused);
    }

    [Fact]
    public void Decide_ClockALittleBehindTheLastAttempt_AdmitsUnderACeilingWithoutMovingTimeBack()
    {
        var rule = ThrottlePolicy.SignInIp;
        var state = new ThrottleState(3, Start, Start.AddSeconds(10));

        var (decision, counted) = rule.Decide(state, Start.AddSeconds(9.9));

        Assert.True(decision.Allowed);
        Assert.Equal(new ThrottleState(4, Start, Start.AddSeconds(10)), counted);
    }

    [Fact]
    public void Release_AnAdmittedAttempt_TakesItBackButNeverBelowZero()
    {
        var state = new ThrottleState(1, Start, Start);

        var once = ThrottleRule.Release(state);
        var twice = ThrottleRule.Release(once);

        Assert.Equal(0, once.Attempts);
        Assert.Equal(0, twice.Attempts);
    }

    private static ThrottleState Attempts(ThrottleRule rule, int count, DateTimeOffset at)
    {
        ThrottleState? state = null;
        for (var i = 0; i < count; i++)
        {
            // Each attempt as soon as the previous one allows.
            var now = state is null ? at : state.LastAttemptAt + rule.DelayAfter(state.Attempts);
            state = rule.Decide(state, now).Counted ?? throw new InvalidOperationException($"attempt {i + 1} was refused");
        }

        return state!;
    }
}
