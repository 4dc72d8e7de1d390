using Microsoft.Extensions.Logging;

namespace SooperSeller.Infrastructure.Notifications;

/// <summary>
/// Delivers one stored message, once: a message already sent (or held) is skipped; otherwise the row is claimed with
/// an ETag precondition and a lease, so two deliveries of the same id (a duplicate queue message, a redelivery) cannot
/// both send; then it is sent and marked. A failed send releases the row and throws, so the host retries and, after
/// five attempts, moves the queue message to <c>outgoing-email-poison</c>. Logs name the message id and status only.
/// </summary>
public sealed partial class DeliverOutgoingEmail(TableOutbox outbox, IEmailSender sender, TimeProvider time, ILogger<DeliverOutgoingEmail> logger)
{
    public async Task HandleAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var row = await outbox.FindAsync(id, cancellationToken);
        if (row is null)
        {
            // Past retention (a late replay) or never stored: nothing to send.
            Log.NotFound(logger, id);
            return;
        }

        using var scope = row.Merchant() is { } merchant ? logger.BeginScope(new Dictionary<string, object> { ["MerchantId"] = merchant.Value }) : null;
        if (row.Status != OutgoingEmailStatus.Pending)
        {
            Log.AlreadyDone(logger, id, row.Status);
            return;
        }

        var now = time.GetUtcNow();
        if (row.LeaseUntil > now || !await outbox.TryClaimAsync(row, now + TableOutbox.Lease, cancellationToken))
        {
            // Another delivery holds it; if that one dies, its lease runs out and the sweep queues the message again.
            Log.Busy(logger, id);
            return;
        }

        EmailDelivery delivery;
        try
        {
            delivery = await sender.SendAsync(row.ToEmail(), cancellationToken);
        }
        catch
        {
            await outbox.ReleaseAsync(row, CancellationToken.None);
            Log.Failed(logger, id, row.Attempts);
            throw;
        }

        if (!await outbox.CompleteAsync(row, delivery, time.GetUtcNow(), cancellationToken))
        {
            Log.LeaseLost(logger, id);
            return;
        }

        Log.Delivered(logger, id, row.Status, row.Attempts);
    }

    private static partial class Log
    {
        [LoggerMessage(LogLevel.Information, "Outgoing email {EmailId} {Status} (attempt {Attempt})")]
        public static partial void Delivered(ILogger logger, string emailId, string status, int attempt);

        [LoggerMessage(LogLevel.Information, "Outgoing email {EmailId} is already {Status}; skipped")]
        public static partial void AlreadyDone(ILogger logger, string emailId, string status);

        [LoggerMessage(LogLevel.Information, "Outgoing email {EmailId} is being delivered by another attempt; skipped")]
        public static partial void Busy(ILogger logger, string emailId);

        [LoggerMessage(LogLevel.Warning, "Outgoing email {EmailId} is not in the outbox (expired or never stored)")]
        public static partial void NotFound(ILogger logger, string emailId);

        [LoggerMessage(LogLevel.Warning, "Outgoing email {EmailId} failed on attempt {Attempt}; the queue will retry it")]
        public static partial void Failed(ILogger logger, string emailId, int attempt);

        [LoggerMessage(LogLevel.Warning, "Outgoing email {EmailId} was sent after its lease ran out; another attempt may have sent it too")]
        public static partial void LeaseLost(ILogger logger, string emailId);
    }
}
