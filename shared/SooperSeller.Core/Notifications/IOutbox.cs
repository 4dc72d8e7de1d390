namespace SooperSeller.Core.Notifications;

/// <summary>
/// The one way out for every message the platform sends (verification, password reset, invitations, notifications):
/// stored durably first, then delivered in the background, once.
/// </summary>
public interface IOutbox
{
    /// <summary>
    /// Stores the message and schedules its delivery. Enqueuing the same <see cref="OutgoingEmail.Id"/> again is a no-op,
    /// so a handler that is retried does not send twice.
    /// </summary>
    Task EnqueueAsync(OutgoingEmail email, CancellationToken cancellationToken);
}
