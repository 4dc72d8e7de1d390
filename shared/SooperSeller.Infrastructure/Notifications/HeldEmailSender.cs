using SooperSeller.Core.Notifications;

namespace SooperSeller.Infrastructure.Notifications;

/// <summary>The sender when <c>Email:Smtp:Host</c> is unset (the DevHost's default): sends nothing, so messages stay in the outbox for <c>GET /dev/outbox</c>.</summary>
public sealed class HeldEmailSender : IEmailSender
{
    public Task<EmailDelivery> SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        return Task.FromResult(EmailDelivery.Held);
    }
}
