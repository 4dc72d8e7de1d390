using Microsoft.Azure.Functions.Worker;
using SooperSeller.Infrastructure.Notifications;

namespace SooperSeller.Functions.Notifications;

/// <summary>Delivers one outbox message. Failures propagate: the host retries, then moves the message to <c>outgoing-email-poison</c>.</summary>
public sealed class OnOutgoingEmail(DeliverOutgoingEmail deliver)
{
    [Function(nameof(OnOutgoingEmail))]
    public Task Run([QueueTrigger(OutboxLocation.QueueName)] OutgoingEmailQueueMessage message, CancellationToken cancellationToken) =>
        deliver.HandleAsync(message?.Id ?? throw new ArgumentNullException(nameof(message)), cancellationToken);
}
