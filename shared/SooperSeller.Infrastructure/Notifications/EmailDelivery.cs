namespace SooperSeller.Infrastructure.Notifications;

/// <summary>What a sender did with a message.</summary>
public enum EmailDelivery
{
    /// <summary>Accepted by the SMTP server.</summary>
    Sent,

    /// <summary>Kept in the outbox because no SMTP server is configured (visible at <c>GET /dev/outbox</c>).</summary>
    Held,
}
