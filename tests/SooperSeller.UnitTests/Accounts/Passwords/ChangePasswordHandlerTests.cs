using Microsoft.Extensions.Time.Testing;
using Moq;
using SooperSeller.Core.Accounts;
using SooperSeller.Core.Accounts.Passwords;
using SooperSeller.Core.Accounts.Sessions;
using SooperSeller.Core.Accounts.Throttling;
using SooperSeller.Core.Errors;
using SooperSeller.Core.Tenancy;
using SooperSeller.UnitTests.Accounts.Throttling;

namespace SooperSeller.UnitTests.Accounts.Passwords;

public class ChangePasswordHandlerTests
{
    private const string Current = "chai and samosa at five";
    private const string NewPassword = "monsoon rain over clifton beach";
    private static readonly EmailAddress Email = EmailAddress.TryParse("ayesha@example.pk", out var email) ? email : default;
    private static readonly MerchantId Merchant = MerchantId.New();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
    private readonly Mock<IMerchantDirectory> _merchants = new();
    private readonly Mock<IEmailLookup> _lookup = new();
    private readonly Mock<IPasswordHasher> _hasher = new();
    private readonly Mock<ISessionStore> _sessions = new();
    private readonly InMemoryThrottle _throttle;
    private readonly Credential _credential = new(Email, "usr_1", Merchant, "$old$") { Version = "v1" };

    public ChangePasswordHandlerTests()
    {
        _throttle = new InMemoryThrottle(_time);
        _merchants.Setup(m => m.GetMemberAsync(Merchant, "usr_1", It.IsAny<CancellationToken>())).ReturnsAsync(new Member("usr_1", "Ayesha", Email, Role.Owner, DateTimeOffset.UnixEpoch));
        _merchants.Setup(m => m.GetMerchantAsync(Merchant, It.IsAny<CancellationToken>())).ReturnsAsync(new MerchantProfile(Merchant, "Karachi Fashion House", DateTimeOffset.UnixEpoch));
        _lookup.Setup(l => l.FindAsync(Email, It.IsAny<CancellationToken>())).ReturnsAsync(_credential);
        _hasher.Setup(h => h.Verify(It.IsAny<string>(), "$old$")).Returns(PasswordVerification.Failed);
        _hasher.Setup(h => h.Verify(Current, "$old$")).Returns(PasswordVerification.Succeeded);
        _hasher.Setup(h => h.Hash(NewPassword)).Returns("$new$");
    }

    private ChangePasswordHandler Handler => new(_merchants.Object, _lookup.Object, _hasher.Object, new PasswordPolicy(Mock.Of<IBreachedPasswords>()), _sessions.Object, _throttle);

    [Fact]
    public async Task HandleAsync_RightCurrentPassword_StoresTheNewHashAndRevokesOnlyTheOtherSessions()
    {
        await Handler.HandleAsync(Merchant, "usr_1", "ses_current", new ChangePasswordCommand(Current, NewPassword), CancellationToken.None);

        _lookup.Verify(l => l.UpdatePasswordHashAsync(_credential, "$new$", It.IsAny<CancellationToken>()), Times.Once);
        _sessions.Verify(s => s.RevokeAllAsync("usr_1", "ses_current", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task HandleAsync_WrongCurrentPassword_IsRefusedNamingCurrentPassword_AndChangesNothing()
    {
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => Handler.HandleAsync(Merchant, "usr_1", "ses_current", new ChangePasswordCommand("a wrong guess here", NewPassword), CancellationToken.None));

        Assert.Equal(["currentPassword"], error.Errors.Keys);
        _lookup.Verify(l => l.UpdatePasswordHashAsync(It.IsAny<Credential>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        _sessions.Verify(s => s.RevokeAllAsync(It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task HandleAsync_WrongGuessesPastTheSignInLimit_AreTooManyRequests()
    {
        for (var i = 0; i < 5; i++)
        {
            await Assert.ThrowsAsync<ValidationFailedException>(() => Handler.HandleAsync(Merchant, "usr_1", "ses_current", new ChangePasswordCommand("a wrong guess here", NewPassword), CancellationToken.None));
        }

        var sixth = await Record.ExceptionAsync(() => Handler.HandleAsync(Merchant, "usr_1", "ses_current", new ChangePasswordCommand(Current, NewPassword), CancellationToken.None));

        Assert.IsType<TooManyRequestsException>(sixth);
        Assert.True(_throttle.Counters.ContainsKey(ThrottleKey.ForEmail(ThrottleKind.SignInAccount, Email)));
    }

    [Fact]
    public async Task HandleAsync_NewPasswordContainingTheEmail_IsRefusedNamingNewPassword()
    {
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => Handler.HandleAsync(Merchant, "usr_1", "ses_current", new ChangePasswordCommand(Current, "ayesha secret words"), CancellationToken.None));

        Assert.Equal(["newPassword"], error.Errors.Keys);
        _lookup.Verify(l => l.UpdatePasswordHashAsync(It.IsAny<Credential>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
