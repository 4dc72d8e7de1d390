using SooperSeller.Core.Tenancy;

namespace SooperSeller.UnitTests.Core;

public class MerchantIdTests
{
    [Fact]
    public void New_ProducesIdsThatParseBack()
    {
        var id = MerchantId.New();

        Assert.Equal(id, MerchantId.Parse(id.Value));
        Assert.Matches("^mer_[0-9a-f]{32}$", id.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("mer_")]
    [InlineData("MER_0123456789abcdef0123456789abcdef")]
    [InlineData("mer_0123456789ABCDEF0123456789ABCDEF")]
    [InlineData("mer_0123456789abcdef0123456789abcdef' OR 1=1")]
    [InlineData("other_0123456789abcdef0123456789abcdef")]
    public void TryParse_Malformed_ReturnsFalse(string value)
    {
        var parsed = MerchantId.TryParse(value, out var id);

        Assert.False(parsed);
        Assert.True(id.IsEmpty);
    }

    [Fact]
    public void Parse_Malformed_Throws()
    {
        Assert.Throws<FormatException>(() => MerchantId.Parse("not-a-merchant"));
    }
}
