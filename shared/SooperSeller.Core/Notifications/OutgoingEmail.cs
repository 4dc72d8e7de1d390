using System.Net.Mail;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using SooperSeller.Core.Tenancy;

namespace SooperSeller.Core.Notifications;

/// <summary>
/// One email waiting in the outbox. Its id comes from the caller's idempotency key, so the same message enqueued twice
/// (a retried handler) is stored and sent once. Texts name orders by number only (architecture, "Where personal data
/// may rest"). Invalid arguments are refused with messages that never repeat the values, which may be personal.
/// </summary>
public sealed partial record OutgoingEmail
{
    /// <summary>What one stored text may hold: a Table property keeps at most 32K UTF-16 characters.</summary>
    public const int MaxBodyLength = 30_000;

    public const int MaxSubjectLength = 200;

    public const int MaxLinks = 20;

    private const string IdPrefix = "eml_";

    public OutgoingEmail(
        string id,
        string to,
        string subject,
        string textBody,
        IReadOnlyList<Uri> links,
        DateTimeOffset createdAt,
        string? htmlBody = null,
        MerchantId? merchantId = null)
    {
        ArgumentNullException.ThrowIfNull(links);
        if (id is null || !IdShape().IsMatch(id))
        {
            throw new ArgumentException("An outgoing email id is 'eml_' followed by 32 lower-case hex digits; use OutgoingEmail.Create.", nameof(id));
        }

        if (to is null || !MailAddress.TryCreate(to, out var address) || address.Address != to || !string.IsNullOrEmpty(address.DisplayName))
        {
            throw new ArgumentException("The recipient must be one plain email address.", nameof(to));
        }

        if (string.IsNullOrWhiteSpace(subject) || subject.Length > MaxSubjectLength || subject.AsSpan().ContainsAny('\r', '\n'))
        {
            throw new ArgumentException($"The subject must be one line of 1 to {MaxSubjectLength} characters.", nameof(subject));
        }

        if (string.IsNullOrWhiteSpace(textBody) || textBody.Length > MaxBodyLength)
        {
            throw new ArgumentException($"The text body must have 1 to {MaxBodyLength} characters.", nameof(textBody));
        }

        if (htmlBody is not null && (htmlBody.Length == 0 || htmlBody.Length > MaxBodyLength))
        {
            throw new ArgumentException($"The HTML body, when given, must have 1 to {MaxBodyLength} characters.", nameof(htmlBody));
        }

        if (links.Count > MaxLinks || links.Any(link => link is null || !link.IsAbsoluteUri || (link.Scheme != Uri.UriSchemeHttps && link.Scheme != Uri.UriSchemeHttp)))
        {
            throw new ArgumentException($"Links are at most {MaxLinks} absolute http(s) URLs.", nameof(links));
        }

        // The links are shown beside the message (GET /dev/outbox): they must be the ones the reader gets.
        if (links.Any(link => !textBody.Contains(link.OriginalString, StringComparison.Ordinal)))
        {
            throw new ArgumentException("Every link must appear in the text body as given.", nameof(links));
        }

        if (merchantId is { IsEmpty: true })
        {
            throw new ArgumentException("The merchant id, when given, must not be empty.", nameof(merchantId));
        }

        Id = id;
        To = to;
        Subject = subject;
        TextBody = textBody;
        HtmlBody = htmlBody;
        Links = [.. links];
        CreatedAt = createdAt.ToUniversalTime();
        MerchantId = merchantId;
    }

    public string Id { get; }

    public string To { get; }

    public string Subject { get; }

    public string TextBody { get; }

    public string? HtmlBody { get; }

    /// <summary>The URLs the message carries (each appears in <see cref="TextBody"/>); they hold tokens, so they are never logged.</summary>
    public IReadOnlyList<Uri> Links { get; }

    /// <summary>The merchant it concerns, if any (for the logging scope); none for sign-up and password reset.</summary>
    public MerchantId? MerchantId { get; }

    public DateTimeOffset CreatedAt { get; }

    /// <summary>
    /// A new message whose id derives from <paramref name="idempotencyKey"/>: a key that names the reason for sending,
    /// unique to it and stable across retries (for instance <c>"verify-email:{userId}:{tokenId}"</c>).
    /// </summary>
    public static OutgoingEmail Create(
        string idempotencyKey,
        string to,
        string subject,
        string textBody,
        IReadOnlyList<Uri> links,
        DateTimeOffset createdAt,
        string? htmlBody = null,
        MerchantId? merchantId = null) =>
        new(IdFor(idempotencyKey), to, subject, textBody, links, createdAt, htmlBody, merchantId);

    /// <summary>The id for an idempotency key: <c>eml_</c> and 128 bits of its SHA-256, so the key itself (which may name a person) is never stored or logged.</summary>
    public static string IdFor(string idempotencyKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("outgoing-email\n" + idempotencyKey));
        return IdPrefix + Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    [GeneratedRegex("^eml_[0-9a-f]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdShape();
}
