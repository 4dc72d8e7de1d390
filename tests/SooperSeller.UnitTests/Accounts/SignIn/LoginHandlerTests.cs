using Moq;
using SooperSeller.Core.Accounts;
using SooperSeller.Core.Accounts.Passwords;
using SooperSeller.Core.Accounts.Sessions;
using SooperSeller.Core.Accounts.SignIn;
using SooperSeller.Core.Errors;
using SooperSeller.Core.Tenancy;

namespace SooperSeller.UnitTests.Accounts.SignIn;

public class LoginHandlerTests
{
    private const string Password = "chai and samosa at five";
    private static readonly EmailAddress Email = EmailAddress.TryParse("ayesha@example.pk", out var email) ? email : default;
    private static readonly MerchantId Merchant = MerchantId.New();
    private readonly Mock<IEmailLookup> _lookup = new();
    private readonly Mock<IPasswordHasher> _hasher = new();
    private readonly Mock<IMerchantDirectory> _merchants = new();
    private readonly Mock<ISessionStore> _sessions = new();
    private readonly Credential _credential = new(Email, "usr_1", Merchant, "$old$") { Version = "v1" };

    public LoginHandlerTests()
    {
        _lookup.Setup(l => l.FindAsync(Email, It.IsAny<CancellationToken>())).ReturnsAsync(_credential);
        _merchants.Setup(m => m.GetMemberAsync(Merchant, "usr_1", It.IsAny<CancellationToken>())).ReturnsAsync(new Member("usr_1", "Ayesha", Email, Role.Manager, DateTimeOffset.UnixEpoch));
        _sessions.Setup(s => s.CreateAsync(It.IsAny<SessionSubject>(), It.IsAny<CancellationToken>())).ReturnsAsync(new NewSession("ses", "tok", "csrf", DateTimeOffset.MaxValue));
    }

    private LoginHandler Handler => new(_lookup.Object, _hasher.Object, _merchants.Object, _sessions.Object);

    [Fact]
    public async Task UnknownEmail_DoesTheWorkOfAVerification_AndAnswersLikeAWrongPassword()
    {
        var unknown = await Assert.ThrowsAsync<UnauthenticatedException>(() => Handler.HandleAsync(new LoginCommand("nobody@example.pk", Password), CancellationToken.None));
        _hasher.Setup(h => h.Verify(Password, "$old$")).Returns(PasswordVerification.Failed);
        var wrong = await Assert.ThrowsAsync<UnauthenticatedException>(() => Handler.HandleAsync(new LoginCommand(Email.Value, Password), CancellationToken.None));

        Assert.Equal(wrong.Message, unknown.Message);
        _hasher.Verify(h => h.VerifyDummy(Password), Times.Once);
        _sessions.Verify(s => s.CreateAsync(It.IsAny<SessionSubject>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task RightPasswordOnAWeakerHash_UpgradesTheHash_AndSignsIn()
    {
        _hasher.Setup(h => h.Verify(Password, "$old$")).Returns(PasswordVerification.SucceededNeedsRehash);
        _hasher.Setup(h => h.Hash(Password)).Returns("$new$");

        await Handler.HandleAsync(new LoginCommand(" AYESHA@example.pk ", Password), CancellationToken.None);

        _lookup.Verify(l => l.UpdatePasswordHashAsync(_credential, "$new$", It.IsAny<CancellationToken>()), Times.Once);
        _sessions.Verify(s => s.CreateAsync(new SessionSubject("usr_1", Merchant, Role.Manager), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task RightPasswordOnACurrentHash_LeavesTheHashAlone()
    {
        _hasher.Setup(h => h.Verify(Password, "$old$")).Returns(PasswordVerification.Succeeded);

        await Handler.HandleAsync(new LoginCommand(Email.Value, Password), CancellationToken.None);

        _lookup.Verify(l => l.UpdatePasswordHashAsync(It.IsAny<Credential>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task MissingFields_AreAValidationErrorNamingThem()
    {
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => Handler.HandleAsync(new LoginCommand(null, ""), CancellationToken.None));

        Assert.Equal(["email", "password"], error.Errors.Keys.Order());
    }
}
