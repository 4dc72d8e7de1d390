using System.Diagnostics.CodeAnalysis;
using System.Net.Mail;

namespace SooperSeller.Core.Accounts;

/// <summary>An email address as accounts use it: trimmed and lower-cased once, here, so lookups always agree.</summary>
public readonly record struct EmailAddress
{
    public const int MaxLength = 254;

    private EmailAddress(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse([NotNullWhen(true)] string? text, out EmailAddress email)
    {
        email = default;
        var normalised = text?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(normalised) || normalised.Length > MaxLength
            || !MailAddress.TryCreate(normalised, out var address) || address.Address != normalised || !string.IsNullOrEmpty(address.DisplayName)
            || !normalised.Contains('.', StringComparison.Ordinal))
        {
            return false;
        }

        email = new EmailAddress(normalised);
        return true;
    }

    public override string ToString() => Value;
}
