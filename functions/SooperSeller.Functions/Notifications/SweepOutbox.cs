using Microsoft.Azure.Functions.Worker;
using SooperSeller.Infrastructure.Notifications;

namespace SooperSeller.Functions.Notifications;

/// <summary>
/// Every 5 minutes: queues again the outbox messages whose queue message was lost (a crash between the row and the
/// message) or whose delivery died mid-way, and deletes rows past retention. A past-due run is the same sweep.
/// </summary>
public sealed class SweepOutbox(TableOutbox outbox)
{
    [Function(nameof(SweepOutbox))]
    public Task Run([TimerTrigger("0 */5 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        outbox.SweepAsync(cancellationToken);
}
