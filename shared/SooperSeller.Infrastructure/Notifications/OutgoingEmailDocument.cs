using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using SooperSeller.Core.Notifications;
using SooperSeller.Core.Tenancy;

namespace SooperSeller.Infrastructure.Notifications;

/// <summary>
/// The stored shape of one outbox message: partition = the message id (a lookup is one point read), one row per
/// partition. Sending erases the content (<see cref="EraseContent"/>) and keeps the row as a tombstone until retention ends.
/// </summary>
public sealed class OutgoingEmailDocument : ITableEntity
{
    public const string Row = "email";

    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = Row;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Status { get; set; } = OutgoingEmailStatus.Pending;

    public string? To { get; set; }

    public string? Subject { get; set; }

    public string? TextBody { get; set; }

    public string? HtmlBody { get; set; }

    /// <summary>The links as a JSON array of strings.</summary>
    public string? Links { get; set; }

    public string? MerchantId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Delivery attempts that claimed the row (0: no delivery has started, e.g. the queue message was never sent).</summary>
    public int Attempts { get; set; }

    /// <summary>Set while a delivery holds the row; a lease in the past means that delivery died mid-way.</summary>
    public DateTimeOffset? LeaseUntil { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public string Id => PartitionKey;

    public static OutgoingEmailDocument From(OutgoingEmail email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return new OutgoingEmailDocument
        {
            PartitionKey = email.Id,
            To = email.To,
            Subject = email.Subject,
            TextBody = email.TextBody,
            HtmlBody = email.HtmlBody,
            Links = JsonSerializer.Serialize(email.Links.Select(l => l.OriginalString)),
            MerchantId = email.MerchantId?.Value,
            CreatedAt = email.CreatedAt,
        };
    }

    public IReadOnlyList<string> LinkList() =>
        Links is null ? [] : JsonSerializer.Deserialize<string[]>(Links) ?? [];

    public MerchantId? Merchant() => Core.Tenancy.MerchantId.TryParse(MerchantId, out var id) ? id : null;

    /// <summary>The message as it was enqueued; only while its content is still held (pending or held).</summary>
    public OutgoingEmail ToEmail() =>
        new(Id, To!, Subject!, TextBody!, LinkList().Select(l => new Uri(l, UriKind.Absolute)).ToList(), CreatedAt, HtmlBody, Merchant());

    public void EraseContent()
    {
        To = null;
        Subject = null;
        TextBody = null;
        HtmlBody = null;
        Links = null;
    }
}
