using System.Text;
using SooperSeller.Core.Errors;

namespace SooperSeller.Core.Accounts.Passwords;

/// <summary>
/// Which new passwords are accepted (ASVS 5.0 V6.2, NIST SP 800-63B): long enough for the audience, at most
/// <see cref="MaximumLength"/>, not among the most common breached passwords, and not built from the user's email or
/// business name. No composition rules. Lengths count code points after NFC (<see cref="PasswordText"/>).
/// Only new passwords are checked; sign-in verifies whatever was stored, exactly as typed.
/// </summary>
public sealed class PasswordPolicy(IBreachedPasswords breachedPasswords)
{
    public const int MerchantMinimumLength = 12;

    public const int StaffMinimumLength = 15;

    /// <summary>ASVS asks to allow at least 64 and our issue at least 128; longer is refused rather than truncated.</summary>
    public const int MaximumLength = 256;

    /// <summary>Parts of the email or business name shorter than this are too common to refuse ("ali", "pk").</summary>
    public const int MinimumContextPartLength = 4;

    public static int MinimumLength(PasswordAudience audience) => audience switch
    {
        PasswordAudience.Merchant => MerchantMinimumLength,
        PasswordAudience.PlatformStaff => StaffMinimumLength,
        _ => throw new ArgumentOutOfRangeException(nameof(audience), audience, "Unknown password audience."),
    };

    /// <summary>Checks a new password; the first rule it breaks gives the reason.</summary>
    public PasswordCheck Check(string? password, PasswordAudience audience, string? email, string? businessName)
    {
        var minimum = MinimumLength(audience);
        if (string.IsNullOrEmpty(password))
        {
            return PasswordCheck.Refused(TooShort(audience));
        }

        if (!PasswordText.IsWellFormed(password))
        {
            return PasswordCheck.Refused(PasswordReasons.Malformed);
        }

        var normalized = PasswordText.Normalize(password);
        var length = PasswordText.CountCharacters(normalized);
        if (length < minimum)
        {
            return PasswordCheck.Refused(TooShort(audience));
        }

        if (length > MaximumLength)
        {
            return PasswordCheck.Refused(PasswordReasons.TooLong);
        }

        var lowered = normalized.ToLowerInvariant();
        if (breachedPasswords.Contains(lowered))
        {
            return PasswordCheck.Refused(PasswordReasons.Breached);
        }

        var letters = LettersAndDigits(lowered);
        if (ContainsAny(letters, EmailParts(email)))
        {
            return PasswordCheck.Refused(PasswordReasons.ContainsEmail);
        }

        if (ContainsAny(letters, NameParts(businessName)))
        {
            return PasswordCheck.Refused(PasswordReasons.ContainsBusinessName);
        }

        return PasswordCheck.Acceptable;
    }

    /// <summary>Throws a <see cref="ValidationFailedException"/> on <paramref name="field"/> when the password is refused.</summary>
    public void EnsureAcceptable(string? password, PasswordAudience audience, string? email, string? businessName, string field = "password")
    {
        var check = Check(password, audience, email, businessName);
        if (!check.IsAcceptable)
        {
            throw new ValidationFailedException(field, check.Reason);
        }
    }

    private static string TooShort(PasswordAudience audience) =>
        audience == PasswordAudience.PlatformStaff ? PasswordReasons.TooShortForStaff : PasswordReasons.TooShortForMerchants;

    private static bool ContainsAny(string passwordLetters, IEnumerable<string> parts) =>
        parts.Any(part => PasswordText.CountCharacters(part) >= MinimumContextPartLength
            && passwordLetters.Contains(part, StringComparison.Ordinal));

    // The whole address, its local part and the local part's pieces ("ayesha.khan" → "ayesha", "khan"), all compared
    // on letters and digits only, so "Ayesha_Khan!" and "ayesha.khan" both count as the local part.
    private static IEnumerable<string> EmailParts(string? email)
    {
        if (string.IsNullOrWhiteSpace(email) || !PasswordText.IsWellFormed(email))
        {
            yield break;
        }

        var lowered = PasswordText.Normalize(email.Trim()).ToLowerInvariant();
        yield return LettersAndDigits(lowered);
        var at = lowered.LastIndexOf('@');
        if (at > 0)
        {
            foreach (var part in NameParts(lowered[..at]))
            {
                yield return part;
            }
        }
    }

    // The whole name without spaces or punctuation, and each of its words ("Karachi Fashion House" → "karachifashionhouse",
    // "karachi", "fashion", "house").
    private static IEnumerable<string> NameParts(string? name)
    {
        if (string.IsNullOrWhiteSpace(name) || !PasswordText.IsWellFormed(name))
        {
            yield break;
        }

        var lowered = PasswordText.Normalize(name).ToLowerInvariant();
        yield return LettersAndDigits(lowered);
        var word = new StringBuilder();
        foreach (var rune in lowered.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                word.Append(rune.ToString());
            }
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }

    private static string LettersAndDigits(string text)
    {
        var kept = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                kept.Append(rune.ToString());
            }
        }

        return kept.ToString();
    }
}
