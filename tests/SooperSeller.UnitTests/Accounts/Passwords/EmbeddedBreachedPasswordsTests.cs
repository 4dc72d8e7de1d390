using SooperSeller.Infrastructure.Accounts.Passwords;

namespace SooperSeller.UnitTests.Accounts.Passwords;

public class EmbeddedBreachedPasswordsTests
{
    private readonly EmbeddedBreachedPasswords _list = new();

    [Fact]
    public void ShippedList_Has10000UniqueLowerCaseEntries()
    {
        var entries = EmbeddedBreachedPasswords.ReadEntries();

        Assert.Equal(10_000, entries.Count);
        Assert.Equal(10_000, entries.Distinct(StringComparer.Ordinal).Count());
        Assert.All(entries, entry => Assert.Equal(entry.Trim().ToLowerInvariant(), entry));
        Assert.Equal(["123456", "password", "12345678"], entries.Take(3));
    }

    [Fact]
    public void ShippedList_CarriesItsLicenceNotice()
    {
        var notice = EmbeddedBreachedPasswords.ReadResource(EmbeddedBreachedPasswords.NoticeResourceName);

        Assert.Contains("@zxcvbn-ts/language-common 4.1.3", notice, StringComparison.Ordinal);
        Assert.Contains("Permission is hereby granted, free of charge", notice, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("password")]
    [InlineData("PassWord")]
    [InlineData("qwerty123456")]
    public void Contains_CommonPasswordInAnyCase_True(string password)
    {
        var found = _list.Contains(password);

        Assert.True(found);
    }

    [Theory]
    [InlineData("mango rain fox sky")]
    [InlineData("password1234")] // rank 18,529: common, but not in the top 10,000
    public void Contains_PasswordOutsideTheTop10000_False(string password)
    {
        var found = _list.Contains(password);

        Assert.False(found);
    }
}
