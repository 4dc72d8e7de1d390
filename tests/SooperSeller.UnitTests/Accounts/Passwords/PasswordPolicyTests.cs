using SooperSeller.Core.Accounts.Passwords;
using SooperSeller.Core.Errors;
using SooperSeller.Infrastructure.Accounts.Passwords;

namespace SooperSeller.UnitTests.Accounts.Passwords;

public class PasswordPolicyTests
{
    private const string Email = "ayesha.khan@example.pk";
    private const string Business = "Karachi Fashion House";

    // The real shipped list: "qwerty123456" (rank 2,689), "leavemealone" (4,252) and "mailcreated5240" (2,206) are in it.
    private readonly PasswordPolicy _policy = new(new EmbeddedBreachedPasswords());

    [Theory]
    [InlineData("mangorainfo", false)]
    [InlineData("mangorainfox", true)]
    public void Check_MerchantPasswordOf11Or12Characters_RefusesOnlyTheShorter(string password, bool acceptable)
    {
        var check = _policy.Check(password, PasswordAudience.Merchant, Email, Business);

        Assert.Equal(acceptable, check.IsAcceptable);
        Assert.Equal(acceptable ? null : "Use at least 12 characters.", check.Reason);
    }

    [Theory]
    [InlineData("mangorainfoxsky", true)]
    [InlineData("mangorainfoxsk", false)]
    public void Check_StaffPasswordOf14Or15Characters_RefusesOnlyTheShorter(string password, bool acceptable)
    {
        var check = _policy.Check(password, PasswordAudience.PlatformStaff, Email, Business);

        Assert.Equal(acceptable, check.IsAcceptable);
        Assert.Equal(acceptable ? null : "Use at least 15 characters.", check.Reason);
    }

    [Fact]
    public void Check_256CharactersAllowed_257Refused()
    {
        var longest = string.Concat(Enumerable.Repeat("river stone ", 22))[..256];

        var atLimit = _policy.Check(longest, PasswordAudience.Merchant, Email, Business);
        var overLimit = _policy.Check(longest + "x", PasswordAudience.Merchant, Email, Business);

        Assert.True(atLimit.IsAcceptable);
        Assert.Equal("Use at most 256 characters.", overLimit.Reason);
    }

    [Theory]
    [InlineData("mangorainfox")]
    [InlineData("1234 5678 90 11")]
    [InlineData("MANGO RAIN FOX")]
    public void Check_NoLettersDigitsOrSymbolsRequired_Accepted(string password)
    {
        var check = _policy.Check(password, PasswordAudience.Merchant, Email, Business);

        Assert.True(check.IsAcceptable, check.Reason);
    }

    [Theory]
    [InlineData("qwerty123456", PasswordAudience.Merchant)]
    [InlineData("QwErTy123456", PasswordAudience.Merchant)]
    [InlineData("leavemealone", PasswordAudience.Merchant)]
    [InlineData("mailcreated5240", PasswordAudience.PlatformStaff)]
    public void Check_PasswordAmongTheMostCommonBreached_RefusedWithTheReason(string password, PasswordAudience audience)
    {
        var check = _policy.Check(password, audience, Email, Business);

        Assert.Equal("This password is one of the most common breached passwords. Choose another.", check.Reason);
    }

    [Theory]
    [InlineData("my ayesha.khan@example.pk!")]
    [InlineData("Ayesha_Khan-2024")]
    [InlineData("AYESHAKHAN rocks")]
    [InlineData("sunny days for khan")]
    public void Check_ContainsTheEmailOrItsLocalPart_RefusedWithTheReason(string password)
    {
        var check = _policy.Check(password, PasswordAudience.Merchant, Email, Business);

        Assert.Equal("Don't use your email address in your password.", check.Reason);
    }

    [Fact]
    public void Check_EmailLocalPartShorterThanFourCharacters_NotHeldAgainstThePassword()
    {
        var check = _policy.Check("ali and the mangoes", PasswordAudience.Merchant, "ali@example.pk", Business);

        Assert.True(check.IsAcceptable, check.Reason);
    }

    [Theory]
    [InlineData("karachi-fashion-house-1")]
    [InlineData("KarachiFashionHouse!!")]
    [InlineData("my own fashion label")]
    public void Check_ContainsTheBusinessNameOrOneOfItsWords_RefusedWithTheReason(string password)
    {
        var check = _policy.Check(password, PasswordAudience.Merchant, Email, Business);

        Assert.Equal("Don't use your business name in your password.", check.Reason);
    }

    [Fact]
    public void Check_NoEmailOrBusinessNameKnown_ChecksTheRest()
    {
        var check = _policy.Check("Karachi Fashion House", PasswordAudience.Merchant, email: null, businessName: null);

        Assert.True(check.IsAcceptable, check.Reason);
    }

    [Fact]
    public void Check_DecomposedAccents_CountedAfterNfcAsOneCharacterEach()
    {
        // Eleven "é" typed as e + combining acute: 22 UTF-16 units, 11 characters once composed.
        var elevenAccented = string.Concat(Enumerable.Repeat("e\u0301", 11));

        var check = _policy.Check(elevenAccented, PasswordAudience.Merchant, Email, Business);

        Assert.Equal("Use at least 12 characters.", check.Reason);
    }

    [Fact]
    public void Check_EmojiOutsideTheBasicPlane_CountAsOneCharacterEach()
    {
        var twelveEmoji = string.Concat(Enumerable.Repeat("\U0001F96D", 12));

        var twelve = _policy.Check(twelveEmoji, PasswordAudience.Merchant, Email, Business);
        var eleven = _policy.Check(twelveEmoji[2..], PasswordAudience.Merchant, Email, Business);

        Assert.True(twelve.IsAcceptable, twelve.Reason);
        Assert.Equal("Use at least 12 characters.", eleven.Reason);
    }

    [Fact]
    public void Check_LoneSurrogate_RefusedAsMalformed()
    {
        var check = _policy.Check("mango rain fox \uD83E", PasswordAudience.Merchant, Email, Business);

        Assert.Equal("The password contains characters that cannot be used.", check.Reason);
    }

    [Fact]
    public void Reasons_AreTheStableMessagesUsersSee()
    {
        string[] reasons =
        [
            PasswordReasons.TooShortForMerchants, PasswordReasons.TooShortForStaff, PasswordReasons.TooLong,
            PasswordReasons.Breached, PasswordReasons.ContainsEmail, PasswordReasons.ContainsBusinessName, PasswordReasons.Malformed,
        ];

        Assert.Equal(
            [
                "Use at least 12 characters.", "Use at least 15 characters.", "Use at most 256 characters.",
                "This password is one of the most common breached passwords. Choose another.",
                "Don't use your email address in your password.", "Don't use your business name in your password.",
                "The password contains characters that cannot be used.",
            ],
            reasons);
    }

    [Fact]
    public void EnsureAcceptable_RefusedPassword_ThrowsValidationFailedOnTheField()
    {
        var refuse = () => _policy.EnsureAcceptable("qwerty123456", PasswordAudience.Merchant, Email, Business, "newPassword");

        var error = Assert.Throws<ValidationFailedException>(refuse);
        Assert.Equal(["This password is one of the most common breached passwords. Choose another."], error.Errors["newPassword"]);
    }

    [Fact]
    public void EnsureAcceptable_AcceptablePassword_DoesNotThrow()
    {
        var exception = Record.Exception(() => _policy.EnsureAcceptable("mango rain fox sky", PasswordAudience.PlatformStaff, Email, Business));

        Assert.Null(exception);
    }
}
