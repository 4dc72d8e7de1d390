using SooperSeller.Core.Orders;

namespace SooperSeller.UnitTests.Core.Orders;

public sealed class CodRuleTests
{
    [Theory]
    [InlineData("Cash on Delivery (COD)")]
    [InlineData("cash on delivery (cod)")]
    [InlineData("cash_on_delivery")]
    [InlineData(" COD ")]
    public void IsCod_DefaultGatewayNameInAnyCase_IsTrue(string gateway) =>
        Assert.True(CodRule.IsCod([gateway], [.. CodRule.DefaultGatewayNames]));

    [Fact]
    public void IsCod_GiftCardPlusCod_IsTrue() =>
        Assert.True(CodRule.IsCod(["gift_card", "Cash on Delivery (COD)"], [.. CodRule.DefaultGatewayNames]));

    [Theory]
    [InlineData("shopify_payments")]
    [InlineData("bogus")]
    [InlineData("Bank Deposit")]
    public void IsCod_PrepaidGateway_IsFalse(string gateway) =>
        Assert.False(CodRule.IsCod([gateway], [.. CodRule.DefaultGatewayNames]));

    [Fact]
    public void IsCod_NoGateway_IsFalse() => Assert.False(CodRule.IsCod([], [.. CodRule.DefaultGatewayNames]));

    [Fact]
    public void IsCod_MerchantsOwnCodName_FollowsTheirSettings()
    {
        var settings = new OrderSyncSettings(["Pay the rider"]);

        Assert.True(CodRule.IsCod(["pay the rider"], [.. settings.CodGatewayNames]));
        Assert.False(CodRule.IsCod(["Cash on Delivery (COD)"], [.. settings.CodGatewayNames]));
    }
}
