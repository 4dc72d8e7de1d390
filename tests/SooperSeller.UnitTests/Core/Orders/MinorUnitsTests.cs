using SooperSeller.Core.Orders;

namespace SooperSeller.UnitTests.Core.Orders;

public sealed class MinorUnitsTests
{
    [Theory]
    [InlineData("1234.50", "PKR", 123450)]
    [InlineData("0.00", "PKR", 0)]
    [InlineData("5200", "PKR", 520000)]
    [InlineData("-10.25", "PKR", -1025)]
    [InlineData("1000", "JPY", 1000)]
    [InlineData("1.234", "KWD", 1234)]
    public void Parse_DecimalString_IsExactMinorUnits(string amount, string currency, long expected)
    {
        var minor = MinorUnits.Parse(amount, currency);

        Assert.Equal(expected, minor);
    }

    [Theory]
    [InlineData("1.005", "PKR")]
    [InlineData("12,50", "PKR")]
    [InlineData("abc", "PKR")]
    [InlineData("1.5", "JPY")]
    public void Parse_NotAnAmountOfTheCurrency_Throws(string amount, string currency) =>
        Assert.Throws<FormatException>(() => MinorUnits.Parse(amount, currency));
}
