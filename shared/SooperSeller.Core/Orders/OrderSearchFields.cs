namespace SooperSeller.Core.Orders;

/// <summary>
/// Search keys derived from the customer's shipping details, Shopify's and our corrections alike (lower-case name
/// tokens, phone digits, lower-case emails), so search and redaction find a customer's orders with an equality query
/// even after a correction replaced the phone or email. Personal data: erased with the details they came from.
/// </summary>
public sealed record OrderSearchFields(IReadOnlyList<string> NameTokens, IReadOnlyList<string> Phones, IReadOnlyList<string> Emails)
{
    public static OrderSearchFields? From(ShippingDetails? shopify, ShippingCorrections? corrections)
    {
        var names = new[] { shopify?.Name, shopify?.FirstName, shopify?.LastName, corrections?.Name }
            .SelectMany(n => (n ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(t => t.ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var phones = new[] { PhoneDigitsOf(shopify?.Phone), PhoneDigitsOf(corrections?.Phone) }.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var emails = new[] { NormaliseEmail(shopify?.Email), NormaliseEmail(corrections?.Email) }.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return names.Count == 0 && phones.Count == 0 && emails.Count == 0 ? null : new OrderSearchFields(names, phones, emails);
    }

    /// <summary>The digits of the E.164 form when there is one, else of the raw phone (after digit conversion).</summary>
    public static string? PhoneDigitsOf(CustomerPhone? phone)
    {
        var source = phone?.E164 ?? (phone is null ? null : CustomerPhones.WesternDigits(phone.Raw));
        var digits = source is null ? string.Empty : new string([.. source.Where(char.IsAsciiDigit)]);
        return digits.Length == 0 ? null : digits;
    }

    public static string? NormaliseEmail(string? email) =>
        string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();
}
