namespace SooperSeller.Core.Accounts.Throttling;

/// <summary>
/// Counters against guessing and mail-bombing, shared by every instance, each applying its kind's rule from
/// <see cref="ThrottlePolicy"/>. An attempt is counted when it is admitted, before it runs, so concurrent attempts on
/// several instances cannot all pass a limit at once; one that then succeeds is taken back or clears the counter.
/// </summary>
public interface IThrottle
{
    /// <summary>Counts one attempt under the key and admits it, or refuses it, counting nothing, with how long to wait.</summary>
    Task<ThrottleDecision> TryAcquireAsync(ThrottleKey key, CancellationToken cancellationToken);

    /// <summary>Takes back one admitted attempt that succeeded, so the key's ceiling counts failures only.</summary>
    Task ReleaseAsync(ThrottleKey key, CancellationToken cancellationToken);

    /// <summary>Clears the key's counter: its account's owner proved who they are.</summary>
    Task ResetAsync(ThrottleKey key, CancellationToken cancellationToken);
}
