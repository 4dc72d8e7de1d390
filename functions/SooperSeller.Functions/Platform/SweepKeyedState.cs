using Microsoft.Azure.Functions.Worker;
using SooperSeller.Infrastructure.Storage;

namespace SooperSeller.Functions.Platform;

/// <summary>Every hour, deletes ended sessions, expired reset links and finished throttle counters from Table storage.</summary>
public sealed class SweepKeyedState(KeyedStateSweep sweep)
{
    [Function(nameof(SweepKeyedState))]
    public Task Run([TimerTrigger("0 23 * * * *")] TimerInfo timer, CancellationToken cancellationToken) => sweep.RunAsync(cancellationToken);
}
