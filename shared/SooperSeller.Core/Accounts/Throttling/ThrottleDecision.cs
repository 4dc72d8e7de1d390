namespace SooperSeller.Core.Accounts.Throttling;

/// <summary>A throttle's answer to one attempt: admitted, or refused with how long to wait.</summary>
public readonly record struct ThrottleDecision(bool Allowed, TimeSpan RetryAfter)
{
    public static ThrottleDecision Allow { get; } = new(true, TimeSpan.Zero);

    public static ThrottleDecision Refuse(TimeSpan retryAfter) => new(false, retryAfter > TimeSpan.Zero ? retryAfter : TimeSpan.FromSeconds(1));
}
