using Microsoft.Extensions.Time.Testing;
using Moq;
using SooperSeller.Core.Accounts;
using SooperSeller.Core.Accounts.PasswordReset;
using SooperSeller.Core.Accounts.Passwords;
using SooperSeller.Core.Accounts.Sessions;
using SooperSeller.Core.Accounts.Throttling;
using SooperSeller.Core.Errors;
using SooperSeller.Core.Tenancy;
using SooperSeller.UnitTests.Accounts.Throttling;

namespace SooperSeller.UnitTests.Accounts.PasswordReset;

public class ConfirmPasswordResetHandlerTests
{
    private const string NewPassword = "monsoon rain over clifton beach";
    private static readonly EmailAddress Email = EmailAddress.TryParse("ayesha@example.pk", out var email) ? email : default;
    private static readonly MerchantId Merchant = MerchantId.New();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryPasswordResets _resets = new();
    private readonly Mock<IEmailLookup> _lookup = new();
    private readonly Mock<IMerchantDirectory> _merchants = new();
    private readonly Mock<IPasswordHasher> _hasher = new();
    private readonly Mock<ISessionStore> _sessions = new();
    private readonly InMemoryThrottle _throttle;
    private readonly Credential _credential = new(Email, "usr_1", Merchant, "$old$") { Version = "v1" };
    private readonly string _token = SecureToken.New();

    public ConfirmPasswordResetHandlerTests()
    {
        _throttle = new InMemoryThrottle(_time);
        _lookup.Setup(l => l.FindAsync(Email, It.IsAny<CancellationToken>())).ReturnsAsync(() => _credential);
        _merchants.Setup(m => m.GetMerchantAsync(Merchant, It.IsAny<CancellationToken>())).ReturnsAsync(new MerchantProfile(Merchant, "Karachi Fashion House", DateTimeOffset.UnixEpoch));
        _hasher.Setup(h => h.Hash(NewPassword)).Returns("$new$");
        _resets.Rows[SecureToken.HashOf(_token)!] = new PendingPasswordReset("usr_1", Email, "v1", _time.GetUtcNow().AddMinutes(30));
    }

    private ConfirmPasswordResetHandler Handler => new(_resets, _lookup.Object, _merchants.Object, _hasher.Object, new PasswordPolicy(Mock.Of<IBreachedPasswords>()), _sessions.Object, _throttle, _time);

    [Fact]
    public async Task HandleAsync_ValidToken_SetsThePasswordRevokesEverySessionAndClearsTheSignInThrottle()
    {
        var signInKey = ThrottleKey.ForEmail(ThrottleKind.SignInAccount, Email);
        await _throttle.TryAcquireAsync(signInKey, CancellationToken.None);

        await Handler.HandleAsync(new ConfirmPasswordResetCommand(_token, NewPassword), CancellationToken.None);

        _lookup.Verify(l => l.UpdatePasswordHashAsync(_credential, "$new$", It.IsAny<CancellationToken>()), Times.Once);
        _sessions.Verify(s => s.RevokeAllAsync("usr_1", null, It.IsAny<CancellationToken>()), Times.Once);
        Assert.False(_throttle.Counters.ContainsKey(signInKey));
        Assert.Empty(_resets.Rows);
    }

    [Fact]
    public async Task HandleAsync_TokenUsedTwice_RefusesTheSecondNamingToken()
    {
        await Handler.HandleAsync(new ConfirmPasswordResetCommand(_token, NewPassword), CancellationToken.None);

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => Handler.HandleAsync(new ConfirmPasswordResetCommand(_token, NewPassword), CancellationToken.None));

        Assert.Equal(["token"], error.Errors.Keys);
        _lookup.Verify(l => l.UpdatePasswordHashAsync(It.IsAny<Credential>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task HandleAsync_ThirtyMinutesLater_RefusesTheTokenNamingToken()
    {
        _time.Advance(TimeSpan.FromMinutes(30));

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => Handler.HandleAsync(new ConfirmPasswordResetCommand(_token, NewPassword), CancellationToken.None));

        Assert.Equal(["token"], error.Errors.Keys);
        _lookup.Verify(l => l.UpdatePasswordHashAsync(It.IsAny<Credential>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task HandleAsync_PasswordChangedSinceTheLinkWasSent_RefusesTheTokenNamingToken()
    {
        _resets.Rows[SecureToken.HashOf(_token)!] = new PendingPasswordReset("usr_1", Email, "v0", _time.GetUtcNow().AddMinutes(30));

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => Handler.HandleAsync(new ConfirmPasswordResetCommand(_token, NewPassword), CancellationToken.None));

        Assert.Equal(["token"], error.Errors.Keys);
        _sessions.Verify(s => s.RevokeAllAsync(It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task HandleAsync_NewPasswordWithTheBusinessName_IsRefusedNamingNewPassword_AndKeepsTheLinkUsable()
    {
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => Handler.HandleAsync(new ConfirmPasswordResetCommand(_token, "karachi fashion house 2026"), CancellationToken.None));

        Assert.Equal(["newPassword"], error.Errors.Keys);
        Assert.Single(_resets.Rows);
    }

    [Fact]
    public async Task HandleAsync_MalformedToken_IsRefusedNamingToken()
    {
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => Handler.HandleAsync(new ConfirmPasswordResetCommand("forged", NewPassword), CancellationToken.None));

        Assert.Equal(["token"], error.Errors.Keys);
    }
}
