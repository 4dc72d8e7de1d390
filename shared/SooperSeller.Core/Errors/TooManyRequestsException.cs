namespace SooperSeller.Core.Errors;

/// <summary>Too many attempts for now (a throttle refused it): 429 with a <c>Retry-After</c> header in whole seconds.</summary>
public sealed class TooManyRequestsException(TimeSpan retryAfter)
    : SooperSellerException("Too many attempts. Wait before trying again; the Retry-After header says how long, in seconds.")
{
    public TimeSpan RetryAfter { get; } = retryAfter;

    /// <summary>The wait as <c>Retry-After</c> gives it: whole seconds, rounded up, at least one.</summary>
    public long RetryAfterSeconds => Math.Max(1, (long)Math.Ceiling(RetryAfter.TotalSeconds));
}
