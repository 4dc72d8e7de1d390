using System.Text;
using PhoneNumbers;

namespace SooperSeller.Core.Orders;

/// <summary>
/// Normalises the phones Pakistani customers type at checkout ("0300-1234567", "923001234567", "+92 300 1234567",
/// "0092…", Urdu or Arabic-Indic digits) to E.164, so couriers get one format and search finds one key. A phone that
/// cannot be read is kept raw: a courier rider can still call what the customer wrote.
/// </summary>
public static class CustomerPhones
{
    /// <summary>Numbers without a country code are read as Pakistani.</summary>
    public const string DefaultRegion = "PK";

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public static CustomerPhone? Normalise(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var text = WesternDigits(raw.Trim());
        return new CustomerPhone(raw, TryE164(text) ?? TryE164(WithPlusIfCountryCode(text)));
    }

    /// <summary>Urdu (Extended Arabic-Indic, U+06F0…) and Arabic-Indic (U+0660…) digits become 0-9; the rest is kept.</summary>
    public static string WesternDigits(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                >= '\u06F0' and <= '\u06F9' => (char)('0' + (c - '\u06F0')),
                >= '\u0660' and <= '\u0669' => (char)('0' + (c - '\u0660')),
                _ => c,
            });
        }

        return builder.ToString();
    }

    private static string? TryE164(string text)
    {
        try
        {
            var number = Util.Parse(text, DefaultRegion);
            return Util.IsValidNumber(number) ? Util.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    // "923001234567" typed without the plus: read as a Pakistani national number it is too long, so try it as international.
    private static string WithPlusIfCountryCode(string text) =>
        text.StartsWith("92", StringComparison.Ordinal) ? "+" + text : text;
}
