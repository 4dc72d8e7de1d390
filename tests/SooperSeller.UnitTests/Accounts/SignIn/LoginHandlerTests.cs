using System.Net;
using Microsoft.Extensions.Time.Testing;
using Moq;
using SooperSeller.Core.Accounts;
using SooperSeller.Core.Accounts.Passwords;
using SooperSeller.Core.Accounts.Sessions;
using SooperSeller.Core.Accounts.SignIn;
using SooperSeller.Core.Accounts.Throttling;
using SooperSeller.Core.Accounts.TwoStep;
using SooperSeller.Core.Errors;
using SooperSeller.Core.Secrets;
using SooperSeller.Core.Tenancy;
using SooperSeller.Infrastructure.Staff;
using SooperSeller.UnitTests.Accounts.Throttling;

namespace SooperSeller.UnitTests.Accounts.SignIn;

public class LoginHandlerTests
{
    private const string Password = "chai and samosa at five";
    private static readonly EmailAddress Email = EmailAddress.TryParse("ayesha@example.pk", out var email) ? email : default;
    private static readonly MerchantId Merchant = MerchantId.New();
    private static readonly IPAddress Client = IPAddress.Parse("203.0.113.7");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
    private readonly Mock<IEmailLookup> _lookup = new();
    private readonly Mock<IPasswordHasher> _hasher = new();
    private readonly Mock<IMerchantDirectory> _merchants = new();
    private readonly Mock<ISessionStore> _sessions = new();
    private readonly Credential _credential = new(Email, "usr_1", Merchant, "$old$") { Version = "v1" };
    private readonly Mock<ISecretStore> _secrets = new();
    private readonly OtpNetTotp _totp = new();
    private readonly InMemoryThrottle _throttle;

    public LoginHandlerTests()
    {
        _throttle = new InMemoryThrottle(_time);
        _merchants.Setup(m => m.ListMembershipsAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);
        _lookup.Setup(l => l.FindAsync(Email, It.IsAny<CancellationToken>())).ReturnsAsync(_credential);
        _merchants.Setup(m => m.GetMemberAsync(Merchant, "usr_1", It.IsAny<CancellationToken>())).ReturnsAsync(new Member("usr_1", "Ayesha", Email, Role.Manager, DateTimeOffset.UnixEpoch));
        _sessions.Setup(s => s.CreateAsync(It.IsAny<SessionSubject>(), It.IsAny<CancellationToken>())).ReturnsAsync(new NewSession("ses", "tok", "csrf", DateTimeOffset.MaxValue));
    }

    private LoginHandler Handler => new(_lookup.Object, _hasher.Object, _merchants.Object, _sessions.Object, _throttle, _totp, _secrets.Object, _time);

    [Fact]
    public async Task TwoStepOn_RightPasswordWithoutACode_AsksForTheCode_AndStartsNoSession()
    {
        var secret = TurnOnTwoStep(lastStep: 0);

        var refused = await Assert.ThrowsAsync<UnauthenticatedException>(() => Handler.HandleAsync(new LoginCommand(Email.Value, Password), Client, CancellationToken.None));
        var wrongCode = await Assert.ThrowsAsync<UnauthenticatedException>(() => Handler.HandleAsync(new LoginCommand(Email.Value, Password, CodeAt(secret, _time.GetUtcNow().AddMinutes(-10))), Client, CancellationToken.None));

        Assert.Equal(UnauthenticatedException.TotpRequired, refused.Code);
        Assert.Equal(UnauthenticatedException.TotpRequired, wrongCode.Code);
        _sessions.Verify(s => s.CreateAsync(It.IsAny<SessionSubject>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task TwoStepOn_RightCode_SignsIn_UsingUpTheStepAndUpgradingTheHashInOneWrite()
    {
        var secret = TurnOnTwoStep(lastStep: 0);
        _hasher.Setup(h => h.Verify(Password, "$old$")).Returns(PasswordVerification.SucceededNeedsRehash);
        _hasher.Setup(h => h.Hash(Password)).Returns("$new$");
        _lookup.Setup(l => l.TryUseTotpStepAsync(It.IsAny<Credential>(), It.IsAny<long>(), It.IsAny<string?>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);

        await Handler.HandleAsync(new LoginCommand(Email.Value, Password, CodeAt(secret)), Client, CancellationToken.None);

        _lookup.Verify(l => l.TryUseTotpStepAsync(It.IsAny<Credential>(), _time.GetUtcNow().ToUnixTimeSeconds() / OtpNetTotp.StepSeconds, "$new$", It.IsAny<CancellationToken>()), Times.Once);
        _lookup.Verify(l => l.UpdatePasswordHashAsync(It.IsAny<Credential>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        _sessions.Verify(s => s.CreateAsync(new SessionSubject("usr_1", Merchant, Role.Manager), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task TwoStepOn_ACodeUsedBefore_IsRefused()
    {
        var secret = TurnOnTwoStep(lastStep: _time.GetUtcNow().ToUnixTimeSeconds() / OtpNetTotp.StepSeconds);

        var refused = await Assert.ThrowsAsync<UnauthenticatedException>(() => Handler.HandleAsync(new LoginCommand(Email.Value, Password, CodeAt(secret)), Client, CancellationToken.None));

        Assert.Equal(UnauthenticatedException.TotpRequired, refused.Code);
        _sessions.Verify(s => s.CreateAsync(It.IsAny<SessionSubject>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    private string TurnOnTwoStep(long lastStep)
    {
        var secret = _totp.NewSecret();
        _lookup.Setup(l => l.FindAsync(Email, It.IsAny<CancellationToken>())).ReturnsAsync(_credential with { TotpEnabled = true, LastTotpStep = lastStep });
        _secrets.Setup(s => s.GetAsync(TwoStepHandler.SecretNameFor("usr_1"), It.IsAny<CancellationToken>())).ReturnsAsync(secret);
        _hasher.Setup(h => h.Verify(Password, "$old$")).Returns(PasswordVerification.Succeeded);
        return secret;
    }

    private string CodeAt(string secret, DateTimeOffset? at = null) => new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(secret)).ComputeTotp((at ?? _time.GetUtcNow()).UtcDateTime);

    [Fact]
    public async Task UnknownEmail_DoesTheWorkOfAVerification_AndAnswersLikeAWrongPassword()
    {
        var unknown = await Assert.ThrowsAsync<UnauthenticatedException>(() => Handler.HandleAsync(new LoginCommand("nobody@example.pk", Password), Client, CancellationToken.None));
        _hasher.Setup(h => h.Verify(Password, "$old$")).Returns(PasswordVerification.Failed);
        var wrong = await Assert.ThrowsAsync<UnauthenticatedException>(() => Handler.HandleAsync(new LoginCommand(Email.Value, Password), Client, CancellationToken.None));

        Assert.Equal(wrong.Message, unknown.Message);
        _hasher.Verify(h => h.VerifyDummy(Password), Times.Once);
        _sessions.Verify(s => s.CreateAsync(It.IsAny<SessionSubject>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task RightPasswordOnAWeakerHash_UpgradesTheHash_AndSignsIn()
    {
        _hasher.Setup(h => h.Verify(Password, "$old$")).Returns(PasswordVerification.SucceededNeedsRehash);
        _hasher.Setup(h => h.Hash(Password)).Returns("$new$");

        await Handler.HandleAsync(new LoginCommand(" AYESHA@example.pk ", Password), Client, CancellationToken.None);

        _lookup.Verify(l => l.UpdatePasswordHashAsync(_credential, "$new$", It.IsAny<CancellationToken>()), Times.Once);
        _sessions.Verify(s => s.CreateAsync(new SessionSubject("usr_1", Merchant, Role.Manager), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task RightPasswordOnACurrentHash_LeavesTheHashAlone()
    {
        _hasher.Setup(h => h.Verify(Password, "$old$")).Returns(PasswordVerification.Succeeded);

        await Handler.HandleAsync(new LoginCommand(Email.Value, Password), Client, CancellationToken.None);

        _lookup.Verify(l => l.UpdatePasswordHashAsync(It.IsAny<Credential>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task HandleAsync_RightPasswordForAClosedAccount_IsForbiddenAndEndsTheNewSession()
    {
        _hasher.Setup(h => h.Verify(Password, "$old$")).Returns(PasswordVerification.Succeeded);
        _merchants.Setup(m => m.GetMerchantAsync(Merchant, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new MerchantProfile(Merchant, "Karachi Fashion House", DateTimeOffset.UnixEpoch) { ClosureRequestedAt = _time.GetUtcNow(), DeleteAfter = _time.GetUtcNow().AddDays(30) });

        var act = () => Handler.HandleAsync(new LoginCommand(Email.Value, Password), Client, CancellationToken.None);

        var refused = await Assert.ThrowsAsync<ForbiddenException>(act);
        Assert.Equal("This account is closed.", refused.Message);
        _sessions.Verify(s => s.RevokeAsync("tok", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task MissingFields_AreAValidationErrorNamingThem()
    {
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => Handler.HandleAsync(new LoginCommand(null, ""), Client, CancellationToken.None));

        Assert.Equal(["email", "password"], error.Errors.Keys.Order());
    }

    [Fact]
    public async Task HandleAsync_SixthWrongPasswordAtOnce_Is429BeforeThePasswordIsChecked()
    {
        _hasher.Setup(h => h.Verify(Password, "$old$")).Returns(PasswordVerification.Failed);
        for (var i = 0; i < 5; i++)
        {
            await Assert.ThrowsAsync<UnauthenticatedException>(() => LoginAsync(Email.Value));
        }

        var refused = await Assert.ThrowsAsync<TooManyRequestsException>(() => LoginAsync(Email.Value));

        Assert.Equal(TimeSpan.FromSeconds(1), refused.RetryAfter);
        _hasher.Verify(h => h.Verify(Password, "$old$"), Times.Exactly(5));
    }

    [Fact]
    public async Task HandleAsync_UnknownEmail_IsThrottledExactlyLikeAKnownOne()
    {
        _hasher.Setup(h => h.Verify(Password, "$old$")).Returns(PasswordVerification.Failed);

        var known = await FailuresUntilRefusedAsync(Email.Value);
        var unknown = await FailuresUntilRefusedAsync("nobody@example.pk");

        Assert.Equal((5, TimeSpan.FromSeconds(1)), known);
        Assert.Equal(known, unknown);
    }

    [Fact]
    public async Task HandleAsync_OwnerAfterTheWait_SignsInAndClearsTheAccountsCounter()
    {
        _hasher.Setup(h => h.Verify("a wrong guess at it", "$old$")).Returns(PasswordVerification.Failed);
        _hasher.Setup(h => h.Verify(Password, "$old$")).Returns(PasswordVerification.Succeeded);
        for (var i = 0; i < 5; i++)
        {
            await Assert.ThrowsAsync<UnauthenticatedException>(() => LoginAsync(Email.Value, "a wrong guess at it"));
        }

        await Assert.ThrowsAsync<TooManyRequestsException>(() => LoginAsync(Email.Value));
        _time.Advance(TimeSpan.FromSeconds(1));
        await LoginAsync(Email.Value);

        Assert.DoesNotContain(ThrottleKey.ForEmail(ThrottleKind.SignInAccount, Email), _throttle.Counters.Keys);
        for (var i = 0; i < 5; i++)
        {
            await Assert.ThrowsAsync<UnauthenticatedException>(() => LoginAsync(Email.Value, "a wrong guess at it"));
        }
    }

    [Fact]
    public async Task HandleAsync_300FailuresFromOneClientAcrossAccounts_Is429ForAnyAccountFromThatClientOnly()
    {
        for (var i = 0; i < 300; i++)
        {
            await Assert.ThrowsAsync<UnauthenticatedException>(() => LoginAsync($"guess{i}@example.pk"));
        }

        var refused = await Assert.ThrowsAsync<TooManyRequestsException>(() => LoginAsync("guess300@example.pk"));
        var elsewhere = await Record.ExceptionAsync(() => Handler.HandleAsync(new LoginCommand("guess300@example.pk", Password), IPAddress.Parse("198.51.100.1"), CancellationToken.None));

        Assert.Equal(TimeSpan.FromHours(1), refused.RetryAfter);
        Assert.IsType<UnauthenticatedException>(elsewhere);
    }

    [Fact]
    public async Task HandleAsync_SuccessfulSignIns_DoNotCountAgainstTheClient()
    {
        _hasher.Setup(h => h.Verify(Password, "$old$")).Returns(PasswordVerification.Succeeded);
        for (var i = 0; i < 300; i++)
        {
            await LoginAsync(Email.Value);
        }

        var after = await Record.ExceptionAsync(() => LoginAsync("nobody@example.pk"));

        Assert.IsType<UnauthenticatedException>(after);
    }

    private Task<NewSession> LoginAsync(string email, string password = Password) =>
        Handler.HandleAsync(new LoginCommand(email, password), Client, CancellationToken.None);

    // Wrong passwords at one instant until the throttle refuses: how many got through, and the wait it then asks for.
    private async Task<(int Failures, TimeSpan RetryAfter)> FailuresUntilRefusedAsync(string email)
    {
        for (var failures = 0; ; failures++)
        {
            switch (await Record.ExceptionAsync(() => LoginAsync(email)))
            {
                case TooManyRequestsException refused:
                    return (failures, refused.RetryAfter);
                case UnauthenticatedException:
                    continue;
                case var other:
                    throw new InvalidOperationException($"unexpected {other}");
            }
        }
    }

    [Fact]
    public async Task HandleAsync_SeveralMemberships_SignsInToTheMostRecentlyUsedAndRecordsTheUse()
    {
        var other = MerchantId.New();
        _hasher.Setup(h => h.Verify(Password, "$old$")).Returns(new PasswordVerification(true, false));
        _merchants.Setup(m => m.ListMembershipsAsync("usr_1", It.IsAny<CancellationToken>())).ReturnsAsync(
            [new Membership(Merchant, Role.Manager, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(1)), new Membership(other, Role.Viewer, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(2))]);
        _merchants.Setup(m => m.GetMemberAsync(other, "usr_1", It.IsAny<CancellationToken>())).ReturnsAsync(new Member("usr_1", "Ayesha", Email, Role.Viewer, DateTimeOffset.UnixEpoch));

        await Handler.HandleAsync(new LoginCommand(Email.Value, Password), Client, CancellationToken.None);

        _sessions.Verify(s => s.CreateAsync(new SessionSubject("usr_1", other, Role.Viewer), It.IsAny<CancellationToken>()), Times.Once);
        _merchants.Verify(m => m.MarkMembershipUsedAsync("usr_1", other, _time.GetUtcNow(), It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task HandleAsync_MostRecentMembershipRemoved_SkipsItForTheNextOne()
    {
        var removed = MerchantId.New();
        _hasher.Setup(h => h.Verify(Password, "$old$")).Returns(new PasswordVerification(true, false));
        _merchants.Setup(m => m.ListMembershipsAsync("usr_1", It.IsAny<CancellationToken>())).ReturnsAsync(
            [new Membership(removed, Role.Viewer, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(2)), new Membership(Merchant, Role.Manager, DateTimeOffset.UnixEpoch, null)]);

        await Handler.HandleAsync(new LoginCommand(Email.Value, Password), Client, CancellationToken.None);

        _sessions.Verify(s => s.CreateAsync(new SessionSubject("usr_1", Merchant, Role.Manager), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task HandleAsync_NoMembershipLeft_AnswersLikeAWrongPassword()
    {
        _hasher.Setup(h => h.Verify(Password, "$old$")).Returns(new PasswordVerification(true, false));
        _merchants.Setup(m => m.GetMemberAsync(Merchant, "usr_1", It.IsAny<CancellationToken>())).ReturnsAsync((Member?)null);

        await Assert.ThrowsAsync<UnauthenticatedException>(() => Handler.HandleAsync(new LoginCommand(Email.Value, Password), Client, CancellationToken.None));

        _sessions.Verify(s => s.CreateAsync(It.IsAny<SessionSubject>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
