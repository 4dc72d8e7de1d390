using SooperSeller.Core.Orders;

namespace SooperSeller.UnitTests.Core.Orders;

public sealed class CustomerPhonesTests
{
    [Theory]
    [InlineData("0300-1234567")]
    [InlineData("03001234567")]
    [InlineData("923001234567")]
    [InlineData("+92 300 1234567")]
    [InlineData("+92-300-1234567")]
    [InlineData("00923001234567")]
    [InlineData("0092 300 1234567")]
    [InlineData("۰۳۰۰-۱۲۳۴۵۶۷")]
    [InlineData("٠٣٠٠١٢٣٤٥٦٧")]
    [InlineData("+۹۲ ۳۰۰ ۱۲۳۴۵۶۷")]
    public void Normalise_PakistaniMobileInAnyCommonForm_IsE164(string raw)
    {
        var phone = CustomerPhones.Normalise(raw);

        Assert.NotNull(phone);
        Assert.Equal("+923001234567", phone.E164);
        Assert.Equal(raw, phone.Raw);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("call me")]
    [InlineData("0300-12")]
    public void Normalise_Unreadable_KeepsTheRawPhoneWithoutE164(string raw)
    {
        var phone = CustomerPhones.Normalise(raw);

        Assert.NotNull(phone);
        Assert.Equal(raw, phone.Raw);
        Assert.Null(phone.E164);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Normalise_Missing_IsNull(string? raw) => Assert.Null(CustomerPhones.Normalise(raw));

    [Fact]
    public void Normalise_ForeignNumberWithCountryCode_KeepsItsCountry()
    {
        var phone = CustomerPhones.Normalise("+44 20 7946 0958");

        Assert.Equal("+442079460958", phone?.E164);
    }
}
