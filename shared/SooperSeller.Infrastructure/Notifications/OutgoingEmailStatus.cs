namespace SooperSeller.Infrastructure.Notifications;

/// <summary>Where a stored message stands, as stored and as <c>GET /dev/outbox</c> shows it.</summary>
public static class OutgoingEmailStatus
{
    /// <summary>Stored, not delivered yet (queued, being sent, or failed and waiting for a retry or a replay).</summary>
    public const string Pending = "pending";

    /// <summary>No SMTP server is configured (the DevHost's default): kept, with its content, for <c>GET /dev/outbox</c>.</summary>
    public const string Held = "held";

    /// <summary>Handed to the SMTP server; its content is erased and only the id remains, so a repeat is recognised.</summary>
    public const string Sent = "sent";
}
