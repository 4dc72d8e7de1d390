using SooperSeller.Core.Notifications;
using SooperSeller.Core.Tenancy;

namespace SooperSeller.UnitTests.Notifications;

public class OutgoingEmailTests
{
    private const string Address = "ayesha@example.pk";
    private static readonly Uri VerifyLink = new("http://127.0.0.1:7071/verify?token=tok_secret123");
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void IdFor_SameKeyTwice_GivesTheSameId()
    {
        var first = OutgoingEmail.IdFor("verify-email:usr_1:tok_1");
        var second = OutgoingEmail.IdFor("verify-email:usr_1:tok_1");

        Assert.Equal(first, second);
        Assert.Matches("^eml_[0-9a-f]{32}$", first);
    }

    [Fact]
    public void IdFor_DifferentKeys_GiveDifferentIds()
    {
        var first = OutgoingEmail.IdFor("verify-email:usr_1:tok_1");
        var second = OutgoingEmail.IdFor("verify-email:usr_1:tok_2");

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void IdFor_KeyNamingAPerson_DoesNotContainIt()
    {
        var id = OutgoingEmail.IdFor($"password-reset:{Address}");

        Assert.DoesNotContain("ayesha", id, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Create_SameKeyAtDifferentTimes_KeepsTheIdOfTheKey()
    {
        var first = Create(createdAt: Now);
        var retried = Create(createdAt: Now.AddMinutes(3));

        Assert.Equal(first.Id, retried.Id);
        Assert.Equal(OutgoingEmail.IdFor("verify-email:usr_1:tok_1"), first.Id);
    }

    [Fact]
    public void Create_ValidMessage_KeepsEveryField()
    {
        var merchant = MerchantId.New();

        var email = Create(merchantId: merchant, htmlBody: $"<a href=\"{VerifyLink}\">Verify</a>");

        Assert.Equal(Address, email.To);
        Assert.Equal("Verify your email", email.Subject);
        Assert.Equal([VerifyLink], email.Links);
        Assert.Equal(merchant, email.MerchantId);
        Assert.Equal(Now, email.CreatedAt);
        Assert.NotNull(email.HtmlBody);
    }

    [Theory]
    [InlineData("Ayesha <ayesha@example.pk>")]
    [InlineData("ayesha@example.pk, other@example.pk")]
    [InlineData("not-an-address")]
    [InlineData("ayesha@example.pk\r\nBcc: other@example.pk")]
    public void Create_RecipientNotOnePlainAddress_IsRefusedWithoutRepeatingIt(string to)
    {
        var error = Assert.Throws<ArgumentException>(() => Create(to: to));

        Assert.Equal("to", error.ParamName);
        Assert.DoesNotContain("example.pk", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_SubjectWithALineBreak_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => Create(subject: "Hello\r\nBcc: other@example.pk"));

        Assert.Equal("subject", error.ParamName);
    }

    [Fact]
    public void Create_LinkNotInTheBody_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => Create(links: [new Uri("https://evil.example/phish")]));

        Assert.Equal("links", error.ParamName);
        Assert.DoesNotContain("evil", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_BodyLongerThanATableProperty_IsRefused()
    {
        var body = new string('x', OutgoingEmail.MaxBodyLength + 1);

        var error = Assert.Throws<ArgumentException>(() => Create(textBody: body, links: []));

        Assert.Equal("textBody", error.ParamName);
    }

    [Fact]
    public void Constructor_IdNotMadeByCreate_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => new OutgoingEmail("verify-email:usr_1", Address, "Subject", "Body", [], Now));

        Assert.Equal("id", error.ParamName);
    }

    private static OutgoingEmail Create(
        string to = Address,
        string subject = "Verify your email",
        string? textBody = null,
        IReadOnlyList<Uri>? links = null,
        DateTimeOffset? createdAt = null,
        string? htmlBody = null,
        MerchantId? merchantId = null) =>
        OutgoingEmail.Create(
            "verify-email:usr_1:tok_1",
            to,
            subject,
            textBody ?? $"Open {VerifyLink} to verify your email.",
            links ?? [VerifyLink],
            createdAt ?? Now,
            htmlBody,
            merchantId);
}
