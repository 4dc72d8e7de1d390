using SooperSeller.Core.Accounts.Throttling;

namespace SooperSeller.UnitTests.Accounts.Throttling;

/// <summary>The throttle port in memory, applying the same rules as the Table store, on the test's clock.</summary>
public sealed class InMemoryThrottle(TimeProvider time) : IThrottle
{
    private readonly Dictionary<ThrottleKey, ThrottleState> _counters = [];

    public IReadOnlyDictionary<ThrottleKey, ThrottleState> Counters => _counters;

    public Task<ThrottleDecision> TryAcquireAsync(ThrottleKey key, CancellationToken cancellationToken)
    {
        var (decision, counted) = ThrottlePolicy.For(key.Kind).Decide(_counters.GetValueOrDefault(key), time.GetUtcNow());
        if (counted is not null)
        {
            _counters[key] = counted;
        }

        return Task.FromResult(decision);
    }

    public Task ReleaseAsync(ThrottleKey key, CancellationToken cancellationToken)
    {
        if (_counters.TryGetValue(key, out var state))
        {
            _counters[key] = ThrottleRule.Release(state);
        }

        return Task.CompletedTask;
    }

    public Task ResetAsync(ThrottleKey key, CancellationToken cancellationToken)
    {
        _counters.Remove(key);
        return Task.CompletedTask;
    }
}
