using System.ComponentModel.DataAnnotations;
using MimeKit;

namespace SooperSeller.Infrastructure.Notifications;

/// <summary>
/// Configuration section <c>Email:Smtp</c> (contract: <c>Email:Smtp:Host</c>, <c>:Port</c>, <c>:User</c>, <c>:Password</c>,
/// <c>:From</c>). Without a host nothing is sent and messages are held in the outbox (the DevHost's default); with one,
/// the rest is checked at start. Errors name keys, never values.
/// </summary>
public sealed class SmtpOptions : IValidatableObject
{
    public const string SectionName = "Email:Smtp";

    public string? Host { get; set; }

    /// <summary>587 (submission, STARTTLS when the server offers it) unless set; 465 connects over TLS at once.</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender, <c>no-reply@example.com</c> or <c>SooperSeller &lt;no-reply@example.com&gt;</c>.</summary>
    public string? From { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IsConfigured)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(From) || !MailboxAddress.TryParse(From, out _))
        {
            yield return new ValidationResult($"{SectionName}:From must be a sender address when {SectionName}:Host is set.", [nameof(From)]);
        }

        if (string.IsNullOrEmpty(User) != string.IsNullOrEmpty(Password))
        {
            yield return new ValidationResult($"{SectionName}:User and {SectionName}:Password go together: set both or neither.", [nameof(User), nameof(Password)]);
        }
    }
}
