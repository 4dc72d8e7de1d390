using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;
using SooperSeller.Core.Errors;
using SooperSeller.Core.Notifications;
using SooperSeller.Infrastructure.Storage;
using Page = SooperSeller.Core.Common.Page<SooperSeller.Infrastructure.Notifications.OutboxEntry>;

namespace SooperSeller.Infrastructure.Notifications;

/// <summary>
/// The outbox in Azure Table storage (table <c>outbox</c>) with its delivery queue (<c>outgoing-email</c>).
/// <para>Write order: the row is added first (create-only: an existing id means "already enqueued", and nothing more
/// happens), then the queue message <c>{"id"}</c> is sent. A crash in between leaves a row no delivery ever claimed;
/// <see cref="RedeliverStuckAsync"/> (a timer, every 5 minutes) sends its queue message again.</para>
/// <para>Retention: sending erases the content at once (the row stays as a tombstone so a repeat of the same id is still
/// recognised), and every row, whatever its state, is deleted <see cref="Retention"/> after it was created.</para>
/// </summary>
public sealed partial class TableOutbox(StorageClients storage, OutboxLocation location, TimeProvider time, ILogger<TableOutbox> logger) : IOutbox
{
    /// <summary>How long a row lives. Invitations, the longest-lived links an email carries, expire after 7 days.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    /// <summary>A row no delivery has claimed this long after it was stored lost its queue message.</summary>
    public static readonly TimeSpan StuckAfter = TimeSpan.FromMinutes(5);

    /// <summary>How long a delivery holds a row: well over an SMTP exchange (<see cref="SmtpEmailSender.OperationTimeout"/> per step).</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    public const int MaxPageSize = 200;

    public const int DefaultPageSize = 50;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private TableClient Table => storage.Tables.GetTableClient(location.Table);

    private QueueClient Queue => storage.Queues.GetQueueClient(location.Queue);

    public async Task EnqueueAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        try
        {
            await Table.AddEntityAsync(OutgoingEmailDocument.From(email), cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Enqueued before: that call sent (or the sweep will send) its queue message.
            Log.AlreadyEnqueued(logger, email.Id);
            return;
        }

        await SendQueueMessageAsync(email.Id, cancellationToken);
        Log.Enqueued(logger, email.Id);
    }

    /// <summary>Sends the queue message again for every row still pending that no delivery holds, and that either no delivery ever claimed or whose delivery died mid-way (its lease ran out).</summary>
    public async Task<int> RedeliverStuckAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var before = now - StuckAfter;
        var redelivered = 0;
        var filter = TableClient.CreateQueryFilter($"Status eq {OutgoingEmailStatus.Pending} and CreatedAt lt {before}");
        await foreach (var row in Table.QueryAsync<OutgoingEmailDocument>(filter, cancellationToken: cancellationToken))
        {
            // Rows that failed and were released went through the host's retries and the poison queue: a replay is theirs.
            var neverClaimed = row.Attempts == 0 && row.LeaseUntil is null;
            var deliveryDied = row.LeaseUntil is { } lease && lease <= now;
            if (neverClaimed || deliveryDied)
            {
                await SendQueueMessageAsync(row.Id, cancellationToken);
                Log.Redelivered(logger, row.Id, row.Attempts);
                redelivered++;
            }
        }

        return redelivered;
    }

    /// <summary>Deletes every row older than <see cref="Retention"/>, sent or not.</summary>
    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow() - Retention;
        var deleted = 0;
        var filter = TableClient.CreateQueryFilter($"CreatedAt lt {before}");
        await foreach (var row in Table.QueryAsync<OutgoingEmailDocument>(filter, select: [nameof(OutgoingEmailDocument.PartitionKey), nameof(OutgoingEmailDocument.RowKey)], cancellationToken: cancellationToken))
        {
            await Table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
            deleted++;
        }

        return deleted;
    }

    /// <summary>What the timer does: repair lost queue messages, then drop expired rows.</summary>
    public async Task<OutboxSweep> SweepAsync(CancellationToken cancellationToken)
    {
        var sweep = new OutboxSweep(await RedeliverStuckAsync(cancellationToken), await DeleteExpiredAsync(cancellationToken));
        Log.Swept(logger, sweep.Redelivered, sweep.Deleted);
        return sweep;
    }

    /// <summary>
    /// The messages whose content the outbox still holds (pending or held; sent ones are erased), newest first.
    /// It reads the whole table: meant for <c>GET /dev/outbox</c> in the DevHost, where the outbox is small.
    /// </summary>
    public async Task<Page> ListAsync(int? limit, string? cursor, CancellationToken cancellationToken)
    {
        var size = limit ?? DefaultPageSize;
        if (size is < 1 or > MaxPageSize)
        {
            throw new ValidationFailedException("limit", $"limit must be between 1 and {MaxPageSize}.");
        }

        (DateTimeOffset CreatedAt, string Id)? after = cursor is null ? null : ParseCursor(cursor);
        var filter = TableClient.CreateQueryFilter($"Status ne {OutgoingEmailStatus.Sent}");
        var rows = new List<OutgoingEmailDocument>();
        await foreach (var row in Table.QueryAsync<OutgoingEmailDocument>(filter, cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        var ordered = rows
            .OrderByDescending(r => r.CreatedAt)
            .ThenByDescending(r => r.Id, StringComparer.Ordinal)
            .Where(r => after is not { } position || IsAfter(r, position))
            .Take(size + 1)
            .ToList();
        var items = ordered.Take(size)
            .Select(r => new OutboxEntry(r.Id, r.To ?? string.Empty, r.Subject ?? string.Empty, r.TextBody ?? string.Empty, r.LinkList(), r.CreatedAt, r.Status))
            .ToList();
        var next = ordered.Count > size ? CursorOf(ordered[size - 1]) : null;
        return new Page(items, next);
    }

    internal async Task<OutgoingEmailDocument?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var read = await Table.GetEntityIfExistsAsync<OutgoingEmailDocument>(id, OutgoingEmailDocument.Row, cancellationToken: cancellationToken);
        return read.HasValue ? read.Value : null;
    }

    /// <summary>Takes the row for one delivery (ETag precondition); false when another delivery changed it first.</summary>
    internal async Task<bool> TryClaimAsync(OutgoingEmailDocument row, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        row.Attempts++;
        row.LeaseUntil = leaseUntil;
        return await TryReplaceAsync(row, cancellationToken);
    }

    /// <summary>Gives the row back after a failed attempt, so the next retry of the queue message can claim it at once.</summary>
    internal async Task ReleaseAsync(OutgoingEmailDocument row, CancellationToken cancellationToken)
    {
        row.LeaseUntil = null;
        await TryReplaceAsync(row, cancellationToken);
    }

    /// <summary>Records the outcome: sent (content erased) or held (content kept for /dev/outbox). False when the lease was lost meanwhile.</summary>
    internal async Task<bool> CompleteAsync(OutgoingEmailDocument row, EmailDelivery delivery, DateTimeOffset at, CancellationToken cancellationToken)
    {
        row.LeaseUntil = null;
        if (delivery == EmailDelivery.Sent)
        {
            row.Status = OutgoingEmailStatus.Sent;
            row.SentAt = at;
            row.EraseContent();
        }
        else
        {
            row.Status = OutgoingEmailStatus.Held;
        }

        return await TryReplaceAsync(row, cancellationToken);
    }

    // Replace (not merge), so erased properties are removed; the ETag makes it conditional on what was read.
    private async Task<bool> TryReplaceAsync(OutgoingEmailDocument row, CancellationToken cancellationToken)
    {
        try
        {
            var response = await Table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
            row.ETag = response.Headers.ETag ?? row.ETag;
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false;
        }
    }

    private async Task SendQueueMessageAsync(string id, CancellationToken cancellationToken) =>
        await Queue.SendMessageAsync(JsonSerializer.Serialize(new OutgoingEmailQueueMessage(id), Json), cancellationToken);

    private static bool IsAfter(OutgoingEmailDocument row, (DateTimeOffset CreatedAt, string Id) position) =>
        row.CreatedAt < position.CreatedAt || (row.CreatedAt == position.CreatedAt && string.CompareOrdinal(row.Id, position.Id) < 0);

    private static string CursorOf(OutgoingEmailDocument row) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(row.CreatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture) + "|" + row.Id))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static (DateTimeOffset CreatedAt, string Id) ParseCursor(string cursor)
    {
        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=')));
            var parts = text.Split('|');
            if (parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTimeOffset.MaxValue.UtcTicks)
            {
                return (new DateTimeOffset(ticks, TimeSpan.Zero), parts[1]);
            }
        }
        catch (FormatException)
        {
            // reported below
        }

        throw new ValidationFailedException("cursor", "cursor is not one this list returned.");
    }

    private static partial class Log
    {
        [LoggerMessage(LogLevel.Information, "Outgoing email {EmailId} enqueued")]
        public static partial void Enqueued(ILogger logger, string emailId);

        [LoggerMessage(LogLevel.Information, "Outgoing email {EmailId} was enqueued before; nothing to do")]
        public static partial void AlreadyEnqueued(ILogger logger, string emailId);

        [LoggerMessage(LogLevel.Warning, "Outgoing email {EmailId} was stuck (attempts {Attempts}); queued again")]
        public static partial void Redelivered(ILogger logger, string emailId, int attempts);

        [LoggerMessage(LogLevel.Information, "Outbox swept: {Redelivered} queued again, {Deleted} expired rows deleted")]
        public static partial void Swept(ILogger logger, int redelivered, int deleted);
    }
}
