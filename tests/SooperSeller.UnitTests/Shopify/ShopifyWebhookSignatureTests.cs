using System.Security.Cryptography;
using System.Text;
using SooperSeller.Shopify;

namespace SooperSeller.UnitTests.Shopify;

public class ShopifyWebhookSignatureTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"id":820982911946154508,"name":"#9999"}""");
    private static readonly string[] Secrets = [ShopifyTestKit.Secret, ShopifyTestKit.PreviousSecret];

    [Fact]
    public void IsValid_SignedWithCurrentSecret_True()
    {
        var header = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(ShopifyTestKit.Secret), Body));

        Assert.True(ShopifyWebhookSignature.IsValid(Body, header, Secrets));
    }

    [Fact]
    public void IsValid_SignedWithPreviousSecret_True()
    {
        var header = ShopifyWebhookSignature.Sign(Body, ShopifyTestKit.PreviousSecret);

        Assert.True(ShopifyWebhookSignature.IsValid(Body, header, Secrets));
    }

    [Fact]
    public void IsValid_PreviousSecretNoLongerConfigured_False()
    {
        var header = ShopifyWebhookSignature.Sign(Body, ShopifyTestKit.PreviousSecret);

        Assert.False(ShopifyWebhookSignature.IsValid(Body, header, [ShopifyTestKit.Secret]));
    }

    [Fact]
    public void IsValid_BodyChangedAfterSigning_False()
    {
        var header = ShopifyWebhookSignature.Sign(Body, ShopifyTestKit.Secret);
        var tampered = Encoding.UTF8.GetBytes("""{"id":820982911946154508,"name":"#9990"}""");

        Assert.False(ShopifyWebhookSignature.IsValid(tampered, header, Secrets));
    }

    [Fact]
    public void IsValid_SignedWithAnotherSecret_False()
    {
        var header = ShopifyWebhookSignature.Sign(Body, "someone-elses-secret");

        Assert.False(ShopifyWebhookSignature.IsValid(Body, header, Secrets));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("c2hvcnQ=")]
    public void IsValid_MissingOrMalformedHeader_False(string? header)
    {
        Assert.False(ShopifyWebhookSignature.IsValid(Body, header, Secrets));
    }

    [Fact]
    public void IsValid_HexInsteadOfBase64_False()
    {
        var hex = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(ShopifyTestKit.Secret), Body));

        Assert.False(ShopifyWebhookSignature.IsValid(Body, hex, Secrets));
    }
}
