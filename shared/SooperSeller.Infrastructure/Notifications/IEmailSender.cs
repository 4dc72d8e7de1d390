using SooperSeller.Core.Notifications;

namespace SooperSeller.Infrastructure.Notifications;

/// <summary>Hands one message to the mail system. Throws when it could not (the queue function then retries).</summary>
public interface IEmailSender
{
    Task<EmailDelivery> SendAsync(OutgoingEmail email, CancellationToken cancellationToken);
}
