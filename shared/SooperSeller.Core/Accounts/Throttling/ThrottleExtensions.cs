using SooperSeller.Core.Errors;

namespace SooperSeller.Core.Accounts.Throttling;

public static class ThrottleExtensions
{
    /// <summary>Counts one attempt, or throws <see cref="TooManyRequestsException"/> (429 with Retry-After) when refused.</summary>
    public static async Task AcquireOrThrowAsync(this IThrottle throttle, ThrottleKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(throttle);
        var decision = await throttle.TryAcquireAsync(key, cancellationToken);
        if (!decision.Allowed)
        {
            throw new TooManyRequestsException(decision.RetryAfter);
        }
    }
}
