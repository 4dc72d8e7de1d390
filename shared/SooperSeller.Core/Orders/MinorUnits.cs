using System.Globalization;

namespace SooperSeller.Core.Orders;

/// <summary>
/// Shopify sends money as decimal strings ("1234.50"); we keep <c>long</c> minor units (architecture section 4), so
/// the conversion happens once, here, exactly and never through <c>double</c>.
/// </summary>
public static class MinorUnits
{
    /// <summary>Parses an amount into minor units of the currency: "1234.50" PKR is 123450.</summary>
    /// <exception cref="FormatException">Not a decimal number, or finer than the currency's minor unit.</exception>
    public static long Parse(string amount, string? currencyCode)
    {
        ArgumentNullException.ThrowIfNull(amount);
        if (!decimal.TryParse(amount, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            throw new FormatException("A money amount is not a decimal number.");
        }

        var scaled = value * Factor(currencyCode);
        if (scaled != decimal.Truncate(scaled))
        {
            throw new FormatException("A money amount has more decimals than its currency's minor unit.");
        }

        return decimal.ToInt64(scaled);
    }

    /// <summary>The digits after the decimal point of the currency (ISO 4217); 2 for PKR and most others.</summary>
    public static int Digits(string? currencyCode) => currencyCode?.ToUpperInvariant() switch
    {
        "JPY" or "KRW" or "VND" or "CLP" or "ISK" or "UGX" or "XAF" or "XOF" or "PYG" or "RWF" => 0,
        "KWD" or "BHD" or "OMR" or "JOD" or "TND" or "IQD" or "LYD" => 3,
        _ => 2,
    };

    private static decimal Factor(string? currencyCode) => Digits(currencyCode) switch
    {
        0 => 1m,
        3 => 1000m,
        _ => 100m,
    };
}
