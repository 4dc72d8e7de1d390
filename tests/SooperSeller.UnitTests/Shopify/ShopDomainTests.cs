using SooperSeller.Shopify;

namespace SooperSeller.UnitTests.Shopify;

public class ShopDomainTests
{
    [Theory]
    [InlineData("sooperseller-demo.myshopify.com", "sooperseller-demo.myshopify.com")]
    [InlineData("Karachi-Kurta.MyShopify.COM", "karachi-kurta.myshopify.com")]
    [InlineData("0shop.myshopify.com", "0shop.myshopify.com")]
    public void TryParse_MyshopifyDomain_AcceptsAndLowerCases(string text, string expected)
    {
        var ok = ShopDomain.TryParse(text, out var shop);

        Assert.True(ok);
        Assert.Equal(expected, shop!.Value);
        Assert.Equal(expected, shop.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("evil.com")]
    [InlineData("myshopify.com")]
    [InlineData(".myshopify.com")]
    [InlineData("-shop.myshopify.com")]
    [InlineData("a.b.myshopify.com")]
    [InlineData("a.myshopify.com.evil.com")]
    [InlineData("a.myshopify.com\n")]
    [InlineData(" a.myshopify.com")]
    [InlineData("a_b.myshopify.com")]
    [InlineData("a.myshopify.com/admin")]
    [InlineData("a.myshopify.com:443")]
    [InlineData("evil.com#.myshopify.com")]
    [InlineData("sho\u212Ap.myshopify.com")] // Kelvin sign folds onto 'k' under case-insensitive matching
    [InlineData("a.myshopifyxcom")]
    public void TryParse_AnythingElse_Refuses(string? text)
    {
        var ok = ShopDomain.TryParse(text, out var shop);

        Assert.False(ok);
        Assert.Null(shop);
    }

    [Fact]
    public void TryParse_OverMaxLength_Refuses()
    {
        var text = new string('a', ShopDomain.MaxLength) + ".myshopify.com";

        Assert.False(ShopDomain.TryParse(text, out _));
    }

    [Fact]
    public void Equality_DifferentCase_SameShop()
    {
        Assert.Equal(ShopDomain.Parse("Demo.myshopify.com"), ShopDomain.Parse("demo.MYSHOPIFY.com"));
    }

    [Fact]
    public void Parse_Invalid_ThrowsWithoutEchoingTheInput()
    {
        var error = Assert.Throws<FormatException>(() => ShopDomain.Parse("attacker-controlled.example"));

        Assert.DoesNotContain("attacker-controlled", error.Message, StringComparison.Ordinal);
    }
}
