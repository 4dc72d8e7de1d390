using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.RegularExpressions;

namespace SooperSeller.Shopify;

/// <summary>
/// A shop's permanent <c>{name}.myshopify.com</c> domain, normalised to lower case. The only way to make one is
/// <see cref="TryParse"/>, so a value that reaches an outgoing URL can never point at a host other than a Shopify shop
/// (Shopify's OAuth guidance: anchor the pattern and allow no dots in the label).
/// </summary>
public sealed partial record ShopDomain
{
    /// <summary>DNS names are at most 253 characters; anything longer is not a shop.</summary>
    public const int MaxLength = 253;

    private ShopDomain(string value) => Value = value;

    /// <summary>The lower-case domain, e.g. <c>sooperseller-demo.myshopify.com</c>.</summary>
    public string Value { get; }

    /// <summary>Accepts only <c>^[a-zA-Z0-9][a-zA-Z0-9-]*\.myshopify\.com$</c> (ASCII, case-insensitive, no surrounding whitespace).</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out ShopDomain? shop)
    {
        shop = null;
        // ASCII first: case-insensitive matching would otherwise fold characters such as the Kelvin sign onto 'k'.
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength || !Ascii.IsValid(text))
        {
            return false;
        }

        var lower = text.ToLowerInvariant();
        if (!Pattern().IsMatch(lower))
        {
            return false;
        }

        shop = new ShopDomain(lower);
        return true;
    }

    /// <summary>Like <see cref="TryParse"/>, for values that were validated before (stored records, configuration).</summary>
    /// <exception cref="FormatException">The text is not a myshopify.com domain.</exception>
    public static ShopDomain Parse(string? text) =>
        TryParse(text, out var shop) ? shop : throw new FormatException("The value is not a valid *.myshopify.com shop domain.");

    public override string ToString() => Value;

    // \z rather than $: $ also matches before a trailing newline.
    [GeneratedRegex(@"\A[a-z0-9][a-z0-9\-]*\.myshopify\.com\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
